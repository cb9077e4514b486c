"""Publication counts of a unit's subtree: per platform, per outside medium, per authoring
unit, year over year and against the same span of the year before; per branch and month; and
the content mix of the period.

All the year-over-year tables and the branch × month grid come from one grouped query (the
"cube": counts per unit, resource, year, span and month), so a dashboard reads the
publications table once however many tables it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, IntegerField, Max, Min, Q, Sum, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext

from branches.models import OrgUnit
from branches.text import kazakh_sort_key
from monitoring.periods import Period, month_end
from publications.models import (
    TOPIC_FIELDS,
    Platform,
    Publication,
    PublicationMonth,
    Resource,
    Tally,
)
from publications.summary import month_aggregates

CURRENT, PREVIOUS = 1, 2  # the cube's spans: the period, and the same span a year before


def publications_of(unit: OrgUnit):
    """The live publications of a unit's subtree, found through the indexed region column
    (a region's are exactly those of its region: no join with the tree is needed)."""
    if unit.kind == OrgUnit.Kind.REGION:
        return Publication.objects.filter(region_id=unit.pk)
    publications = Publication.objects.filter(unit__path__startswith=unit.path)
    if unit.region_id:
        publications = publications.filter(region_id=unit.region_id)
    return publications


@dataclass
class CountRow:
    """One line of a year-over-year table: counts per year, and the two compared spans."""

    key: object  # a Platform, a Resource, Outlets or an Author
    by_year: dict[int, int] = field(default_factory=dict)
    current: int = 0
    previous: int = 0
    # The publications list's filters that select this row's records (dates aside).
    filters: dict = field(default_factory=dict)
    # Why the two spans cannot be compared ("" when they can): a tally that covers a span
    # only in part, or a year with no records at all.
    not_comparable: str = ""
    # Per year, the span its figure covers when tallies give it at a coarser grain than the
    # period (e.g. the first half of 2024): (first day, last day).
    covers: dict[int, tuple] = field(default_factory=dict)

    @property
    def comparable(self) -> bool:
        return not self.not_comparable

    @property
    def change(self) -> int | None:
        return self.current - self.previous if self.comparable else None


@dataclass
class YearTable:
    years: list[int]
    rows: list[CountRow]
    period: Period

    @property
    def total(self) -> CountRow:
        total = CountRow(key=None)
        for row in self.rows:
            for year, n in row.by_year.items():
                total.by_year[year] = total.by_year.get(year, 0) + n
            total.current += row.current
            total.previous += row.previous
            if row.not_comparable and not total.not_comparable:
                total.not_comparable = row.not_comparable
        return total


@dataclass(frozen=True)
class Author:
    """Who a publication is credited to in the tables: a unit, or the primary organizations
    the region serves directly."""

    unit: OrgUnit
    served_directly: bool = False

    @property
    def order(self) -> tuple:
        return (self.served_directly, *unit_order(self.unit))

    @property
    def label(self) -> str:
        if self.served_directly:
            return gettext("Primary organizations served directly")
        return self.unit.label

    @property
    def filters(self) -> dict:
        if self.served_directly:
            return {"author_parent": self.unit.pk, "author_kind": OrgUnit.Kind.PRIMARY}
        if self.unit.kind == OrgUnit.Kind.BRANCH:
            return {"unit": self.unit.pk}  # the branch and its primary organizations
        return {"author": self.unit.pk}


def unit_order(unit: OrgUnit) -> tuple:
    """The order of the source document: the region, city committees, then districts A to Я."""
    kind = {OrgUnit.Kind.REGION: 0, OrgUnit.Kind.BRANCH: 1}.get(unit.kind, 2)
    city = 0 if unit.committee == OrgUnit.Committee.CITY else 1
    return (kind, city, kazakh_sort_key(unit.label))


def authors_of(unit: OrgUnit, units: dict[int, OrgUnit] | None = None) -> dict[int, Author]:
    """Each unit of the subtree → the author it counts under (primaries under their branch)."""
    if units is None:
        units = {u.pk: u for u in OrgUnit.objects.filter(path__startswith=unit.path)}
    authors = {}
    for pk, member in units.items():
        if member.kind == OrgUnit.Kind.PRIMARY and member.parent_id == unit.pk:
            authors[pk] = Author(unit, served_directly=unit.kind == OrgUnit.Kind.REGION)
        elif member.kind == OrgUnit.Kind.PRIMARY and member.parent_id in units:
            authors[pk] = Author(units[member.parent_id])
        else:
            authors[pk] = Author(member)
    return authors


@dataclass(frozen=True)
class Outlets:
    """Where a tally's publications appeared when that is not one resource: several outlets
    counted together (as a source gives them), or a platform as a whole."""

    platform: Platform
    members: tuple[Resource, ...] = ()
    pk = None

    @property
    def kind(self) -> str:
        kinds = {resource.kind for resource in self.members}
        return kinds.pop() if len(kinds) == 1 else ""

    @property
    def owner_id(self) -> int | None:
        owners = {resource.owner_id for resource in self.members}
        return owners.pop() if len(owners) == 1 else None

    @property
    def name(self) -> str:
        if self.members:
            return "», «".join(resource.label for resource in self.members)
        return gettext("%(platform)s (outlet not stated)") % {"platform": self.platform.label}

    @property
    def label(self) -> str:
        return self.name

    @property
    def filters(self) -> dict:
        if self.members:
            return {"resources": ",".join(str(r.pk) for r in self.members)}
        return {"platform": self.platform.pk}


@dataclass
class Cube:
    """Counts per (unit, resource, year, span, month) up to the period's end, from the
    publications and the tallies alike. A tally's cell has month 0 unless it lies in one month,
    and `straddles` names the span whose end falls inside it (its part there is unknown)."""

    period: Period
    cells: list[dict]
    resources: dict[object, Resource | Outlets]
    authors: dict[int, Author]
    paths: dict[int, str]  # each unit of the subtree → its path
    years_with_records: set[int] = field(default_factory=set)

    def table(
        self,
        key: Callable[[dict], object | None],
        filters: Callable[[object], dict],
        order: Callable[[CountRow], tuple],
    ) -> YearTable:
        """A year-over-year table of the cells that `key` maps to a row (None: left out)."""
        rows: dict[object, CountRow] = {}
        years: set[int] = set()
        previous_year = self.period.year - 1
        by_day: set[tuple] = set()  # (row, year) with publications: known to the day
        keys: dict[tuple, object] = {}  # a row's key depends only on the unit and resource
        for cell in self.cells:
            pair = (cell["unit"], cell["resource"])
            if pair not in keys:
                keys[pair] = key(cell)
            row_key = keys[pair]
            if row_key is None:
                continue
            row = rows.get(row_key)
            if row is None:
                row = rows[row_key] = CountRow(key=row_key, filters=filters(row_key))
            if cell["straddles"] == CURRENT:
                row.not_comparable = row.not_comparable or gettext(
                    "a tally covers the period's end only in part"
                )
                continue  # its part inside the period is unknown: not counted this year
            if cell["straddles"] == PREVIOUS:
                row.not_comparable = row.not_comparable or gettext(
                    "last year's figure is known only for a longer span"
                )
            year = cell["year"]
            row.by_year[year] = row.by_year.get(year, 0) + cell["n"]
            years.add(year)
            if cell.get("covers"):
                first, last = cell["covers"]
                known = row.covers.get(year)
                row.covers[year] = (min(first, known[0]), max(last, known[1])) if known else (
                    first, last)  # fmt: skip
            else:
                by_day.add((row_key, year))
            if cell["span"] == CURRENT:
                row.current += cell["n"]
            elif cell["span"] == PREVIOUS:
                row.previous += cell["n"]
        for row in rows.values():
            row.covers = {y: span for y, span in row.covers.items() if (row.key, y) not in by_day}
            if not row.not_comparable and previous_year not in self.years_with_records:
                row.not_comparable = gettext("nothing is recorded for %(year)s") % {
                    "year": previous_year
                }
        span = range(min(years), self.period.year + 1) if years else [self.period.year]
        return YearTable(
            years=list(span), rows=sorted(rows.values(), key=order), period=self.period
        )


def tallies_of(unit: OrgUnit):
    """The live tallies of a unit's subtree (a region's through its indexed region column)."""
    if unit.kind == OrgUnit.Kind.REGION:
        return Tally.objects.filter(region_id=unit.pk)
    tallies = Tally.objects.filter(unit__path__startswith=unit.path)
    if unit.region_id:
        tallies = tallies.filter(region_id=unit.region_id)
    return tallies


def _span_of(start: date, end: date, period: Period) -> tuple[int, int]:
    """(span the dates lie in, span whose end falls strictly inside them) for a tally."""
    previous = period.previous
    if period.start <= start and end <= period.end:
        span = CURRENT
    elif previous.start <= start and end <= previous.end:
        span = PREVIOUS
    else:
        span = 0
    straddles = 0
    if start <= period.end < end:
        straddles = CURRENT
    elif start <= previous.end < end:
        straddles = PREVIOUS
    return span, straddles


def tally_cells(*, unit: OrgUnit, period: Period, resources: dict) -> list[dict]:
    """The tallies up to the period's end as cube cells; fills `resources` with their keys.
    Tallies of one resource that end before the compared span only add to their year's
    column: the database sums them per unit, resource and year. The others are read one by
    one, as their span decides where they count (4 queries, no model built per tally)."""
    tallies = tallies_of(unit).filter(starts_on__lte=period.end)
    early = Q(ends_on__lt=period.previous.start, sole_resource__isnull=False)
    folded = list(
        tallies.filter(early)
        .values("unit", "sole_resource", year=ExtractYear("starts_on"))
        .annotate(n=Sum("count"), first=Min("starts_on"), last=Max("ends_on"))
        .order_by()
    )
    others = tallies.exclude(early)
    rows = list(
        others.values_list(
            "id", "unit_id", "platform_id", "sole_resource_id", "starts_on", "ends_on", "count"
        ).order_by()
    )
    linked: dict[int, list[int]] = {}
    grouped = [row[0] for row in rows if row[3] is None]  # several outlets, or a platform
    if grouped:
        through = Tally.resources.through.objects.filter(tally_id__in=grouped)
        for tally_id, resource_id in through.values_list("tally_id", "resource_id"):
            linked.setdefault(tally_id, []).append(resource_id)
    wanted = {pk for pks in linked.values() for pk in pks}
    wanted |= {row["sole_resource"] for row in folded} | {row[3] for row in rows if row[3]}
    found = Resource.all_objects.filter(pk__in=wanted).select_related("platform", "owner")
    resources.update({r.pk: r for r in found if r.pk not in resources})
    cells = [
        {"unit": row["unit"], "resource": row["sole_resource"], "year": row["year"], "span": 0,
         "month": 0, "n": row["n"], "straddles": 0, "tally": True,
         "covers": (row["first"], row["last"]), "months": ()}
        for row in folded
    ]  # fmt: skip
    platforms: dict[int, Platform] = {}
    for pk, unit_id, platform_id, sole, starts_on, ends_on, count in rows:
        if sole is not None:
            key: object = sole
        else:
            members = sorted((resources[r] for r in linked.get(pk, ())), key=lambda r: r.name)
            key = ("outlets", platform_id, *(r.pk for r in members))
            if key not in resources:
                if platform_id not in platforms:
                    platforms.update({p.pk: p for p in Platform.objects.all()})
                resources[key] = Outlets(platforms[platform_id], tuple(members))
        span, straddles = _span_of(starts_on, ends_on, period)
        one_month = starts_on.month == ends_on.month
        cells.append({
            "unit": unit_id, "resource": key, "year": starts_on.year, "span": span,
            "month": starts_on.month if span == CURRENT and one_month else 0,
            "n": count, "straddles": straddles, "tally": True, "covers": (starts_on, ends_on),
            "months": range(starts_on.month, ends_on.month + 1) if span == CURRENT else (),
        })  # fmt: skip
    return cells


def summary_of(unit: OrgUnit):
    """The monthly summary rows of a unit's subtree (a region's through its region column)."""
    if unit.kind == OrgUnit.Kind.REGION:
        return PublicationMonth.objects.filter(region_id=unit.pk)
    return PublicationMonth.objects.filter(author__path__startswith=unit.path)


def cut_months(period: Period) -> list[tuple[date, date]]:
    """The months that the period's end or the compared span's end cuts in two: the summary
    counts whole months, so these are read from the publications themselves."""
    cut = []
    for end in (period.end, period.previous.end):
        first = end.replace(day=1)
        if month_end(end) != end:
            cut.append((first, month_end(end)))
    return cut


def _author_key(author: int, served_directly: bool) -> object:
    return ("direct", author) if served_directly else author


def publication_cells(*, unit: OrgUnit, period: Period) -> list[dict]:
    """The publications up to the period's end as cube cells: the whole months from the
    summary, the months cut by a span's end from the publications (2 queries)."""
    previous = period.previous
    cut = cut_months(period)
    cut_firsts = [first for first, _last in cut]
    cells = []
    # Months of the period keep their number (the branch × month grid); other months fold
    # into their year and span in the database, so the rows do not grow with the years.
    month_span = Case(
        When(month__range=(period.start, period.end), then=Value(CURRENT)),
        When(month__range=(previous.start, previous.end), then=Value(PREVIOUS)),
        default=Value(0),
        output_field=IntegerField(),
    )
    month_number = Case(
        When(month__range=(period.start, period.end), then=ExtractMonth("month")),
        default=Value(0),
        output_field=IntegerField(),
    )
    rows = (
        summary_of(unit)
        .filter(month__lte=period.end)
        .exclude(month__in=cut_firsts)
        .values("author", "served_directly", "resource", year=ExtractYear("month"),
                span=month_span, number=month_number)
        .annotate(n=Sum("n"))
        .order_by()
    )  # fmt: skip
    for row in rows:
        cells.append({"unit": _author_key(row["author"], row["served_directly"]),
                      "resource": row["resource"], "year": row["year"], "span": row["span"],
                      "month": row["number"], "n": row["n"], "straddles": 0})  # fmt: skip
    if cut:
        span = Case(
            When(published_on__range=(period.start, period.end), then=Value(CURRENT)),
            When(published_on__range=(previous.start, previous.end), then=Value(PREVIOUS)),
            default=Value(0),
            output_field=IntegerField(),
        )
        month = Case(
            When(published_on__range=(period.start, period.end),
                 then=ExtractMonth("published_on")),
            default=Value(0),
            output_field=IntegerField(),
        )  # fmt: skip
        within = Q()
        for first, last in cut:
            within |= Q(published_on__range=(first, min(last, period.end)))
        raw = (
            publications_of(unit)
            .filter(within)
            .values("author", "served_directly", "resource", year=ExtractYear("published_on"),
                    span=span, month=month)
            .annotate(n=Count("id"))
            .order_by()
        )  # fmt: skip
        for row in raw:
            row["unit"] = _author_key(row.pop("author"), row.pop("served_directly"))
            row["straddles"] = 0
            cells.append(row)
    return cells


def publication_cube(*, unit: OrgUnit, period: Period) -> Cube:
    """The counts behind every year-over-year table, from the monthly summary, the months a
    span's end cuts, and the tallies: 6 queries, however many publications."""
    cells = publication_cells(unit=unit, period=period)
    resources: dict[object, Resource | Outlets] = {
        r.pk: r
        for r in Resource.all_objects.filter(pk__in={c["resource"] for c in cells}).select_related(
            "platform", "owner"
        )
    }
    cells += tally_cells(unit=unit, period=period, resources=resources)
    # The units above the primary organizations as objects; the primaries (hundreds) only as
    # the unit they count under: a tally may name one.
    subtree = OrgUnit.objects.filter(path__startswith=unit.path)
    units = {u.pk: u for u in subtree.exclude(kind=OrgUnit.Kind.PRIMARY)}
    authors = authors_of(unit, units)
    paths: dict[object, str] = {pk: u.path for pk, u in units.items()}
    for pk, parent, path in subtree.filter(kind=OrgUnit.Kind.PRIMARY).values_list(
        "pk", "parent_id", "path"
    ):
        if parent == unit.pk:
            authors[pk] = Author(unit, served_directly=unit.kind == OrgUnit.Kind.REGION)
        elif parent in units:
            authors[pk] = Author(units[parent])
        paths[pk] = path
    if unit.kind == OrgUnit.Kind.REGION:  # the primaries it serves directly, as one author
        authors[("direct", unit.pk)] = Author(unit, served_directly=True)
        paths[("direct", unit.pk)] = unit.path
    return Cube(
        period=period,
        cells=cells,
        resources=resources,
        authors=authors,
        paths=paths,
        years_with_records={cell["year"] for cell in cells},
    )


def publications_by_platform(cube: Cube) -> YearTable:
    """Every platform (sites, social networks, newspapers, TV, radio), year over year."""
    return cube.table(
        key=lambda cell: cube.resources[cell["resource"]].platform,
        filters=lambda platform: {"platform": platform.pk},
        order=lambda row: (row.key.sort_order, row.key.name),
    )


def publications_by_medium(cube: Cube, *, kinds: tuple[str, ...]) -> YearTable:
    """Outside media of the given platform kinds (newspapers; TV and radio), per outlet (or
    per group of outlets, where a source counts them together)."""

    def medium(cell: dict) -> Resource | Outlets | None:
        resource = cube.resources[cell["resource"]]
        if resource.platform.kind not in kinds:
            return None
        outside = resource.kind == Resource.Kind.OUTSIDE_MEDIUM
        return resource if outside or isinstance(resource, Outlets) else None

    return cube.table(
        key=medium,
        filters=lambda resource: (
            resource.filters if isinstance(resource, Outlets) else {"resource": resource.pk}
        ),
        order=lambda row: (-sum(row.by_year.values()), row.key.name),
    )


def publications_by_author(
    cube: Cube,
    *,
    platform_kinds: tuple[str, ...] | None = None,
    own_pages_of: OrgUnit | None = None,
) -> YearTable:
    """Per authoring unit, year over year; optionally only some platforms, or one unit's pages."""
    extra: dict = {}
    if platform_kinds and len(platform_kinds) == 1:
        extra["platform_kind"] = platform_kinds[0]
    if own_pages_of is not None:
        extra["resource_owner"] = own_pages_of.pk

    def author(cell: dict) -> Author | None:
        resource = cube.resources[cell["resource"]]
        if platform_kinds and resource.platform.kind not in platform_kinds:
            return None
        if own_pages_of is not None and resource.owner_id != own_pages_of.pk:
            return None
        return cube.authors.get(cell["unit"])

    return cube.table(
        key=author, filters=lambda a: {**a.filters, **extra}, order=lambda row: row.key.order
    )


@dataclass
class CompletenessRow:
    branch: OrgUnit
    months: list[int | None]  # publications per month of the period; None: not known by month

    @property
    def silent(self) -> int:
        return sum(1 for n in self.months if n == 0)


def completeness_grid(cube: Cube) -> list[CompletenessRow]:
    """Every branch of the unit with its publications per month of the period. A month that a
    tally of several months covers is not known by month (None), for every branch: the
    region's count for it is given only as a whole, so no branch is called silent then."""
    branches = sorted(
        {a.unit for a in cube.authors.values()
         if a.unit.kind == OrgUnit.Kind.BRANCH and not a.served_directly},
        key=unit_order,
    )  # fmt: skip
    months = len(cube.period.months)
    grid = {branch.pk: [0] * months for branch in branches}
    unknown: set[int] = set()
    for cell in cube.cells:
        if cell.get("tally") and cell["span"] == CURRENT and not cell["month"]:
            unknown.update(m for m in cell["months"] if m <= months)
            continue
        author = cube.authors.get(cell["unit"])
        if cell["span"] == CURRENT and cell["month"] and author and author.unit.pk in grid:
            grid[author.unit.pk][cell["month"] - 1] += cell["n"]
    return [
        CompletenessRow(branch, [None if m + 1 in unknown and not n else n
                                 for m, n in enumerate(grid[branch.pk])])
        for branch in branches
    ]  # fmt: skip


def shares_rounded(counts: list[int], decimals: int = 1) -> list[Decimal | None]:
    """Each count's share of their sum in per cent, rounded so that they add up to exactly 100
    (largest remainder). None when the sum is 0."""
    whole = sum(counts)
    if not whole:
        return [None for _n in counts]
    unit = 10**decimals
    exact = [Decimal(100 * unit * n) / whole for n in counts]
    floors = [int(x) for x in exact]
    left = 100 * unit - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: (exact[i] - floors[i], counts[i]),
                          reverse=True)  # fmt: skip
    for i in by_remainder[:left]:
        floors[i] += 1
    return [Decimal(n) / unit for n in floors]


