"""Reads for the Анықтама: which regions' reports a user may open, issued reports, locks."""

from __future__ import annotations

from django.db.models import QuerySet

from branches.models import OrgUnit
from branches.selectors import unit_visible_list
from reports.models import IssuedReport, PeriodLock, ReportDraft, ReportRules


def report_region_list(*, user) -> QuerySet[OrgUnit]:
    """Regions whose reports the user may read (a branch officer sees no region)."""
    return unit_visible_list(user=user).filter(kind=OrgUnit.Kind.REGION).order_by("name")


def issued_report_list(*, user) -> QuerySet[IssuedReport]:
    return IssuedReport.objects.filter(region__in=report_region_list(user=user)).select_related(
        "region", "issued_by"
    )


def report_draft(*, region: OrgUnit, year: int, as_of, language: str) -> ReportDraft | None:
    return ReportDraft.objects.filter(
        region=region, year=year, as_of=as_of, language=language
    ).first()


def period_is_locked(*, region_id: int | None, year: int) -> bool:
    return (
        region_id is not None
        and PeriodLock.objects.filter(
            region_id=region_id, year=year, unlocked_at__isnull=True
        ).exists()
    )


def period_lock_list(*, region: OrgUnit) -> QuerySet[PeriodLock]:
    return PeriodLock.objects.filter(region=region).select_related(
        "locked_by", "unlocked_by", "report"
    )


def report_text_version(*, region: OrgUnit, year: int, as_of, language: str) -> str:
    """What the report's words depend on besides the figures: staff's edits and the rules."""
    draft = (
        ReportDraft.objects.filter(region=region, year=year, as_of=as_of, language=language)
        .values_list("pk", "version")
        .first()
    )
    rules = ReportRules.objects.filter(region=region).values_list("version", flat=True).first()
    return f"{draft or '-'}:{rules if rules is not None else '-'}"
