"""A press officer's home: their month against the same months a year before, the months of the
year without a post, what is due, and the last things they logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Sum
from django.utils.translation import gettext as _

from branches.models import OrgUnit
from monitoring.models import AudienceSnapshot
from monitoring.periods import Period
from monitoring.selectors.audience import own_pages
from monitoring.selectors.publications import summary_of, tallies_of
from publications.models import MethodologicalMaterial, Publication, Tally

# A follower count older than this is due again (a quarter).
FOLLOWERS_DUE_AFTER = timedelta(days=92)
RECENT = 5


def _first(day: date) -> date:
    return day.replace(day=1)


def _month_before(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def _year_before(first: date) -> date:
    return first.replace(year=first.year - 1)


@dataclass
class MonthCount:
    month: date  # its first day
    count: int
    year_before: int | None  # None: not known by month (a tally over several months)
    so_far: bool = False  # the current month, not over yet

    @property
    def change(self) -> int | None:
        return None if self.year_before is None else self.count - self.year_before


@dataclass
class Due:
    text: str
    url: str


@dataclass
class Logged:
    when: object  # a datetime
    kind: str
    text: str
    url: str


@dataclass
class OfficerOverview:
    unit: OrgUnit
    months: list[MonthCount]  # this month and the one before
    silent_months: list[date]  # months of this year, up to this one, without a post
    covered_months: list[date]  # months only a tally over several months speaks for
    due: list[Due] = field(default_factory=list)
    recent: list[Logged] = field(default_factory=list)


def _counts_by_month(unit: OrgUnit, first: date, last: date) -> tuple[dict[date, int], set]:
    """Publications per month (the summary) and single-month tallies; and the months that a
    tally over several months covers, whose own counts are not known."""
    counts: dict[date, int] = {}
    rows = (
        summary_of(unit)
        .filter(month__range=(first, last))
        .values("month")
        .annotate(n=Sum("n"))
        .order_by()
    )
    for row in rows:
        counts[row["month"]] = counts.get(row["month"], 0) + (row["n"] or 0)
    covered: set[date] = set()
    tallies = tallies_of(unit).filter(starts_on__lte=last, ends_on__gte=first)
    for starts_on, ends_on, n in tallies.values_list("starts_on", "ends_on", "count"):
        if _first(starts_on) == _first(ends_on):
            counts[_first(starts_on)] = counts.get(_first(starts_on), 0) + n
            continue
        month = _first(starts_on)
        while month <= ends_on:
            covered.add(month)
            month = (month + timedelta(days=32)).replace(day=1)
    return counts, covered


def officer_overview(
    *, user: AbstractBaseUser, unit: OrgUnit, today: date, urls: dict[str, str]
) -> OfficerOverview:
    """The officer's month, silent months, what is due and the last things they logged."""
    this = _first(today)
    before = _month_before(this)
    counts, covered = _counts_by_month(unit, _year_before(_first(today.replace(month=1))), this)
    months = []
    for first in (this, before):
        earlier = _year_before(first)
        months.append(
            MonthCount(
                month=first,
                count=counts.get(first, 0),
                year_before=None if earlier in covered else counts.get(earlier, 0),
                so_far=first == this,
            )
        )
    year_months = [date(today.year, m, 1) for m in range(1, today.month + 1)]
    silent = [m for m in year_months if not counts.get(m) and m not in covered]
    overview = OfficerOverview(
        unit=unit,
        months=months,
        silent_months=silent,
        covered_months=[m for m in year_months if m in covered and not counts.get(m)],
    )
    if not counts.get(this):
        overview.due.append(Due(_("Nothing is logged for this month yet."), urls["add"]))
    for page in own_pages(unit=unit, period=Period(today.year, today)):
        if page.followers_on is None:
            text = _("%(page)s: no follower count is recorded.") % {"page": page.resource.name}
        elif today - page.followers_on > FOLLOWERS_DUE_AFTER:
            text = _("%(page)s: the last follower count is of %(date)s.") % {
                "page": page.resource.name,
                "date": page.followers_on.strftime("%d.%m.%Y"),
            }
        else:
            continue
        overview.due.append(Due(text, urls["followers"]))
    overview.recent = recent_logged(user=user)
    return overview


def recent_logged(*, user: AbstractBaseUser) -> list[Logged]:
    """The last things this user logged: publications, tallies, follower counts, booklets."""
    found: list[Logged] = []
    sources = [
        (Publication.objects.select_related("resource__platform"), _("Publication")),
        (Tally.objects.select_related("unit"), _("Tally")),
        (AudienceSnapshot.objects.select_related("resource"), _("Follower count")),
        (MethodologicalMaterial.objects.all(), _("Booklet")),
    ]
    for queryset, kind in sources:
        for record in queryset.filter(created_by=user).order_by("-created_at")[:RECENT]:
            found.append(Logged(record.created_at, kind, str(record), record.get_absolute_url()))
    return sorted(found, key=lambda item: item.when, reverse=True)[:RECENT]
