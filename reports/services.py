"""Writes of the Анықтама: staff's edits, issuing (numbered, frozen, files kept, the period
optionally locked), unlocking, and the rules' thresholds."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from branches.locks import period_lock, period_unlock
from branches.models import OrgUnit, PeriodLock
from monitoring.cache import cached_figures, figures_version
from monitoring.periods import Period
from monitoring.selectors import unit_figures
from reports.content import report_apply_edits, report_build
from reports.models import IssuedReport, ReportDraft, ReportKind
from reports.render import render_docx, render_pdf, render_xlsx
from reports.selectors import report_draft, report_text_version

# A section's text and the commentary: a long report is some pages; 3.5 MB would be a thousand.
TEXT_MAX_LENGTH = 20_000
FILE_KEPT_SECONDS = 24 * 60 * 60
RENDERERS: dict[str, Callable[[dict], bytes]] = {
    "pdf": render_pdf,
    "docx": render_docx,
    "xlsx": render_xlsx,
}


def report_generate(
    *, region: OrgUnit, period: Period, language: str, kind: str = ReportKind.OWN
) -> dict:
    """The report from today's records, with the saved edits of its kind applied."""
    figures = cached_figures(
        f"figures:{region.pk}:{period.year}:{period.as_of}",
        lambda: unit_figures(unit=region, period=period),
    )
    # The kind says who signs: the region's chairman, or the central press service.
    report = report_build(figures=figures, language=language, kind=kind)
    draft = report_draft(
        region=region, year=period.year, as_of=period.as_of, language=language, kind=kind
    )
    if draft is not None:
        report_apply_edits(report, texts=draft.texts, commentary=draft.commentary)
    return report


@transaction.atomic
def report_draft_save(
    *,
    region: OrgUnit,
    period: Period,
    language: str,
    texts: dict,
    commentary: str,
    author,
    kind: str = ReportKind.OWN,
) -> ReportDraft:
    """Keep staff's edits of the generated text. Only a text that differs from the generated one
    is kept, so the other sections go on following the records; an empty text goes back to
    the generated one."""
    too_long = [key for key, text in texts.items() if len(text) > TEXT_MAX_LENGTH]
    if too_long or len(commentary) > TEXT_MAX_LENGTH:
        raise ValidationError(
            _("A section's text may be at most %(limit)s characters. Shorten it and save again.")
            % {"limit": f"{TEXT_MAX_LENGTH:,}".replace(",", " ")}
        )
    generated = {
        section["key"]: section["generated"]
        for section in report_build(
            figures=unit_figures(unit=region, period=period), language=language
        )["sections"]
    }
    draft, _created = ReportDraft.objects.select_for_update().get_or_create(
        region=region, year=period.year, as_of=period.as_of, language=language, kind=kind,
        defaults={"created_by": author},
    )  # fmt: skip
    draft.texts = {
        key: text
        for key, text in texts.items()
        if text.strip() and _words(text) != _words(generated.get(key, ""))
    }
    draft.commentary = commentary
    draft.version += 1
    draft._history_user = author
    draft.save()
    return draft


def _file_key(
    *, region: OrgUnit, period: Period, language: str, fmt: str, kind: str = ReportKind.OWN
) -> str:
    text = report_text_version(
        region=region, year=period.year, as_of=period.as_of, language=language, kind=kind
    )
    return (
        f"report-file:{region.pk}:{period.year}:{period.as_of}:{language}:{fmt}:"
        f"{figures_version()}:{text}"
    )


def report_file_cached(
    *, region: OrgUnit, period: Period, language: str, fmt: str, kind: str = ReportKind.OWN
) -> bytes | None:
    """The report's file as rendered before, if neither its figures nor its text changed since."""
    return cache.get(_file_key(region=region, period=period, language=language, fmt=fmt, kind=kind))


def report_file_render(
    *, region: OrgUnit, period: Period, language: str, fmt: str, kind: str = ReportKind.OWN
) -> bytes:
    """Render the report's PDF, Word or Excel file and keep it for the next download. Keyed by
    (report, figures version, text version, language), so a change of either renders anew."""
    key = _file_key(region=region, period=period, language=language, fmt=fmt, kind=kind)
    report = report_generate(region=region, period=period, language=language, kind=kind)
    content = RENDERERS[fmt](report)
    cache.set(key, content, FILE_KEPT_SECONDS)
    return content


def _words(text: str) -> list[str]:
    return text.split()


def _signature_body(region: OrgUnit, language: str) -> str:
    return region.name if language == "kk" or not region.name_ru else region.name_ru


@transaction.atomic
def report_issue(
    *,
    region: OrgUnit,
    period: Period,
    language: str,
    author,
    lock: bool = False,
    kind: str = ReportKind.OWN,
) -> IssuedReport:
    """Number, date and freeze the report as it reads now; keep its PDF and Word file.

    The region's own report may lock its year; an assessment never does: only the region's
    staff or an administrator lock and unlock a region's period."""
    OrgUnit.objects.select_for_update().get(pk=region.pk)  # one number at a time per region
    report = report_generate(region=region, period=period, language=language, kind=kind)
    # Documents kept in the archive from outside the portal (no issuer) take no number of its own.
    sequence = (
        IssuedReport.objects.filter(
            region=region, year=period.year, kind=kind, issued_by__isnull=False
        ).count()
        + 1
    )
    today = timezone.localdate()
    marker = "-A" if kind == ReportKind.ASSESSMENT else ""
    number = f"{region.slug.upper()}-{period.year}{marker}-{sequence:03d}"
    report.update(number=number, issued_on=today.strftime("%d.%m.%Y"), kind=kind)
    if kind == ReportKind.OWN:
        report["signature_body"] = _signature_body(region, language) or report["region"]
    issued = IssuedReport(
        region=region, year=period.year, as_of=period.as_of, language=language, number=number,
        issued_on=today, issued_by=author, content=report, kind=kind,
    )  # fmt: skip
    issued.pdf.save(f"{number}.pdf", ContentFile(render_pdf(report)), save=False)
    issued.docx.save(f"{number}.docx", ContentFile(render_docx(report)), save=False)
    if lock and kind == ReportKind.OWN:
        issued.lock = period_lock(region=region, year=period.year, author=author)
    issued.save()
    return issued


@transaction.atomic
def report_period_unlock(*, lock: PeriodLock, author) -> None:
    """Open a locked year to edits again; who and when is kept."""
    period_unlock(lock=lock, author=author)
