"""Everything about a unit's information work in a period, for a dashboard and the Анықтама."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum

from branches.models import OrgUnit
from branches.selectors import member_figure
from monitoring.models import (
    AppUserCount,
    CommitteeReview,
    NewspaperSubscription,
    ReviewTask,
    Target,
)
from monitoring.periods import Period
from monitoring.selectors.audience import (
    BranchPages,
    Page,
    branch_pages,
    follower_history,
    own_pages,
    unit_followers,
)
from monitoring.selectors.overview import publications_by_month
from monitoring.selectors.publications import (
    BROADCAST,
    CURRENT,
    PRINT,
    SOCIAL,
    CompletenessRow,
    Content,
    Cube,
    YearTable,
    completeness_grid,
    content_figures,
    publication_cube,
    publications_by_author,
    publications_by_medium,
    publications_by_platform,
    publications_of,
)
from publications.models import MethodologicalMaterial


@dataclass
class Organization:
    unit: OrgUnit
    primaries: int
    members: int | None
    branches: int
    served_directly: int
    members_on: date | None = None  # the date of the member counts
    members_later: bool = False  # counted only after the period's end

    @property
    def members_in_period(self) -> int | None:
        return None if self.members_later else self.members


def organization_figures(*, unit: OrgUnit, period: Period) -> Organization:
    region = unit.kind == OrgUnit.Kind.REGION
    counts = OrgUnit.objects.filter(path__startswith=unit.path).aggregate(
        primaries=Count("id", filter=Q(kind=OrgUnit.Kind.PRIMARY)),
        branches=Count("id", filter=Q(kind=OrgUnit.Kind.BRANCH) & ~Q(pk=unit.pk)),
        served_directly=Count("id", filter=Q(kind=OrgUnit.Kind.PRIMARY, parent=unit)),
    )
    if not region:  # a branch's primary organizations are simply its own
        counts["served_directly"] = 0
    members = member_figure(unit=unit, on=period.end)
    return Organization(
        unit=unit,
        members=members.members,
        members_on=members.counted_on,
        members_later=members.later,
        **counts,
    )


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
    *, unit: OrgUnit, cube: Cube, pages: list[Page], content: Content
) -> list[TargetFact]:
    """Targets of the unit and of the units under it, beside what they reached."""
    period = cube.period
    targets = Target.objects.filter(
        unit__path__startswith=unit.path, year=period.year
    ).select_related("unit", "platform")
    per_unit: dict[int, int] = {}
    for cell in cube.cells:
        if cell["span"] == CURRENT and not cell["straddles"]:
            per_unit[cell["unit"]] = per_unit.get(cell["unit"], 0) + cell["n"]
    rows = []
    for target in targets:
        subtree = {pk for pk, path in cube.paths.items() if path.startswith(target.unit.path)}
        unit_pages = [p for p in pages if p.resource.owner.path.startswith(target.unit.path)]
        if target.metric == Target.Metric.PUBLICATIONS:
            fact = sum(n for pk, n in per_unit.items() if pk in subtree)
        elif target.metric == Target.Metric.FOLLOWERS:
            fact = unit_followers(pages=pages, unit_id=target.unit_id)
        elif target.metric == Target.Metric.PAGES:
            fact = sum(1 for p in unit_pages if p.resource.platform_id == target.platform_id)
        else:
            share = content.legal_share
            fact = float(share) if share is not None and target.unit_id == unit.pk else None
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
    # The period's publications per platform and month, where the month is known.
    by_month: list = field(default_factory=list)
    # Publications staff marked notable (the report names them) and broadcasts with who spoke.
    notable: list = field(default_factory=list)
    on_air: list = field(default_factory=list)

    @property
    def followers_total(self) -> int | None:
        """The followers of the unit's own pages by the period's end (`unit_followers`)."""
        return unit_followers(pages=self.pages, unit_id=self.unit.pk)

    @property
    def is_empty(self) -> bool:
        """Nothing at all recorded for the period: no publication, tally or follower count."""
        return (
            not self.content.total
            and not self.by_platform.total.by_year.get(self.period.year)
            and not any(p.followers_on and p.followers_on.year == self.period.year
                        for p in self.pages)
            and not any(m.year == self.period.year for m in self.materials)
            and not any(r.year == self.period.year for r in self.reviews)
        )  # fmt: skip

    @property
    def unit_pages(self) -> list[Page]:
        """The unit's own pages (not its branches')."""
        return [page for page in self.pages if page.resource.owner_id == self.unit.pk]

    @property
    def followers_per_hundred(self) -> float | None:
        return per_hundred(self.followers_total, self.organization.members_in_period)

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
    cube = publication_cube(unit=unit, period=period)
    return Figures(
        unit=unit,
        period=period,
        organization=organization_figures(unit=unit, period=period),
        by_platform=publications_by_platform(cube),
        by_author=publications_by_author(cube),
        by_author_on_own_pages=publications_by_author(
            cube, platform_kinds=SOCIAL, own_pages_of=unit
        ),
        press=publications_by_medium(cube, kinds=PRINT),
        broadcasts=publications_by_medium(cube, kinds=BROADCAST),
        pages=pages,
        followers=follower_history(pages=pages, period=period),
        branches=branch_pages(unit=unit, pages=pages),
        content=content,
        completeness=completeness_grid(cube),
        reviews=committee_reviews(unit=unit, up_to=period.end),
        materials=methodological_materials(
            unit=unit, first_year=period.year - MATERIAL_YEARS + 1, last_year=period.year
        ),
        targets=targets_against_fact(unit=unit, cube=cube, pages=pages, content=content),
        subscriptions=subscriptions(unit=unit, period=period),
        app_users=app_users(unit=unit, period=period),
        by_month=publications_by_month(cube),
        **named_publications(unit=unit, period=period),
    )


def named_publications(*, unit: OrgUnit, period: Period) -> dict[str, list]:
    """The period's publications the report names: those marked notable, and broadcasts with
    who took part (one query)."""
    rows = list(
        publications_of(unit)
        .filter(published_on__range=(period.start, period.end))
        .filter(
            Q(is_notable=True) | (Q(resource__platform__kind__in=BROADCAST) & ~Q(participants=""))
        )
        .select_related("resource", "resource__platform")
        .order_by("published_on", "pk")[:50]
    )
    return {
        "notable": [row for row in rows if row.is_notable],
        "on_air": [row for row in rows if row.participants],
    }
