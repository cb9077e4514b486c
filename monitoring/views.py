"""Dashboards: a region's or a branch's figures for a period, and the regions side by side."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from branches.models import Assignment, OrgUnit
from branches.selectors import unit_visible_list, user_assignment
from monitoring import charts
from monitoring.cache import cached_figures
from monitoring.periods import period_parse
from monitoring.selectors import key_figures, national_figures, previous_content, unit_figures
from monitoring.templatetags.figures import records_url

NATIONAL_SORTS = {
    "region": lambda row: row.region.name,
    "count": lambda row: row.publications,
    "publications": lambda row: row.publications_per_hundred or 0,
    "followers": lambda row: row.followers_per_hundred or 0,
    "pages": lambda row: row.branches_with_pages,
    "legal": lambda row: row.legal_share or 0,
}


@login_required
def dashboard_home(request: HttpRequest) -> HttpResponse:
    """The national view for those who read every region; one's own unit's for the others."""
    assignment = user_assignment(user=request.user)
    if assignment is None:
        raise Http404
    if assignment.role in (Assignment.Role.ADMINISTRATOR, Assignment.Role.CENTRAL_PRESS):
        return national_dashboard(request)
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return redirect(f"{_unit_url(assignment.unit)}{query}")


def _unit_url(unit: OrgUnit) -> str:
    return reverse("dashboard:unit", args=[unit.slug])


def national_dashboard(request: HttpRequest) -> HttpResponse:
    period = period_parse(year=request.GET.get("year"), as_of=request.GET.get("as_of"))
    sort = request.GET.get("sort", "publications")
    key = NATIONAL_SORTS.get(sort.lstrip("-"), NATIONAL_SORTS["publications"])
    figures = cached_figures(
        f"national:{period.year}:{period.as_of}", lambda: national_figures(period=period)
    )
    rows = sorted(figures, key=key, reverse=not sort.startswith("-"))
    columns = [
        ("region", _("Region")),
        ("count", _("Publications")),
        ("publications", _("Publications per 100 members")),
        ("followers", _("Followers per 100 members")),
        ("pages", _("Branches with pages")),
        ("legal", _("Legal topics")),
    ]
    context = {
        "period": period,
        "rows": rows,
        "sort": sort,
        "columns": columns,
        "period_query": urlencode(period.query()),
    }
    return render(request, "monitoring/national.html", context)


@login_required
def dashboard_unit(request: HttpRequest, slug: str) -> HttpResponse:
    """A region's or a branch's dashboard; a unit the user may not see is a 404."""
    units = unit_visible_list(user=request.user).filter(
        kind__in=[OrgUnit.Kind.REGION, OrgUnit.Kind.BRANCH]
    )
    unit = get_object_or_404(units, slug=slug)
    period = period_parse(year=request.GET.get("year"), as_of=request.GET.get("as_of"))
    figures, cards, chart_uris = cached_figures(
        f"overview:{unit.pk}:{period.year}:{period.as_of}:{request.LANGUAGE_CODE}",
        lambda: _figures_and_charts(unit, period),
    )
    context = {
        "unit": unit,
        "period": period,
        "figures": figures,
        "cards": cards,
        "charts": chart_uris,
    }
    return render(request, "monitoring/dashboard.html", context)


def _figures_and_charts(unit: OrgUnit, period) -> tuple:
    figures = unit_figures(unit=unit, period=period)
    # A page with one count is a card on the first screen, not a dot on an empty axis.
    history = any(len(points) > 1 for points in figures.followers.values())
    cards = key_figures(figures=figures, previous_content=previous_content(figures=figures))
    owner = {"owner": unit.pk}
    links = {
        "publications": records_url(period, unit=unit),
        "followers": f"{reverse('snapshots:list')}?{urlencode(owner)}",
        "branch-pages": f"{reverse('resources:list')}?{urlencode({**owner, 'kind': 'own_page'})}",
        "legal": records_url(period, unit=unit, topic="legal"),
    }
    for card in cards:
        card.url = links[card.key]
        card.sparkline = charts.sparkline([value for _label, value in card.series])
    return figures, cards, {
        "months": charts.chart_months(
            figures.by_month,
            months=period.months,
            title=_("Publications per month and platform"),
            size=charts.WIDE,
        ),
        "platforms": charts.chart_year_table(
            figures.by_platform,
            title=_("Publications per platform"),
            label=lambda platform: platform.label,
            size=charts.WIDE,
        ),
        "followers": charts.chart_followers(figures.followers, title=_("Followers"))
        if history
        else None,
        "topics": charts.chart_topics(figures.content, title=_("Topics"), size=charts.HALF)
        if figures.content.topic_known
        else None,
    }
