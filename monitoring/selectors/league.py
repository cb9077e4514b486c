"""The national league table of regions, on the measures union contests use: regularity (months
with posts), publications per 100 members, branches with their own pages, the share in Kazakh
and followers per 100 members.

The method, shown on the page: each measure becomes points from 0 to 100 — a share as it is
(months with posts as a share of the period's months), a figure per 100 members against the best
region's (the best gets 100). A region's score is the weighted mean of its points over the
measures known for it; an unknown measure is left out of its mean, never counted as zero."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max
from django.db.models.functions import ExtractYear

from branches.models import OrgUnit
from monitoring.models import LeagueWeights
from monitoring.periods import Period
from monitoring.selectors.national import RegionRow, national_figures
from monitoring.selectors.publications import summary_of, tallies_of
from publications.models import PublicationMonth, Tally

MEASURES = LeagueWeights.MEASURES


def league_weights() -> LeagueWeights:
    """The weights in force: the saved row, or the defaults before anyone set them."""
    return LeagueWeights.objects.order_by("pk").first() or LeagueWeights()


def latest_year_with_data(*, unit: OrgUnit | None = None) -> int | None:
    """The latest year with any publication or tally recorded, in the unit's subtree or in any
    region (2 queries)."""
    months = summary_of(unit) if unit else PublicationMonth.objects.all()
    tallies = tallies_of(unit) if unit else Tally.objects.all()
    years = [
        months.filter(n__gt=0).aggregate(y=Max(ExtractYear("month")))["y"],
        tallies.aggregate(y=Max(ExtractYear("ends_on")))["y"],
    ]
    known = [year for year in years if year is not None]
    return max(known) if known else None


def _raw(row: RegionRow) -> dict[str, float | None]:
    regularity = row.regularity
    return {
        "regularity": None if regularity is None else 100 * regularity / row.period_months,
        "volume": row.publications_per_hundred,
        "pages": row.pages_coverage if row.branches else None,
        "kazakh": row.kazakh_share,
        "followers": row.followers_per_hundred,
    }


@dataclass
class LeagueRow:
    figures: RegionRow
    points: dict[str, float | None]
    score: float | None
    rank: int | None = None
    previous_rank: int | None = None
    previous_score: float | None = None
    unknown: list[str] = field(default_factory=list)  # measures left out of the score

    @property
    def region(self):
        return self.figures.region

    @property
    def rank_change(self) -> int | None:
        """Places gained since the same span a year before (negative: places lost)."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    @property
    def score_change(self) -> int | None:
        """Points gained since the same span a year before, in whole points as shown."""
        if self.score is None or self.previous_score is None:
            return None
        return round(self.score) - round(self.previous_score)


def _scored(rows: list[RegionRow], weights: dict[str, int]) -> list[LeagueRow]:
    raw = {row.region.pk: _raw(row) for row in rows}
    relative = ("volume", "followers")  # per 100 members: against the best region
    best = {
        name: max((r[name] for r in raw.values() if r[name] is not None), default=None)
        for name in relative
    }
    league = []
    for row in rows:
        points = dict(raw[row.region.pk])
        for name in relative:
            if points[name] is not None:
                points[name] = 100 * points[name] / best[name] if best[name] else 0.0
        used = {name: w for name, w in weights.items() if w and points[name] is not None}
        score = (
            sum(points[name] * w for name, w in used.items()) / sum(used.values()) if used else None
        )
        has_records = row.publications or row.followers
        league.append(
            LeagueRow(
                figures=row,
                points=points,
                score=score if has_records else None,
                unknown=[name for name, w in weights.items() if w and points[name] is None],
            )
        )
    ranked = sorted((r for r in league if r.score is not None), key=lambda r: -r.score)
    for place, row in enumerate(ranked, start=1):
        row.rank = place
    return league


def league_table(*, period: Period, weights: dict[str, int]) -> list[LeagueRow]:
    """The regions ranked by their weighted score, with their rank and score the same span a
    year before (a region with nothing recorded has no score and no rank)."""
    current = _scored(national_figures(period=period), weights)
    before = {r.region.pk: r for r in _scored(national_figures(period=period.previous), weights)}
    for row in current:
        earlier = before.get(row.region.pk)
        if earlier is not None:
            row.previous_rank, row.previous_score = earlier.rank, earlier.score
    return sorted(current, key=lambda r: (r.rank is None, r.rank or 0, r.region.proper_name))
