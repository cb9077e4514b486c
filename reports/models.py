"""The Анықтама: the thresholds of its rules, staff's edits before issuing, issued reports kept
as issued, and the periods that issuing locked."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.models import OrgUnit, TrackedRecord
from publications.models import Platform

LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian"))]


class ReportKind(models.TextChoices):
    """Whose report: the region's own (its staff write and issue it, its chairman signs), or the
    central press service's assessment of the region (signed by the press service). Each kind
    keeps its own text, so neither can rewrite the other's."""

    OWN = "own", _("the region's own report")
    ASSESSMENT = "assessment", _("assessment by the central committee's press service")


class ReportRules(TrackedRecord):
    """The thresholds by which a region's report turns figures into recommendations."""

    region = models.OneToOneField(
        OrgUnit,
        verbose_name=_("regional organization"),
        on_delete=models.CASCADE,
        related_name="report_rules",
        limit_choices_to={"kind": OrgUnit.Kind.REGION},
    )
    followers_per_hundred_min = models.DecimalField(
        _("followers per 100 members, at least"), max_digits=6, decimal_places=1, default=5
    )
    legal_share_min = models.DecimalField(
        _("share of legal topics, at least, %"), max_digits=5, decimal_places=1, default=10
    )
    organizational_share_max = models.DecimalField(
        _("share of organizational announcements, at most, %"),
        max_digits=5,
        decimal_places=1,
        default=60,
    )
    press_per_year_min = models.PositiveSmallIntegerField(
        _("press materials a year, at least"),
        default=12,
        help_text=_("Fewer, and the report says the organization is seldom in the press."),
    )
    growth_share_min = models.DecimalField(
        _("growth called considerable, at least, %"), max_digits=5, decimal_places=1, default=25
    )
    silent_months_max = models.PositiveSmallIntegerField(
        _("months without publications, at most"), default=3
    )
    platforms = models.ManyToManyField(
        Platform,
        verbose_name=_("platforms the region uses for its own pages"),
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(m2m_fields=[platforms])

    class Meta:
        verbose_name = _("report rules")
        verbose_name_plural = _("report rules")

    def __str__(self) -> str:
        return str(self.region)


class ReportDraft(TrackedRecord):
    """Staff's edits of a report's generated text, before issuing."""

    region = models.ForeignKey(
        OrgUnit, verbose_name=_("regional organization"), on_delete=models.CASCADE
    )
    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    kind = models.CharField(
        _("kind of report"), max_length=20, choices=ReportKind.choices, default=ReportKind.OWN
    )
    texts = models.JSONField(_("edited texts"), default=dict, blank=True)
    commentary = models.TextField(_("commentary"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report draft")
        verbose_name_plural = _("report drafts")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "as_of", "language", "kind"],
                condition=models.Q(deleted_at__isnull=True),
                name="reportdraft_one_per_period_language_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.as_of or ''} {self.language}"


def _issued_path(report: IssuedReport, filename: str) -> str:
    return f"reports/{report.region.slug}/{report.number}{filename[filename.rfind('.') :]}"


class IssuedReport(models.Model):
    """An issued Анықтама: its number, date, figures, text and files, as they were issued."""

    Kind = ReportKind

    region = models.ForeignKey(
        OrgUnit,
        verbose_name=_("regional organization"),
        on_delete=models.PROTECT,
        related_name="issued_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    number = models.CharField(_("number"), max_length=50, unique=True)
    kind = models.CharField(
        _("kind of report"), max_length=20, choices=ReportKind.choices, default=ReportKind.OWN
    )
    lock = models.ForeignKey(
        "branches.PeriodLock",
        verbose_name=_("period lock"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text=_("The lock of the region's year that issuing this report set."),
    )
    issued_on = models.DateField(_("issued on"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty for a document issued outside the portal and kept in its archive."),
    )
    content = models.JSONField(_("content as issued"))
    pdf = models.FileField(_("PDF"), upload_to=_issued_path)
    docx = models.FileField(_("Word file"), upload_to=_issued_path)

    class Meta:
        verbose_name = _("issued report")
        verbose_name_plural = _("issued reports")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"№ {self.number}, {self.issued_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("reports:issued", args=[self.pk])