def share_rounded(part: int | None, whole: int | None, decimals: int = 1) -> Decimal | None:
    """One share in per cent, rounded half up (1 of 102 is 1,0 %)."""
    if part is None or not whole:
        return None
    quantum = Decimal(1).scaleb(-decimals)
    return (Decimal(100 * part) / whole).quantize(quantum, rounding=ROUND_HALF_UP)


@dataclass
class Content:
    """The period's content mix over what is known. Every part is counted over the items whose
    part is known, and says how many are not."""

    total: int
    topics: list[tuple[str, str, int]]  # (code, label, known count)
    topics_whole: list[tuple[str, str, int]]  # counts of items whose whole topic mix is known
    topic_known: int  # items whose topic is known (publications and complete tallies)
    legal: int
    legal_known: int  # items known to be on a legal topic or not (a tally may say only that)
    topic_bases: dict[str, int]  # per topic, the items known to be on it or not
    reposts: int
    repost_known: int
    kazakh: int
    language_known: int
    engagement: dict[str, int | None]
    with_engagement: int

    @property
    def topic_unknown(self) -> int:
        """Items whose topic the mix leaves unknown (all of them, beyond what is known in part,
        when no item's whole mix is known)."""
        if self.topic_known:
            return self.total - self.topic_known
        return self.total - sum(n for _code, _label, n in self.topics)

    @property
    def repost_unknown(self) -> int:
        return self.total - self.repost_known

    @property
    def language_unknown(self) -> int:
        return self.total - self.language_known

    def topic_shares(self) -> list[tuple[str, str, int, Decimal | None]]:
        """(code, label, count, share) over the items whose whole topic mix is known; where
        none is, the counts known in part (a tally's legal items alone), without shares."""
        if not self.topic_known:
            return [(code, label, n, None) for code, label, n in self.topics]
        shares = shares_rounded([n for _c, _l, n in self.topics_whole])
        return [(code, label, n, share)
                for (code, label, n), share in zip(self.topics_whole, shares, strict=True)
                ]  # fmt: skip

    def topic_rows(self) -> list[tuple[str, str, int, Decimal | None]]:
        """The topic table's rows: every topic once some items' whole mix is known, else only
        the topics whose count is known in part (no row says 0 for a topic nobody counted)."""
        rows = self.topic_shares()
        if self.topic_known:
            return rows
        return [row for row in rows if self.topic_bases.get(row[0])]

    @property
    def legal_share(self) -> Decimal | None:
        """Legal items among those known to be legal or not: a tally that gives its legal
        items alone («1 seminar on the conciliation commission, and nothing else legal»)
        counts here though the rest of its topic mix is unknown."""
        return share_rounded(self.legal, self.legal_known)

    @property
    def repost_share(self) -> Decimal | None:
        return share_rounded(self.reposts, self.repost_known)

    @property
    def kazakh_share(self) -> Decimal | None:
        return share_rounded(self.kazakh, self.language_known)

    def share(self, part: int) -> Decimal | None:
        """A share of all items (only for counts known for every item)."""
        return share_rounded(part, self.total)


