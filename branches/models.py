"""The organization tree (central committee → regions → branches → primary organizations),
dated member counts, people's assignments to units, and the base of every audited record."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def localized(name: str, name_ru: str) -> str:
    """A name in the active language: the Russian one on Russian pages, where there is one."""
    return name_ru if name_ru and get_language() == "ru" else name


# How the union calls a region's own committee (the glossary's words), in Kazakh and Russian.
REGIONAL_COMMITTEE = ("Облыстық кәсіподақ комитеті", "Областной комитет профсоюза")


class AliveManager(models.Manager):
    """Hides soft-deleted records: a deleted record counts nowhere."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class TrackedRecord(models.Model):
    """A record people enter: who made it, a version for stale-edit detection, soft delete."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # The token of the form that created the record: a second submit of that form finds it.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    objects = AliveManager()
    all_objects = models.Manager()  # noqa: DJ012 (a second manager, not a field)

    class Meta:
        abstract = True


class OrgUnit(models.Model):
    """One node of the union's tree; `path` makes a subtree one indexed prefix query."""

    class Kind(models.TextChoices):
        CENTRAL = "central", _("central committee")
        REGION = "region", _("regional organization")
        BRANCH = "branch", pgettext_lazy("organization unit", "branch")
        PRIMARY = "primary", _("primary organization")

    class Committee(models.TextChoices):
        DISTRICT = "district", _("district committee")
        CITY = "city", _("city committee")

    name = models.CharField(_("name"), max_length=255)
    name_ru = models.CharField(_("name in Russian"), max_length=255, blank=True)
    short_name = models.CharField(
        _("short name"), max_length=100, blank=True, help_text=_("Used in tables, e.g. «Ақсуат».")
    )
    short_name_ru = models.CharField(_("short name in Russian"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    committee = models.CharField(
        _("committee type"), max_length=10, choices=Committee.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    region = models.ForeignKey(
        "self",
        verbose_name=_("regional organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    path = models.CharField(_("path"), max_length=255, editable=False, db_index=True)
    chairman = models.CharField(_("chairman"), max_length=255, blank=True)
    information_officer = models.CharField(
        _("who does information work"),
        max_length=255,
        blank=True,
        help_text=_("Position and name of the person who does information work."),
    )
    information_officer_ru = models.CharField(
        _("who does information work, in Russian"),
        max_length=255,
        blank=True,
        help_text=_("Position and name in Russian."),
    )
    has_press_secretary = models.BooleanField(_("has a staff press secretary"), default=False)
    report_introduction = models.TextField(
        _("report introduction"),
        blank=True,
        help_text=_("The paragraphs that open the region's report, in Kazakh."),
    )
    report_introduction_ru = models.TextField(_("report introduction, in Russian"), blank=True)
    report_closing = models.TextField(
        _("report closing"),
        blank=True,
        help_text=_("The paragraphs before the recommendations, in Kazakh."),
    )
    report_closing_ru = models.TextField(_("report closing, in Russian"), blank=True)
    is_placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("Created to stand in for a unit the source did not name; replace it."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organization unit")
        verbose_name_plural = _("organization units")
        ordering = ["path"]
        indexes = [models.Index(fields=["kind", "region"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="central", parent__isnull=True)
                | (~models.Q(kind="central") & models.Q(parent__isnull=False)),
                name="orgunit_only_central_is_root",
            ),
            # Tables show short names: two siblings by one name would be two identical rows.
            models.UniqueConstraint(
                fields=["parent", "short_name"],
                condition=~models.Q(short_name=""),
                name="orgunit_short_name_distinct_among_siblings",
                violation_error_message=_(
                    "Another unit under the same parent has this short name."
                ),
            ),
            models.UniqueConstraint(
                fields=["parent", "short_name_ru"],
                condition=~models.Q(short_name_ru=""),
                name="orgunit_short_name_ru_distinct_among_siblings",
                violation_error_message=_(
                    "Another unit under the same parent has this short name in Russian."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            old_path = self.path
            if self.pk is None:
                super().save(*args, **kwargs)
                kwargs = {}
            self.path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
            if self.kind == self.Kind.REGION:
                self.region_id = self.pk
            elif self.parent is not None:
                self.region_id = self.parent.region_id
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                self._move_descendants(old_path)

    @property
    def display_name(self) -> str:
        return localized(self.name, self.name_ru)

    @property
    def label(self) -> str:
        """The unit's name inside its region: the short name for tables, else the full one. A
        region's own records are its regional committee's, and are labelled so."""
        if self.kind == self.Kind.REGION:
            return localized(*REGIONAL_COMMITTEE)
        return localized(self.short_name, self.short_name_ru) or self.display_name

    @property
    def proper_name(self) -> str:
        """The unit's own name, where units of several regions are side by side ("Абай
        облысы"): its short name, else its full name."""
        return localized(self.short_name, self.short_name_ru) or self.display_name

    def clean(self) -> None:
        allowed_parents = {
            self.Kind.CENTRAL: set(),
            self.Kind.REGION: {self.Kind.CENTRAL},
            self.Kind.BRANCH: {self.Kind.REGION},
            self.Kind.PRIMARY: {self.Kind.REGION, self.Kind.BRANCH},
        }[self.kind]
        if self.parent is None and self.kind != self.Kind.CENTRAL:
            raise ValidationError({"parent": _("This kind of unit needs a parent unit.")})
        if self.parent is not None and self.parent.kind not in allowed_parents:
            raise ValidationError(
                {"parent": _("A unit of this kind cannot be placed under the chosen unit.")}
            )
        if self.parent is not None and self.pk and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": _("A unit cannot be placed inside itself.")})

    def _move_descendants(self, old_path: str) -> None:
        # A unit moved: its descendants keep their place under it, with new paths and region.
        OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
            path=Concat(models.Value(self.path), Substr("path", len(old_path) + 1)),
            region_id=self.region_id,
        )


class MemberCount(models.Model):
    """How many union members a unit had on a date; a past year's report uses that year's."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="member_counts",
    )
    counted_on = models.DateField(_("counted on"))
    members = models.PositiveIntegerField(_("members"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member count")
        verbose_name_plural = _("member counts")
        ordering = ["unit", "-counted_on"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "counted_on"], name="membercount_one_per_date"),
            models.CheckConstraint(
                condition=models.Q(members__gte=0), name="membercount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.members} ({self.counted_on:%d.%m.%Y})"

    def clean(self) -> None:
        # One rule: a unit's members are the sum over its primary organizations where it has
        # any, its own count only where it has none. A count on such a unit would count twice.
        if (
            self.unit_id
            and self.unit.kind != OrgUnit.Kind.PRIMARY
            and OrgUnit.objects.filter(
                path__startswith=self.unit.path, kind=OrgUnit.Kind.PRIMARY
            ).exists()
        ):
            raise ValidationError(
                {
                    "members": _(
                        "%(unit)s has primary organizations: its members are the sum of theirs. "
                        "Enter the members of each primary organization instead, or the same "
                        "people would be counted twice."
                    )
                    % {"unit": self.unit.display_name}
                }
            )


class Assignment(models.Model):
    """A person's place in the union: the unit they work for and the role they have there."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        CENTRAL_PRESS = "central_press", _("central committee press service")
        REGIONAL_STAFF = "regional_staff", _("regional staff")
        BRANCH_OFFICER = "branch_officer", _("branch press officer")
        EXECUTIVE = "executive", _("executive committee member")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="assignment",
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    position = models.CharField(_("position"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}, {self.unit}"

    def clean(self) -> None:
        expected = {
            self.Role.ADMINISTRATOR: None,
            self.Role.CENTRAL_PRESS: {OrgUnit.Kind.CENTRAL},
            self.Role.REGIONAL_STAFF: {OrgUnit.Kind.REGION},
            self.Role.EXECUTIVE: {OrgUnit.Kind.REGION},
            self.Role.BRANCH_OFFICER: {OrgUnit.Kind.BRANCH},
        }[self.role]
        if expected is not None and self.unit_id and self.unit.kind not in expected:
            raise ValidationError({"unit": _("This role is not given at a unit of this kind.")})


def _import_path(batch: ImportBatch, filename: str) -> str:
    # A generated name: the uploaded name is shown, never used as a path.
    return f"imports/{batch.created_at:%Y/%m}/{batch.pk}.xlsx"


class ImportBatch(models.Model):
    """One uploaded Excel file: previewed with its problems, then imported whole or not at all."""

    class Kind(models.TextChoices):
        PUBLICATIONS = "publications", _("publications")
        TALLIES = "tallies", _("tallies")
        PRIMARY_ORGANIZATIONS = "primary_organizations", _("primary organizations")
        BRANCHES = "branches", pgettext_lazy("organization unit", "branches")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("checked, not imported")
        IMPORTED = "imported", _("imported")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to=_import_path)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    # Headers the reader did not know, mapped by the user to a field: {header key: column key}.
    column_map = models.JSONField(_("columns mapped"), default=dict, blank=True)
    # What the user chose beside the file (say, the page a platform's export belongs to), so
    # that the confirmation reads the file as the preview did.
    options = models.JSONField(_("options"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.created_at:%d.%m.%Y %H:%M})"


class PeriodLock(models.Model):
    """A region's year closed to edits (when its report is issued), until staff unlock it. A rule
    of records: no record of a locked year is created, changed or deleted."""

    region = models.ForeignKey(
        OrgUnit, verbose_name=_("regional organization"), on_delete=models.CASCADE
    )
    year = models.PositiveSmallIntegerField(_("year"))
    locked_at = models.DateTimeField(_("locked at"), auto_now_add=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("locked by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unlocked_at = models.DateTimeField(_("unlocked at"), null=True, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unlocked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("period lock")
        verbose_name_plural = _("period locks")
        ordering = ["-locked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year"],
                condition=models.Q(unlocked_at__isnull=True),
                name="lock_one_open_per_region_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}"
