"""Own pages of a unit and its branches, with their followers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery

from branches.models import OrgUnit
from monitoring.models import AudienceSnapshot
from monitoring.periods import Period
from monitoring.selectors.publications import unit_order
from publications.models import Resource


@dataclass
class Page:
    resource: Resource
    followers: int | None
    followers_on: date | None
    later: bool = False  # no count by the period's end: this is the latest one, taken after

    @property
    def followers_in_period(self) -> int | None:
        return None if self.later else self.followers


def own_pages(*, unit: OrgUnit, period: Period) -> list[Page]:
    """Pages of the unit and its branches that existed by the period's end, each with its
    latest follower count by then (or, failing one, its latest count, marked `later`)."""
    earlier = AudienceSnapshot.objects.filter(
        resource=OuterRef("pk"), taken_on__lte=period.end
    ).order_by("-taken_on")
    latest = AudienceSnapshot.objects.filter(resource=OuterRef("pk")).order_by("-taken_on")
    pages = (
        Resource.objects.filter(kind=Resource.Kind.OWN_PAGE, owner__path__startswith=unit.path)
        .filter(Q(opened_on__isnull=True) | Q(opened_on__lte=period.end))
        .exclude(owner__kind=OrgUnit.Kind.PRIMARY)
        .select_related("platform", "owner")
        .annotate(
            earlier_followers=Subquery(earlier.values("followers")[:1]),
            earlier_on=Subquery(earlier.values("taken_on")[:1]),
            latest_followers=Subquery(latest.values("followers")[:1]),
            latest_on=Subquery(latest.values("taken_on")[:1]),
        )
        .order_by("owner__path", "platform__sort_order")
    )
    return [
        Page(p, p.earlier_followers, p.earlier_on)
        if p.earlier_on is not None
        else Page(p, p.latest_followers, p.latest_on, later=p.latest_on is not None)
        for p in pages
    ]


def follower_history(*, pages: list[Page], period: Period) -> dict[Resource, list[tuple]]:
    """Each page's follower counts over the period and the year before it."""
    history: dict[int, list[tuple]] = defaultdict(list)
    snapshots = AudienceSnapshot.objects.filter(
        resource__in=[page.resource for page in pages],
        taken_on__range=(period.previous.start, period.end),
    ).order_by("taken_on")
    for snapshot in snapshots.values("resource_id", "taken_on", "followers"):
        history[snapshot["resource_id"]].append((snapshot["taken_on"], snapshot["followers"]))
    return {page.resource: history.get(page.resource.pk, []) for page in pages}


@dataclass
class BranchPages:
    branch: OrgUnit
    pages: list[Resource]


def branch_pages(*, unit: OrgUnit, pages: list[Page]) -> list[BranchPages]:
    """Every branch under the unit (or the unit itself, if a branch) with its own pages."""
    branches = sorted(
        OrgUnit.objects.filter(path__startswith=unit.path, kind=OrgUnit.Kind.BRANCH),
        key=lambda branch: (branch.committee == OrgUnit.Committee.CITY, unit_order(branch)),
    )
    by_owner: dict[int, list[Resource]] = defaultdict(list)
    for page in pages:
        by_owner[page.resource.owner_id].append(page.resource)
    return [BranchPages(branch, by_owner.get(branch.pk, [])) for branch in branches]


def unit_followers(*, pages: list[Page], unit_id: int) -> int | None:
    """The one definition of a unit's followers: those of its own pages only (not its branches'
    pages, which have their own), by the period's end; None where any is unknown or there is
    no page. Cards, targets, the Анықтама and the national view all count so."""
    counts = [page.followers_in_period for page in pages if page.resource.owner_id == unit_id]
    return None if not counts or None in counts else sum(counts)