CONTENT_SUMS = ["n", "reposts", "kazakh", *TOPIC_FIELDS.values(), "with_engagement", "views",
                "reactions", "comments", "shares"]  # fmt: skip


def publication_content(*, unit: OrgUnit, period: Period) -> dict[str, int | None]:
    """The period's publications summed: count, reposts, Kazakh, per topic, engagement. Whole
    months from the summary, a month the period's end cuts from the publications (2 queries)."""
    cut = [(first, last) for first, last in cut_months(period) if first <= period.end]
    cut = [span for span in cut if period.start <= span[0]]
    whole = summary_of(unit).filter(month__range=(period.start, period.end))
    if cut:
        whole = whole.exclude(month=cut[0][0])
    totals = whole.aggregate(**{name: Sum(name) for name in CONTENT_SUMS})
    if cut:
        raw = publications_of(unit).filter(published_on__range=(cut[0][0], period.end))
        for name, value in raw.aggregate(**month_aggregates()).items():
            if value is not None:
                totals[name] = (totals[name] or 0) + value
    return totals


def content_figures(*, unit: OrgUnit, period: Period) -> Content:
    """The period's topic mix, reposts, language and engagement, from the publications and the
    tallies that lie wholly inside the period: 3 queries."""
    sums = publication_content(unit=unit, period=period)
    count = sums["n"] or 0
    topic_counts = {code: sums[field] or 0 for code, field in TOPIC_FIELDS.items()}
    totals = {
        "total": count,
        "reposts": sums["reposts"] or 0,
        "kazakh": sums["kazakh"] or 0,
        "with_engagement": sums["with_engagement"] or 0,
        **{name: sums[name] for name in ("views", "reactions", "comments", "shares")},
    }
    whole = dict(topic_counts)
    known = dict(topic_counts)
    topic_known = legal_known = totals["total"]
    bases = dict.fromkeys(TOPIC_FIELDS, totals["total"])
    reposts, repost_known = totals["reposts"], totals["total"]
    kazakh, language_known = totals["kazakh"], totals["total"]
    views, with_engagement = totals["views"], totals["with_engagement"]
    fields = ["count", "reposts", "kazakh", "views", *TOPIC_FIELDS.values()]
    tallies = tallies_of(unit).filter(starts_on__gte=period.start, ends_on__lte=period.end)
    for row in tallies.values_list(*fields):
        count, tally_reposts, tally_kazakh, tally_views, *topics = row
        totals["total"] += count
        if tally_reposts is not None:
            reposts, repost_known = reposts + tally_reposts, repost_known + count
        if tally_kazakh is not None:
            kazakh, language_known = kazakh + tally_kazakh, language_known + count
        if tally_views is not None:
            views, with_engagement = (views or 0) + tally_views, with_engagement + count
        given = {code: n for code, n in zip(TOPIC_FIELDS, topics, strict=True) if n is not None}
        if Publication.Topic.LEGAL in given:
            legal_known += count
        for code in given:
            bases[code] = bases.get(code, 0) + count
        for code, n in given.items():
            known[code] = known.get(code, 0) + n
        if given and sum(given.values()) == count:
            topic_known += count
            for code, n in given.items():
                whole[code] = whole.get(code, 0) + n
    choices = Publication.Topic.choices
    return Content(
        total=totals["total"],
        topics=[(code, label, known.get(code, 0)) for code, label in choices],
        topics_whole=[(code, label, whole.get(code, 0)) for code, label in choices],
        topic_known=topic_known,
        legal=known.get(Publication.Topic.LEGAL, 0),
        legal_known=legal_known,
        topic_bases=bases,
        reposts=reposts,
        repost_known=repost_known,
        kazakh=kazakh,
        language_known=language_known,
        with_engagement=with_engagement,
        engagement={"views": views, "reactions": totals["reactions"],
                    "comments": totals["comments"], "shares": totals["shares"]},
    )  # fmt: skip


SOCIAL = (Platform.Kind.SOCIAL,)
PRINT = (Platform.Kind.PRINT,)
BROADCAST = (Platform.Kind.TV, Platform.Kind.RADIO)
