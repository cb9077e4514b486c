"""A unit's month, for the digest mailed to people who never log in."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from branches.models import OrgUnit
from monitoring.models import AudienceSnapshot, ReviewTask
from monitoring.periods import Period, month_end
from monitoring.selectors.audience import own_pages
from monitoring.selectors.figures import committee_reviews
from monitoring.selectors.publications import (
    authors_of,
    publications_of,
    tallies_of,
    unit_order,
)
from publications.models import Platform, Resource, Tally


@dataclass
class MonthSummary:
    unit: OrgUnit
    month: date  # its first day
    by_platform: list[tuple[Platform, int, int]]  # (platform, this month, the month before)
    silent_branches: list[OrgUnit]
    overdue_tasks: list[ReviewTask]
    followers: list[tuple[Resource, int | None, int | None]]  # (page, before, at month's end)
    # Tallies of several months that cover this one: its own count is not known by month.
    covering: list[Tally] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(this for _platform, this, _before in self.by_platform)


def month_summary(*, unit: OrgUnit, month: date) -> MonthSummary:
    """Publications by platform against the month before, silent branches, overdue tasks and
    follower changes of a unit's month."""
    first = month.replace(day=1)
    last = month_end(first)
    before_first = (first - timedelta(days=1)).replace(day=1)
    counts = (
        publications_of(unit)
        .filter(published_on__range=(before_first, last))
        .values("resource__platform", "unit", month=ExtractMonth("published_on"))
        .annotate(n=Count("id"))
    )
    platforms = {p.pk: p for p in Platform.objects.all()}
    this: dict[int, int] = defaultdict(int)
    previous: dict[int, int] = defaultdict(int)
    active_units: set[int] = set()
    for row in counts:
        if row["month"] == first.month:
            this[row["resource__platform"]] += row["n"]
            active_units.add(row["unit"])
        else:
            previous[row["resource__platform"]] += row["n"]
    covering = list(
        tallies_of(unit)
        .filter(starts_on__lte=last, ends_on__gte=first)
        .exclude(starts_on__gte=first, ends_on__lte=last)
        .select_related("platform")
        .order_by("starts_on")
    )
    # Tallies count where they lie inside one of the two months.
    tallies = tallies_of(unit).filter(starts_on__gte=before_first, ends_on__lte=last)
    for platform, unit_pk, starts_on, ends_on, n in tallies.values_list(
        "platform", "unit", "starts_on", "ends_on", "count"
    ):
        if starts_on.month != ends_on.month:
            continue
        if starts_on.month == first.month:
            this[platform] += n
            active_units.add(unit_pk)
        else:
            previous[platform] += n
    authors = authors_of(unit)
    active_branches = {authors[pk].unit.pk for pk in active_units if pk in authors}
    branches = sorted(
        (a.unit for a in set(authors.values())
         if a.unit.kind == OrgUnit.Kind.BRANCH and not a.served_directly),
        key=unit_order,
    )  # fmt: skip
    period = Period(last.year, last)
    pages = own_pages(unit=unit, period=period)
    before = {
        row["resource_id"]: row["followers"]
        for row in AudienceSnapshot.objects.filter(
            resource__in=[p.resource for p in pages], taken_on__lt=first
        )
        .order_by("resource_id", "taken_on")
        .values("resource_id", "followers")
    }
    tasks = [
        task
        for review in committee_reviews(unit=unit, up_to=last)
        for task in review.tasks.all()
        if task.is_overdue
    ]
    return MonthSummary(
        unit=unit,
        month=first,
        by_platform=[
            (platforms[pk], this.get(pk, 0), previous.get(pk, 0))
            for pk in sorted(set(this) | set(previous), key=lambda pk: platforms[pk].sort_order)
        ],
        silent_branches=[]
        if covering
        else [branch for branch in branches if branch.pk not in active_branches],
        covering=covering,
        overdue_tasks=tasks,
        followers=[(p.resource, before.get(p.resource.pk), p.followers) for p in pages],
    )
