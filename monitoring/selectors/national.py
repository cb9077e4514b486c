"""The regions side by side, for the central committee's press service."""

from __future__ import annotations

from dataclasses import dataclass

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
    """Each region's publications and tallies, members, followers, pages and legal share (over
    the items whose topic is known): 6 queries."""
    regions = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.REGION).order_by("name"))
    # Whole months from the summary; a month the period's end cuts, from the publications.
    cut = month_end(period.end) != period.end
    months = PublicationMonth.objects.filter(month__range=(period.start, period.end))
    if cut:
        months = months.exclude(month=period.end.replace(day=1))
    publications: dict[int, dict] = {}
    for row in months.values("region").annotate(n=Sum("n"), legal=Sum("topic_legal")).order_by():
        publications[row["region"]] = {"n": row["n"], "legal": row["legal"]}
    if cut:
        raw = (
            Publication.objects.filter(published_on__range=(period.end.replace(day=1), period.end))
            .values("region")
            .annotate(n=Count("id"), legal=Count("id", filter=Q(topic=Publication.Topic.LEGAL)))
            .order_by()
        )
        for row in raw:
            known = publications.setdefault(row["region"], {"n": 0, "legal": 0})
            known["n"] += row["n"]
            known["legal"] += row["legal"]
    for row in publications.values():
        row["legal_known"] = row["n"]
    tallies = Tally.objects.filter(starts_on__gte=period.start, ends_on__lte=period.end)
    for region, count, legal in tallies.values_list("region", "count", "topic_legal"):
        row = publications.setdefault(region, {"n": 0, "legal": 0, "legal_known": 0})
        row["n"] += count
        if legal is not None:  # the tally says how many of it are legal
            row["legal_known"] += count
            row["legal"] += legal
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
            publications=publications.get(region.pk, {}).get("n", 0),
            legal=publications.get(region.pk, {}).get("legal", 0),
            legal_known=publications.get(region.pk, {}).get("legal_known", 0),
            members=members.get(region.pk, 0),
            followers=followers.get(region.pk, 0),
            branches=branches.get(region.pk, 0),
            branches_with_pages=with_pages.get(region.pk, 0),
        )
        for region in regions
    ]
