"""The first screen of a dashboard: a few key figures, each against the same span a year before,
with its recent history; and the period's publications per month and platform."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from monitoring.selectors.publications import CURRENT, Content, Cube, content_figures
from publications.models import Platform

if TYPE_CHECKING:  # figures read this module's month table: no import at run time
    from monitoring.selectors.figures import Figures


@dataclass
class KeyFigure:
    """One card. `value` None is unknown (never zero); `previous` None: no comparison."""

    key: str
    label: str
    value: float | None
    kind: str = "number"  # "number", "percent" or "ratio" (n of total)
    total: int | None = None  # for "ratio": the whole
    previous: float | None = None
    not_comparable: str = ""  # why there is no change, when the reason is worth saying
    note: str = ""
    series: list[tuple[str, float]] = field(default_factory=list)  # the sparkline
    url: str = ""
    sparkline: str | None = None  # a data: URI, drawn by the view

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def direction(self) -> str:
        """ "up", "down", "same", or "" where there is no comparison."""
        change = self.change
        if change is None:
            return ""
        return "up" if change > 0 else "down" if change < 0 else "same"


def _followers_on(history: dict, day: date) -> int | None:
    """The sum of each page's latest count on or before `day`; None if a page has none."""
    total = 0
    for points in history.values():
        known = [n for taken_on, n in points if taken_on <= day]
        if not known:
            return None
        total += known[-1]
    return total


def key_figures(*, figures: Figures, previous_content: Content | None = None) -> list[KeyFigure]:
    """Publications, followers of the unit's own pages, branches with their own pages and the
    share of legal topics: the four figures an executive looks at first."""
    period = figures.period
    total = figures.by_platform.total
    years = figures.by_platform.years
    publications = KeyFigure(
        key="publications",
        label=_("Publications"),
        value=total.by_year.get(period.year, 0),
        previous=total.previous if total.comparable else None,
        not_comparable=total.not_comparable,
        series=[(str(year), total.by_year.get(year, 0)) for year in years],
    )
    unit_pages = {p.resource: figures.followers.get(p.resource, []) for p in figures.unit_pages}
    followers = KeyFigure(
        key="followers",
        label=_("Followers of own pages"),
        value=figures.followers_total,
        previous=_followers_on(unit_pages, period.previous.end) if unit_pages else None,
    )
    days = sorted({day for points in unit_pages.values() for day, _n in points})
    for day in days:
        n = _followers_on(unit_pages, day)
        if n is not None:
            followers.series.append((day.strftime("%d.%m.%Y"), n))
    if len(followers.series) == 1:
        followers.note = _("one count, on %(date)s") % {"date": followers.series[0][0]}
    branches = figures.branches
    with_pages = [row for row in branches if row.pages]
    opened = [page.opened_on for row in with_pages for page in row.pages]
    earlier = None
    if None not in opened:
        earlier = sum(
            1
            for row in with_pages
            if any(page.opened_on <= period.previous.end for page in row.pages)
        )
    pages = KeyFigure(
        key="branch-pages",
        label=_("Branches with their own pages"),
        value=len(with_pages),
        kind="ratio",
        total=len(branches),
        previous=earlier,
    )
    content = figures.content
    legal = KeyFigure(
        key="legal",
        label=_("Legal topics"),
        value=float(content.legal_share) if content.legal_share is not None else None,
        kind="percent",
        previous=float(previous_content.legal_share)
        if previous_content is not None and previous_content.legal_share is not None
        else None,
        note=_("of the items whose topic is known"),
    )
    cards = [publications, followers, pages, legal]
    return cards if branches else [publications, followers, legal]


def previous_content(*, figures: Figures) -> Content:
    """The content mix of the same span a year before (for the change of the shares)."""
    return content_figures(unit=figures.unit, period=figures.period.previous)


@dataclass
class MonthRow:
    platform: Platform
    by_month: dict[int, int]


def publications_by_month(cube: Cube) -> list[MonthRow]:
    """The period's publications per platform and month, where the month is known (a tally
    over several months is left out: its months are not known)."""
    counts: dict[Platform, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for cell in cube.cells:
        if cell["span"] == CURRENT and cell["month"] and not cell["straddles"]:
            counts[cube.resources[cell["resource"]].platform][cell["month"]] += cell["n"]
    return [
        MonthRow(platform, dict(months))
        for platform, months in sorted(counts.items(), key=lambda item: item[0].sort_order)
    ]
