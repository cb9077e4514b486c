"""Dashboards: a region's or a branch's figures for a period, and the regions side by side."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from branches.models import Assignment, OrgUnit
from branches.selectors import (
    administrator_contacts,
    unit_changeable_list,
    unit_visible_list,
    user_assignment,
)
from monitoring import charts
from monitoring.cache import cached_figures
from monitoring.periods import period_parse
from monitoring.selectors import national_figures, unit_figures
from monitoring.selectors.onboarding import onboarding_checklist

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
    figures, chart_uris = cached_figures(
        f"dashboard:{unit.pk}:{period.year}:{period.as_of}:{request.LANGUAGE_CODE}",
        lambda: _figures_and_charts(unit, period),
    )
    context = {"unit": unit, "period": period, "figures": figures, "charts": chart_uris}
    return render(request, "monitoring/dashboard.html", context)


def _figures_and_charts(unit: OrgUnit, period) -> tuple:
    figures = unit_figures(unit=unit, period=period)
    return figures, {
        "platforms": charts.chart_year_table(
            figures.by_platform,
            title=_("Publications per platform"),
            label=lambda platform: platform.label,
        ),
        "followers": charts.chart_followers(figures.followers, title=_("Followers")),
        "topics": charts.chart_topics(figures.content, title=_("Topics"))
        if figures.content.topic_known
        else None,
    }


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
