"""Reads for the Анықтама: which regions' reports a user may open, issued reports, locks."""

from __future__ import annotations

from django.db.models import QuerySet

from branches.models import Assignment, OrgUnit
from branches.selectors import unit_visible_list
from reports.models import IssuedReport, ReportDraft, ReportKind, ReportRules


def report_region_list(*, user) -> QuerySet[OrgUnit]:
    """Regions whose reports the user may read (a branch officer sees no region)."""
    return unit_visible_list(user=user).filter(kind=OrgUnit.Kind.REGION).order_by("name")


def report_years(*, regions) -> dict[int, list[int]]:
    """Each region → the years for which it has records (publications, tallies, follower
    counts, methodological materials, executive committee reviews), newest first: one grouped
    query per kind of record."""
    from django.db.models.functions import ExtractYear

    from monitoring.models import AudienceSnapshot, CommitteeReview
    from publications.models import MethodologicalMaterial, Publication, Tally

    ids = [region.pk for region in regions]
    sources = [
        Publication.objects.filter(region__in=ids).values_list(
            "region", ExtractYear("published_on")
        ),
        Tally.objects.filter(region__in=ids).values_list("region", ExtractYear("starts_on")),
        AudienceSnapshot.objects.filter(resource__owner__region__in=ids).values_list(
            "resource__owner__region", ExtractYear("taken_on")
        ),
        MethodologicalMaterial.objects.filter(unit__region__in=ids).values_list(
            "unit__region", "year"
        ),
        CommitteeReview.objects.filter(unit__region__in=ids).values_list("unit__region", "year"),
    ]
    years: dict[int, set[int]] = {pk: set() for pk in ids}
    for source in sources:
        for region, year in source.distinct().order_by():
            years[region].add(year)
    return {pk: sorted(found, reverse=True) for pk, found in years.items()}


def issued_report_list(*, user) -> QuerySet[IssuedReport]:
    return IssuedReport.objects.filter(region__in=report_region_list(user=user)).select_related(
        "region", "issued_by"
    )


def report_kind_for(*, user) -> str:
    """The kind of report a user prepares: the central press service its assessment, everyone
    else (staff, administrators; executives read) the region's own."""
    from branches.selectors import user_role

    if user_role(user=user) == Assignment.Role.CENTRAL_PRESS:
        return ReportKind.ASSESSMENT
    return ReportKind.OWN


def report_draft(
    *, region: OrgUnit, year: int, as_of, language: str, kind: str = ReportKind.OWN
) -> ReportDraft | None:
    return ReportDraft.objects.filter(
        region=region, year=year, as_of=as_of, language=language, kind=kind
    ).first()


def report_text_version(
    *, region: OrgUnit, year: int, as_of, language: str, kind: str = ReportKind.OWN
) -> str:
    """What the report's words depend on besides the figures: staff's edits and the rules."""
    draft = (
        ReportDraft.objects.filter(
            region=region, year=year, as_of=as_of, language=language, kind=kind
        )
        .values_list("pk", "version")
        .first()
    )
    rules = ReportRules.objects.filter(region=region).values_list("version", flat=True).first()
    draft_key = f"{kind}.{draft[0]}.{draft[1]}" if draft else f"{kind}.-"
    return f"{draft_key}:{rules if rules is not None else '-'}"
