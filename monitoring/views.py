"""Dashboards: a region's or a branch's figures for a period, and the regions side by side."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from branches.models import Assignment, OrgUnit
from branches.selectors import (
    administrator_contacts,
    unit_changeable_list,
    unit_children_summary,
    unit_visible_list,
    user_assignment,
    user_capabilities,
)
from monitoring import charts
from monitoring.cache import cached_figures
from monitoring.forms import LeagueWeightsForm
from monitoring.periods import period_parse
from monitoring.selectors import key_figures, previous_content, unit_figures
from monitoring.selectors.league import latest_year_with_data, league_table, league_weights
from monitoring.selectors.officer import officer_overview
from monitoring.selectors.onboarding import onboarding_checklist
from monitoring.services import league_weights_update
from monitoring.templatetags.figures import records_url

NATIONAL_SORTS = {
    "rank": lambda row: (row.rank is None, row.rank or 0),
    "region": lambda row: row.region.proper_name,
    "regularity": lambda row: row.figures.regularity or 0,
    "volume": lambda row: row.figures.publications_per_hundred or 0,
    "pages": lambda row: row.figures.pages_coverage or 0,
    "kazakh": lambda row: row.figures.kazakh_share or 0,
    "followers": lambda row: row.figures.followers_per_hundred or 0,
    "count": lambda row: row.figures.publications,
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Who one is and what one may do; for those who log records, their month first."""
    assignment = user_assignment(user=request.user)
    unit = assignment.unit if assignment and assignment.unit_id else None
    context = {
        "assignment": assignment,
        "unit": unit,
        "capabilities": user_capabilities(user=request.user),
        "summary": unit_children_summary(unit=unit) if unit else None,
        "administrators": administrator_contacts() if assignment is None else [],
        "overview": None,
    }
    if unit is not None and request.user.has_perm("publications.log_records"):
        urls = {"add": reverse("publications:create"), "followers": reverse("snapshots:create")}
        context["overview"] = officer_overview(
            user=request.user, unit=unit, today=timezone.localdate(), urls=urls
        )
    return render(request, "monitoring/home.html", context)


@login_required
def dashboard_home(request: HttpRequest) -> HttpResponse:
    """The national view for those who read every region; one's own unit's for the others."""
    assignment = user_assignment(user=request.user)
    if assignment is None:
        # A signed-in user the administrator has not placed yet: say so, and whom to ask.
        context = {"administrators": administrator_contacts()}
        return render(request, "monitoring/no_role.html", context)
    if assignment.role in (Assignment.Role.ADMINISTRATOR, Assignment.Role.CENTRAL_PRESS):
        return national_dashboard(request)
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return redirect(f"{_unit_url(assignment.unit)}{query}")


def _unit_url(unit: OrgUnit) -> str:
    return reverse("dashboard:unit", args=[unit.slug])


def national_dashboard(request: HttpRequest) -> HttpResponse:
    """The league table of regions; without a year, the latest year with any records."""
    year, as_of = request.GET.get("year"), request.GET.get("as_of")
    if not year and not as_of:
        latest = latest_year_with_data()
        year = str(latest) if latest else None
    period = period_parse(year=year, as_of=as_of)
    weights = league_weights()
    weights_key = "-".join(str(weight) for weight in weights.as_dict().values())
    sort = request.GET.get("sort", "rank")
    key = NATIONAL_SORTS.get(sort.lstrip("-"), NATIONAL_SORTS["rank"])
    league, chart = cached_figures(
        f"league:{period.year}:{period.as_of}:{weights_key}:{request.LANGUAGE_CODE}",
        lambda: _league_and_chart(period, weights.as_dict()),
    )
    # Ranks and the region's name read best ascending; the figures, largest first.
    ascending = sort.lstrip("-") in ("rank", "region")
    rows = sorted(league, key=key, reverse=(not ascending) != sort.startswith("-"))
    columns = [
        ("rank", _("Rank")),
        ("region", _("Region")),
        ("score", _("Score")),
        ("regularity", _("Months with posts")),
        ("volume", _("Publications per 100 members")),
        ("pages", _("Branches with pages")),
        ("kazakh", _("In Kazakh")),
        ("followers", _("Followers per 100 members")),
    ]
    context = {
        "period": period,
        "rows": rows,
        "sort": sort,
        "columns": columns,
        "weights": weights,
        "chart": chart,
        "can_set_weights": request.user.has_perm("publications.manage_reference_lists"),
        "period_query": urlencode(period.query()),
    }
    return render(request, "monitoring/national.html", context)


def _league_and_chart(period, weights: dict) -> tuple:
    league = league_table(period=period, weights=weights)
    return league, charts.chart_league(league, title=_("Score"))


@login_required
def league_weights_edit(request: HttpRequest) -> HttpResponse:
    """Central press sets how much each measure counts in the league table."""
    if not request.user.has_perm("publications.manage_reference_lists"):
        raise PermissionDenied
    weights = league_weights()
    form = LeagueWeightsForm(request.POST or None, instance=weights)
    if request.method == "POST" and form.is_valid():
        league_weights_update(user=request.user, weights=form.cleaned_data)
        messages.success(request, _("The weights are saved; the league table uses them now."))
        return redirect("dashboard:home")
    return render(request, "monitoring/league_weights.html", {"form": form})


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
    latest = latest_year_with_data(unit=unit) if figures.is_empty else None
    context = {
        "unit": unit,
        "period": period,
        "figures": figures,
        "cards": cards,
        "charts": chart_uris,
        "latest_year": latest if latest != period.year else None,
        "can_log": request.user.has_perm("publications.log_records"),
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
    return (
        figures,
        cards,
        {
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
        },
    )


STEP_LINKS = {
    "branches": "branches:list",
    "officers": "people:invite",
    "primaries": "primaries:import",
    "pages": "resources:create",
    "targets": "targets:create",
    "members": "primaries:import",
}


@login_required
def onboarding(request: HttpRequest, slug: str) -> HttpResponse:
    """What the region still lacks: branches without an officer, no primaries, no pages, no
    targets, no member counts, no people in the report."""
    if not request.user.has_perm("monitoring.manage_region"):
        raise PermissionDenied
    regions = unit_changeable_list(user=request.user).filter(kind=OrgUnit.Kind.REGION)
    region = get_object_or_404(regions, slug=slug)
    steps = onboarding_checklist(region=region)
    links = {
        **{key: reverse(name) for key, name in STEP_LINKS.items()},
        "people": reverse("units:people_fields", args=[region.slug]),
    }
    context = {"region": region, "steps": [(step, links[step.key]) for step in steps]}
    return render(request, "monitoring/onboarding.html", context)
