"""The regions side by side, for the central committee's press service."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery, Sum

from branches.models import MemberCount, OrgUnit
from monitoring.models import AudienceSnapshot
from monitoring.periods import Period, month_end
from monitoring.selectors.figures import per_hundred
from publications.models import Publication, PublicationMonth, Resource, Tally


@dataclass
class RegionRow:
    region: OrgUnit
    publications: int
    members: int
    followers: int
    branches: int
    branches_with_pages: int
    legal: int
    legal_known: int = 0  # items known to be on a legal topic or not: the legal share's base
    kazakh: int = 0
    language_known: int = 0  # items whose language is known: the Kazakh share's base
    months_with_posts: set[int] = field(default_factory=set)  # month numbers
    # A tally over several months: which of them had posts is not known.
    months_unknown: bool = False
    period_months: int = 12

    @property
    def regularity(self) -> int | None:
        """Months of the period with posts; None where tallies over several months hide it."""
        known = len(self.months_with_posts)
        if self.months_unknown and known < self.period_months:
            return None
        return known

    @property
    def pages_coverage(self) -> float | None:
        return per_hundred(self.branches_with_pages, self.branches)

    @property
    def kazakh_share(self) -> float | None:
        return per_hundred(self.kazakh, self.language_known)

    @property
    def publications_per_hundred(self) -> float | None:
        return per_hundred(self.publications, self.members)

    @property
    def followers_per_hundred(self) -> float | None:
        return per_hundred(self.followers, self.members)

    @property
    def legal_share(self) -> float | None:
        return per_hundred(self.legal, self.legal_known)


def national_figures(*, period: Period) -> list[RegionRow]:
    """Each region's publications and tallies, members, followers, pages, legal and Kazakh
    shares (over the items whose topic or language is known) and months with posts: 7 queries."""
    regions = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.REGION).order_by("name"))
    # Whole months from the summary; a month the period's end cuts, from the publications.
    cut = month_end(period.end) != period.end
    months = PublicationMonth.objects.filter(month__range=(period.start, period.end))
    if cut:
        months = months.exclude(month=period.end.replace(day=1))
    publications: dict[int, dict] = {}

    def known(region: int) -> dict:
        return publications.setdefault(
            region,
            {"n": 0, "legal": 0, "legal_known": 0, "kazakh": 0, "language_known": 0,
             "months": set(), "months_unknown": False},
        )  # fmt: skip

    by_month = (
        months.values("region", "month")
        .annotate(n=Sum("n"), legal=Sum("topic_legal"), kazakh=Sum("kazakh"))
        .order_by()
    )
    for row in by_month:
        figures = known(row["region"])
        for name in ("n", "legal", "kazakh"):
            figures[name] += row[name] or 0
        figures["legal_known"] += row["n"] or 0
        figures["language_known"] += row["n"] or 0
        if row["n"]:
            figures["months"].add(row["month"].month)
    if cut:
        raw = (
            Publication.objects.filter(published_on__range=(period.end.replace(day=1), period.end))
            .values("region")
            .annotate(
                n=Count("id"),
                legal=Count("id", filter=Q(topic=Publication.Topic.LEGAL)),
                kazakh=Count("id", filter=Q(language=Publication.Language.KAZAKH)),
            )
            .order_by()
        )
        for row in raw:
            figures = known(row["region"])
            for name in ("n", "legal", "kazakh"):
                figures[name] += row[name]
            figures["legal_known"] += row["n"]
            figures["language_known"] += row["n"]
            if row["n"]:
                figures["months"].add(period.end.month)
    tallies = Tally.objects.filter(starts_on__gte=period.start, ends_on__lte=period.end)
    for region, count, legal, kazakh, starts_on, ends_on in tallies.values_list(
        "region", "count", "topic_legal", "kazakh", "starts_on", "ends_on"
    ):
        figures = known(region)
        figures["n"] += count
        if legal is not None:  # the tally says how many of it are legal
            figures["legal_known"] += count
            figures["legal"] += legal
        if kazakh is not None:
            figures["language_known"] += count
            figures["kazakh"] += kazakh
        if starts_on.month == ends_on.month:
            if count:
                figures["months"].add(starts_on.month)
        else:
            figures["months_unknown"] = True
    latest_members = Subquery(
        MemberCount.objects.filter(unit=OuterRef("unit"), counted_on__lte=period.end)
        .order_by("-counted_on")
        .values("counted_on")[:1]
    )
    units = {
        (region, kind): n
        for region, kind, n in OrgUnit.objects.filter(
            kind__in=[OrgUnit.Kind.BRANCH, OrgUnit.Kind.PRIMARY]
        )
        .values_list("region", "kind")
        .annotate(n=Count("id"))
        .order_by()
    }
    counted = {
        (region, kind): n
        for region, kind, n in MemberCount.objects.filter(
            counted_on=latest_members, unit__kind__in=[OrgUnit.Kind.PRIMARY, OrgUnit.Kind.REGION]
        )
        .values_list("unit__region", "unit__kind")
        .annotate(n=Sum("members"))
        .order_by()
    }
    # The one rule (`branches.selectors.member_count_rows`): a region's members are the sum over
    # its primary organizations where it has any, its own count only where it has none.
    members = {
        region.pk: counted.get((region.pk, OrgUnit.Kind.PRIMARY), 0)
        if units.get((region.pk, OrgUnit.Kind.PRIMARY))
        else counted.get((region.pk, OrgUnit.Kind.REGION), 0)
        for region in regions
    }
    # Followers: the region's own pages only (`audience.unit_followers`, the one definition).
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
    branches = {region: n for (region, kind), n in units.items() if kind == OrgUnit.Kind.BRANCH}
    with_pages = dict(
        Resource.objects.filter(kind=Resource.Kind.OWN_PAGE, owner__kind=OrgUnit.Kind.BRANCH)
        .values_list("owner__region")
        .annotate(n=Count("owner", distinct=True))
    )
    return [
        RegionRow(
            region=region,
            publications=known(region.pk)["n"],
            legal=known(region.pk)["legal"],
            legal_known=known(region.pk)["legal_known"],
            kazakh=known(region.pk)["kazakh"],
            language_known=known(region.pk)["language_known"],
            months_with_posts=known(region.pk)["months"],
            months_unknown=known(region.pk)["months_unknown"],
            period_months=period.end.month,
            members=members.get(region.pk, 0),
            followers=followers.get(region.pk, 0),
            branches=branches.get(region.pk, 0),
            branches_with_pages=with_pages.get(region.pk, 0),
        )
        for region in regions
    ]
