"""Publication counts of a unit's subtree: per platform, per outside medium, per authoring
unit, year over year and against the same span of the year before; per branch and month; and
the content mix of the period.

All the year-over-year tables and the branch × month grid come from one grouped query (the
"cube": counts per unit, resource, year, span and month), so a dashboard reads the
publications table once however many tables it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext

from branches.models import OrgUnit
from branches.text import kazakh_sort_key
from monitoring.periods import Period
from publications.models import Platform, Publication, Resource

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

    key: object  # a Platform, a Resource or an Author
    by_year: dict[int, int] = field(default_factory=dict)
    current: int = 0
    previous: int = 0
    # The publications list's filters that select this row's records (dates aside).
    filters: dict = field(default_factory=dict)

    @property
    def change(self) -> int:
        return self.current - self.previous


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


@dataclass
class Cube:
    """Publication counts per (unit, resource, year, span, month) up to the period's end."""

    period: Period
    cells: list[dict]
    resources: dict[int, Resource]
    authors: dict[int, Author]
    paths: dict[int, str]  # each unit of the subtree → its path

    def table(
        self,
        key: Callable[[dict], object | None],
        filters: Callable[[object], dict],
        order: Callable[[CountRow], tuple],
    ) -> YearTable:
        """A year-over-year table of the cells that `key` maps to a row (None: left out)."""
        rows: dict[object, CountRow] = {}
        years: set[int] = set()
        for cell in self.cells:
            row_key = key(cell)
            if row_key is None:
                continue
            row = rows.setdefault(row_key, CountRow(key=row_key, filters=filters(row_key)))
            row.by_year[cell["year"]] = row.by_year.get(cell["year"], 0) + cell["n"]
            years.add(cell["year"])
            if cell["span"] == CURRENT:
                row.current += cell["n"]
            elif cell["span"] == PREVIOUS:
                row.previous += cell["n"]
        span = range(min(years), self.period.year + 1) if years else [self.period.year]
        return YearTable(
            years=list(span), rows=sorted(rows.values(), key=order), period=self.period
        )


def publication_cube(*, unit: OrgUnit, period: Period) -> Cube:
    """One grouped read of the publications behind every year-over-year table: 3 queries."""
    previous = period.previous
    span = Case(
        When(published_on__range=(period.start, period.end), then=Value(CURRENT)),
        When(published_on__range=(previous.start, previous.end), then=Value(PREVIOUS)),
        default=Value(0),
        output_field=IntegerField(),
    )
    month = Case(
        When(published_on__range=(period.start, period.end), then=ExtractMonth("published_on")),
        default=Value(0),
        output_field=IntegerField(),
    )
    cells = list(
        publications_of(unit)
        .filter(published_on__lte=period.end)
        .values("unit", "resource", year=ExtractYear("published_on"), span=span, month=month)
        .annotate(n=Count("id"))
        .order_by()
    )
    resources = Resource.all_objects.filter(pk__in={cell["resource"] for cell in cells})
    units = {u.pk: u for u in OrgUnit.objects.filter(path__startswith=unit.path)}
    return Cube(
        period=period,
        cells=cells,
        resources={r.pk: r for r in resources.select_related("platform", "owner")},
        authors=authors_of(unit, units),
        paths={pk: u.path for pk, u in units.items()},
    )


def publications_by_platform(cube: Cube) -> YearTable:
    """Every platform (sites, social networks, newspapers, TV, radio), year over year."""
    return cube.table(
        key=lambda cell: cube.resources[cell["resource"]].platform,
        filters=lambda platform: {"platform": platform.pk},
        order=lambda row: (row.key.sort_order, row.key.name),
    )


def publications_by_medium(cube: Cube, *, kinds: tuple[str, ...]) -> YearTable:
    """Outside media of the given platform kinds (newspapers; TV and radio), per outlet."""

    def medium(cell: dict) -> Resource | None:
        resource = cube.resources[cell["resource"]]
        outside = resource.kind == Resource.Kind.OUTSIDE_MEDIUM
        return resource if outside and resource.platform.kind in kinds else None

    return cube.table(
        key=medium,
        filters=lambda resource: {"resource": resource.pk},
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
    months: list[int]  # publications per month of the period

    @property
    def silent(self) -> int:
        return sum(1 for n in self.months if n == 0)


def completeness_grid(cube: Cube) -> list[CompletenessRow]:
    """Every branch of the unit with its publications per month of the period."""
    branches = sorted(
        {a.unit for a in cube.authors.values()
         if a.unit.kind == OrgUnit.Kind.BRANCH and not a.served_directly},
        key=unit_order,
    )  # fmt: skip
    months = len(cube.period.months)
    grid = {branch.pk: [0] * months for branch in branches}
    for cell in cube.cells:
        author = cube.authors.get(cell["unit"])
        if cell["span"] == CURRENT and author and author.unit.pk in grid:
            grid[author.unit.pk][cell["month"] - 1] += cell["n"]
    return [CompletenessRow(branch, grid[branch.pk]) for branch in branches]


@dataclass
class Content:
    total: int
    topics: list[tuple[str, str, int]]  # (code, label, count)
    legal: int
    reposts: int
    kazakh: int
    engagement: dict[str, int | None]
    with_engagement: int

    def share(self, part: int) -> float | None:
        return 100 * part / self.total if self.total else None


def content_figures(*, unit: OrgUnit, period: Period) -> Content:
    """The period's topic mix, reposts, language and engagement: 2 queries."""
    publications = publications_of(unit).filter(published_on__range=(period.start, period.end))
    topic_counts = dict(publications.values_list("topic").annotate(n=Count("id")).order_by())
    totals = publications.aggregate(
        total=Count("id"),
        reposts=Count("id", filter=Q(is_repost=True)),
        kazakh=Count("id", filter=Q(language=Publication.Language.KAZAKH)),
        with_engagement=Count("id", filter=Q(views__isnull=False) | Q(reactions__isnull=False)),
        views=Sum("views"),
        reactions=Sum("reactions"),
        comments=Sum("comments"),
        shares=Sum("shares"),
    )
    topics = [(code, label, topic_counts.get(code, 0)) for code, label in Publication.Topic.choices]
    return Content(
        total=totals["total"],
        topics=topics,
        legal=topic_counts.get(Publication.Topic.LEGAL, 0),
        reposts=totals["reposts"],
        kazakh=totals["kazakh"],
        with_engagement=totals["with_engagement"],
        engagement={k: totals[k] for k in ("views", "reactions", "comments", "shares")},
    )


SOCIAL = (Platform.Kind.SOCIAL,)
PRINT = (Platform.Kind.PRINT,)
BROADCAST = (Platform.Kind.TV, Platform.Kind.RADIO)
