"""The figures of information work for a unit (a region or a branch, with its subtree) and a
period. Dashboards and the Анықтама both read them from here, so a figure is computed in one
place. Each selector aggregates in the database: a constant number of queries whatever the
amount of data (one per table or chart, never one per unit or per year)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext

from branches.models import MemberCount, OrgUnit
from branches.selectors import member_total
from branches.text import kazakh_sort_key
from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    NewspaperSubscription,
    ReviewTask,
    Target,
)
from monitoring.periods import Period, month_end
from publications.models import MethodologicalMaterial, Platform, Publication, Resource


def publications_of(unit: OrgUnit):
    """The live publications of a unit's subtree, found through the indexed region column
    (a region's are exactly those of its region: no join with the tree is needed)."""
    if unit.kind == OrgUnit.Kind.REGION:
        return Publication.objects.filter(region_id=unit.pk)
    publications = Publication.objects.filter(unit__path__startswith=unit.path)
    if unit.region_id:
        publications = publications.filter(region_id=unit.region_id)
    return publications


# 1. The organization in figures


@dataclass
class Organization:
    unit: OrgUnit
    primaries: int
    members: int
    branches: int
    served_directly: int


def organization_figures(*, unit: OrgUnit, period: Period) -> Organization:
    region = unit.kind == OrgUnit.Kind.REGION
    counts = OrgUnit.objects.filter(path__startswith=unit.path).aggregate(
        primaries=Count("id", filter=Q(kind=OrgUnit.Kind.PRIMARY)),
        branches=Count("id", filter=Q(kind=OrgUnit.Kind.BRANCH) & ~Q(pk=unit.pk)),
        served_directly=Count("id", filter=Q(kind=OrgUnit.Kind.PRIMARY, parent=unit)),
    )
    if not region:  # a branch's primary organizations are simply its own
        counts["served_directly"] = 0
    return Organization(unit=unit, members=member_total(unit=unit, on=period.end), **counts)


# 4, 9. Publications per platform and per outside medium, year over year


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

    def row(self, key) -> CountRow:
        return next((row for row in self.rows if row.key == key), CountRow(key=key))


def _span_q(period: Period) -> Q:
    previous = period.previous
    return Q(published_on__range=(period.start, period.end)) | Q(
        published_on__range=(previous.start, previous.end)
    )


def _year_table(
    publications, period: Period, group: str, keys: dict, filter_name: str = ""
) -> YearTable:
    """Counts by `group` (a field path) per year up to the period's end, and in both spans."""
    upto = publications.filter(published_on__lte=period.end)
    per_year = upto.values(group, year=ExtractYear("published_on")).annotate(n=Count("id"))
    spans = (
        publications.filter(_span_q(period))
        .values(group, year=ExtractYear("published_on"))
        .annotate(n=Count("id"))
    )
    rows: dict[object, CountRow] = {}
    years: set[int] = set()
    for item in per_year:
        key = keys.get(item[group], item[group])
        filters = {filter_name: item[group]} if filter_name else {}
        row = rows.setdefault(key, CountRow(key=key, filters=filters))
        row.by_year[item["year"]] = item["n"]
        years.add(item["year"])
    for item in spans:
        key = keys.get(item[group], item[group])
        row = rows.setdefault(key, CountRow(key=key))
        if item["year"] == period.year:
            row.current = item["n"]
        else:
            row.previous = item["n"]
    years = set(range(min(years), period.year + 1)) if years else {period.year}
    return YearTable(years=sorted(years), rows=list(rows.values()), period=period)


def publications_by_platform(*, unit: OrgUnit, period: Period) -> YearTable:
    """Every platform (sites, social networks, newspapers, TV, radio), year over year."""
    platforms = {p.pk: p for p in Platform.objects.all()}
    table = _year_table(
        publications_of(unit), period, "resource__platform", platforms, filter_name="platform"
    )
    table.rows.sort(key=lambda row: (row.key.sort_order, row.key.name))
    return table


def publications_by_medium(*, unit: OrgUnit, period: Period, kinds: tuple[str, ...]) -> YearTable:
    """Outside media of the given platform kinds (newspapers; TV and radio), per outlet."""
    publications = publications_of(unit).filter(
        resource__kind=Resource.Kind.OUTSIDE_MEDIUM, resource__platform__kind__in=kinds
    )
    media = {r.pk: r for r in Resource.all_objects.filter(kind=Resource.Kind.OUTSIDE_MEDIUM)}
    table = _year_table(publications, period, "resource", media, filter_name="resource")
    table.rows.sort(key=lambda row: (-sum(row.by_year.values()), row.key.name))
    return table


# 5. Publications per authoring unit


@dataclass(frozen=True)
class Author:
    """Who a publication is credited to in the tables: a unit, or the primary organizations
    the unit serves directly."""

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


def _authors(unit: OrgUnit) -> dict[int, Author]:
    """Each unit of the subtree → the author it counts under (primaries under their branch)."""
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


def publications_by_author(
    *, unit: OrgUnit, period: Period, platform_kinds: tuple[str, ...] | None = None,
    own_pages_of: OrgUnit | None = None,
) -> YearTable:  # fmt: skip
    """Per authoring unit, year over year; optionally only the given unit's own pages."""
    publications = publications_of(unit)
    extra_filters: dict = {}
    if platform_kinds:
        publications = publications.filter(resource__platform__kind__in=platform_kinds)
        if len(platform_kinds) == 1:
            extra_filters["platform_kind"] = platform_kinds[0]
    if own_pages_of is not None:
        publications = publications.filter(resource__owner=own_pages_of)
        extra_filters["resource_owner"] = own_pages_of.pk
    table = _year_table(publications, period, "unit", {})
    authors = _authors(unit)
    merged: dict[Author, CountRow] = {}
    for row in table.rows:
        author = authors.get(row.key) or Author(unit)
        filters = {**author.filters, **extra_filters}
        target = merged.setdefault(author, CountRow(key=author, filters=filters))
        for year, n in row.by_year.items():
            target.by_year[year] = target.by_year.get(year, 0) + n
        target.current += row.current
        target.previous += row.previous
    table.rows = sorted(merged.values(), key=lambda row: row.key.order)
    return table


# 5, 6. Pages, followers, branches with pages


@dataclass
class Page:
    resource: Resource
    followers: int | None
    followers_on: date | None


def own_pages(*, unit: OrgUnit, period: Period) -> list[Page]:
    """Pages of the unit and its branches, with the latest follower count by the period's end."""
    latest = AudienceSnapshot.objects.filter(
        resource=OuterRef("pk"), taken_on__lte=period.end
    ).order_by("-taken_on")
    pages = (
        Resource.objects.filter(kind=Resource.Kind.OWN_PAGE, owner__path__startswith=unit.path)
        .exclude(owner__kind=OrgUnit.Kind.PRIMARY)
        .select_related("platform", "owner")
        .annotate(
            latest_followers=Subquery(latest.values("followers")[:1]),
            latest_on=Subquery(latest.values("taken_on")[:1]),
        )
        .order_by("owner__path", "platform__sort_order")
    )
    return [Page(p, p.latest_followers, p.latest_on) for p in pages]


def follower_history(*, pages: list[Page], period: Period) -> dict[Resource, list[tuple]]:
    """Each page's follower counts over time, up to the period's end."""
    history: dict[int, list[tuple]] = defaultdict(list)
    snapshots = AudienceSnapshot.objects.filter(
        resource__in=[page.resource for page in pages], taken_on__lte=period.end
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


# 8. Content


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
    publications = publications_of(unit).filter(published_on__range=(period.start, period.end))
    topic_counts = dict(publications.values_list("topic").annotate(n=Count("id")))
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


# Completeness: a branch × month grid


@dataclass
class CompletenessRow:
    branch: OrgUnit
    months: list[int]  # publications per month of the period

    @property
    def silent(self) -> int:
        return sum(1 for n in self.months if n == 0)


def completeness_grid(*, unit: OrgUnit, period: Period) -> list[CompletenessRow]:
    publications = publications_of(unit).filter(published_on__range=(period.start, period.end))
    counts = publications.values("unit", month=ExtractMonth("published_on")).annotate(n=Count("id"))
    authors = _authors(unit)
    branches = [
        author.unit for author in sorted(set(authors.values()), key=lambda a: a.order)
        if author.unit.kind == OrgUnit.Kind.BRANCH and not author.served_directly
    ]  # fmt: skip
    grid = {branch.pk: [0] * len(period.months) for branch in branches}
    for item in counts:
        author = authors.get(item["unit"])
        if author and author.unit.pk in grid and item["month"] <= len(period.months):
            grid[author.unit.pk][item["month"] - 1] += item["n"]
    return [CompletenessRow(branch, grid[branch.pk]) for branch in branches]


# 3. Executive committee reviews; 7. materials; targets; 10. subscriptions and app users


def committee_reviews(*, unit: OrgUnit, up_to: date) -> list[CommitteeReview]:
    tasks = ReviewTask.objects.order_by("due_on", "id")
    return list(
        CommitteeReview.objects.filter(unit__path__startswith=unit.path, year__lte=up_to.year)
        .select_related("unit")
        .prefetch_related(Prefetch("tasks", queryset=tasks))
        .order_by("year", "held_on")
    )


def methodological_materials(*, unit: OrgUnit, first_year: int, last_year: int):
    return list(
        MethodologicalMaterial.objects.filter(
            unit__path__startswith=unit.path, year__range=(first_year, last_year)
        )
        .select_related("unit")
        .order_by("year", "title")
    )


@dataclass
class TargetFact:
    target: Target
    fact: float | None

    @property
    def reached(self) -> bool | None:
        return None if self.fact is None else self.fact >= float(self.target.value)


def targets_against_fact(
    *, unit: OrgUnit, period: Period, pages: list[Page], content: Content
) -> list[TargetFact]:
    """Targets of the unit and of the units under it, beside what they reached."""
    targets = Target.objects.filter(
        unit__path__startswith=unit.path, year=period.year
    ).select_related("unit", "platform")
    per_unit = dict(
        publications_of(unit)
        .filter(published_on__range=(period.start, period.end))
        .values_list("unit")
        .annotate(n=Count("id"))
    )
    authors = _authors(unit)
    rows = []
    for target in targets:
        subtree = {pk for pk, a in authors.items() if a.unit.path.startswith(target.unit.path)}
        subtree |= {pk for pk in authors if pk == target.unit_id}
        unit_pages = [p for p in pages if p.resource.owner.path.startswith(target.unit.path)]
        if target.metric == Target.Metric.PUBLICATIONS:
            fact = sum(n for pk, n in per_unit.items() if pk in subtree)
        elif target.metric == Target.Metric.FOLLOWERS:
            fact = sum(p.followers or 0 for p in unit_pages)
        elif target.metric == Target.Metric.PAGES:
            fact = sum(1 for p in unit_pages if p.resource.platform_id == target.platform_id)
        else:
            fact = content.share(content.legal) if target.unit_id == unit.pk else None
        rows.append(TargetFact(target, fact))
    return rows


def subscriptions(*, unit: OrgUnit, period: Period):
    return list(
        NewspaperSubscription.objects.filter(
            unit__path__startswith=unit.path, year__lte=period.year
        )
        .select_related("outlet")
        .order_by("year")
    )


def app_users(*, unit: OrgUnit, period: Period) -> int | None:
    latest = AppUserCount.objects.filter(unit=OuterRef("pk"), counted_on__lte=period.end).order_by(
        "-counted_on"
    )
    total = (
        OrgUnit.objects.filter(path__startswith=unit.path)
        .annotate(users=Subquery(latest.values("users")[:1]))
        .aggregate(total=Sum("users"))["total"]
    )
    return total


def per_hundred(part: int | None, whole: int | None) -> float | None:
    return 100 * part / whole if part is not None and whole else None


# Everything at once, for a dashboard and for the Анықтама


SOCIAL = (Platform.Kind.SOCIAL,)
PRINT = (Platform.Kind.PRINT,)
BROADCAST = (Platform.Kind.TV, Platform.Kind.RADIO)


@dataclass
class Figures:
    unit: OrgUnit
    period: Period
    organization: Organization
    by_platform: YearTable
    by_author: YearTable
    by_author_on_own_pages: YearTable
    press: YearTable
    broadcasts: YearTable
    pages: list[Page]
    followers: dict
    branches: list[BranchPages]
    content: Content
    completeness: list[CompletenessRow]
    reviews: list[CommitteeReview]
    materials: list[MethodologicalMaterial]
    targets: list[TargetFact]
    subscriptions: list[NewspaperSubscription]
    app_users: int | None

    @property
    def followers_total(self) -> int:
        return sum(page.followers or 0 for page in self.unit_pages)

    @property
    def unit_pages(self) -> list[Page]:
        """The unit's own pages (not its branches')."""
        return [page for page in self.pages if page.resource.owner_id == self.unit.pk]

    @property
    def followers_per_hundred(self) -> float | None:
        return per_hundred(self.followers_total, self.organization.members)

    @property
    def branches_with_pages(self) -> list[BranchPages]:
        return [row for row in self.branches if row.pages]

    @property
    def branches_without_pages(self) -> list[BranchPages]:
        return [row for row in self.branches if not row.pages]


MATERIAL_YEARS = 3  # the Анықтама lists the booklets of its year and the two before


def unit_figures(*, unit: OrgUnit, period: Period) -> Figures:
    """Every figure of a region's (or branch's) information work, in a fixed number of queries."""
    pages = own_pages(unit=unit, period=period)
    content = content_figures(unit=unit, period=period)
    return Figures(
        unit=unit,
        period=period,
        organization=organization_figures(unit=unit, period=period),
        by_platform=publications_by_platform(unit=unit, period=period),
        by_author=publications_by_author(unit=unit, period=period),
        by_author_on_own_pages=publications_by_author(
            unit=unit, period=period, platform_kinds=SOCIAL, own_pages_of=unit
        ),
        press=publications_by_medium(unit=unit, period=period, kinds=PRINT),
        broadcasts=publications_by_medium(unit=unit, period=period, kinds=BROADCAST),
        pages=pages,
        followers=follower_history(pages=pages, period=period),
        branches=branch_pages(unit=unit, pages=pages),
        content=content,
        completeness=completeness_grid(unit=unit, period=period),
        reviews=committee_reviews(unit=unit, up_to=period.end),
        materials=methodological_materials(
            unit=unit, first_year=period.year - MATERIAL_YEARS + 1, last_year=period.year
        ),
        targets=targets_against_fact(unit=unit, period=period, pages=pages, content=content),
        subscriptions=subscriptions(unit=unit, period=period),
        app_users=app_users(unit=unit, period=period),
    )


# The national view: the regions side by side


@dataclass
class RegionRow:
    region: OrgUnit
    publications: int
    members: int
    followers: int
    branches: int
    branches_with_pages: int
    legal: int

    @property
    def publications_per_hundred(self) -> float | None:
        return per_hundred(self.publications, self.members)

    @property
    def followers_per_hundred(self) -> float | None:
        return per_hundred(self.followers, self.members)

    @property
    def legal_share(self) -> float | None:
        return per_hundred(self.legal, self.publications)


def national_figures(*, period: Period) -> list[RegionRow]:
    """Each region's publications, members, followers, pages and legal share: 5 queries."""
    regions = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.REGION).order_by("name"))
    per_region = (
        Publication.objects.filter(published_on__range=(period.start, period.end))
        .values("region")
        .annotate(n=Count("id"), legal=Count("id", filter=Q(topic=Publication.Topic.LEGAL)))
    )
    publications = {row["region"]: row for row in per_region}
    latest_members = Subquery(
        MemberCount.objects.filter(unit=OuterRef("unit"), counted_on__lte=period.end)
        .order_by("-counted_on")
        .values("counted_on")[:1]
    )
    members = dict(
        MemberCount.objects.filter(counted_on=latest_members)
        .values_list("unit__region")
        .annotate(n=Sum("members"))
    )
    latest_followers = Subquery(
        AudienceSnapshot.objects.filter(resource=OuterRef("resource"), taken_on__lte=period.end)
        .order_by("-taken_on")
        .values("taken_on")[:1]
    )
    followers = dict(
        AudienceSnapshot.objects.filter(
            taken_on=latest_followers, resource__owner__kind=OrgUnit.Kind.REGION
        )
        .values_list("resource__owner")
        .annotate(n=Sum("followers"))
    )
    branches = dict(
        OrgUnit.objects.filter(kind=OrgUnit.Kind.BRANCH)
        .values_list("region")
        .annotate(n=Count("id"))
    )
    with_pages = dict(
        Resource.objects.filter(kind=Resource.Kind.OWN_PAGE, owner__kind=OrgUnit.Kind.BRANCH)
        .values_list("owner__region")
        .annotate(n=Count("owner", distinct=True))
    )
    return [
        RegionRow(
            region=region,
            publications=publications.get(region.pk, {}).get("n", 0),
            legal=publications.get(region.pk, {}).get("legal", 0),
            members=members.get(region.pk, 0),
            followers=followers.get(region.pk, 0),
            branches=branches.get(region.pk, 0),
            branches_with_pages=with_pages.get(region.pk, 0),
        )
        for region in regions
    ]


# A month, for the digest mailed to people who never log in


@dataclass
class MonthSummary:
    unit: OrgUnit
    month: date  # its first day
    by_platform: list[tuple[Platform, int, int]]  # (platform, this month, the month before)
    silent_branches: list[OrgUnit]
    overdue_tasks: list[ReviewTask]
    followers: list[tuple[Resource, int | None, int | None]]  # (page, before, at month's end)

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
    authors = _authors(unit)
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
        silent_branches=[branch for branch in branches if branch.pk not in active_branches],
        overdue_tasks=tasks,
        followers=[(p.resource, before.get(p.resource.pk), p.followers) for p in pages],
    )
