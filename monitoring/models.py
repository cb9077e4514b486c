"""Dated figures and decisions about information work: audiences, targets, executive
committee reviews with their tasks, newspaper subscriptions and mobile app users."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.models import OrgUnit, TrackedRecord
from publications.models import Platform, Resource

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class AudienceSnapshot(TrackedRecord):
    """The follower count of one page on one date."""

    resource = models.ForeignKey(
        Resource,
        verbose_name=_("page"),
        on_delete=models.PROTECT,
        related_name="audience_snapshots",
    )
    taken_on = models.DateField(_("date"))
    followers = models.PositiveIntegerField(_("followers"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("audience snapshot")
        verbose_name_plural = _("audience snapshots")
        ordering = ["resource", "-taken_on"]
        constraints = [
            # Soft-deleted snapshots free their date: a corrected figure may be entered again.
            models.UniqueConstraint(
                fields=["resource", "taken_on"],
                condition=models.Q(deleted_at__isnull=True),
                name="audiencesnapshot_one_per_page_and_date",
                violation_error_message=_("This page already has a follower count for this date."),
            ),
            models.CheckConstraint(
                condition=models.Q(followers__gte=0), name="audiencesnapshot_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resource}: {self.followers} ({self.taken_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("snapshots:detail", args=[self.pk])

    def locked_period(self) -> tuple[int | None, int] | None:
        if not (self.resource_id and self.taken_on and self.resource.owner_id):
            return None
        return (self.resource.owner.region_id, self.taken_on.year)

    def clean(self) -> None:
        if self.resource_id and self.resource.kind != Resource.Kind.OWN_PAGE:
            raise ValidationError({"resource": _("Followers are recorded for a unit's own page.")})


class Target(TrackedRecord):
    """What a unit should reach in a year; dashboards show fact against it."""

    class Metric(models.TextChoices):
        PUBLICATIONS = "publications", _("publications")
        FOLLOWERS = "followers", _("followers")
        PAGES = "pages", _("pages on a platform")
        LEGAL_SHARE = "legal_share", _("share of legal topics, %")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["-year", "unit", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "metric", "platform"],
                condition=models.Q(deleted_at__isnull=True, platform__isnull=False),
                name="target_one_per_unit_year_metric_platform",
                violation_error_message=_("This unit already has this target for this year."),
            ),
            models.UniqueConstraint(
                fields=["unit", "year", "metric"],
                condition=models.Q(deleted_at__isnull=True, platform__isnull=True),
                name="target_one_per_unit_year_metric",
                violation_error_message=_("This unit already has this target for this year."),
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_metric_display()} {self.value}"

    def get_absolute_url(self) -> str:
        return reverse("targets:detail", args=[self.pk])


class CommitteeReview(TrackedRecord):
    """An executive committee meeting that considered information work."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit whose committee met"),
        on_delete=models.PROTECT,
        related_name="committee_reviews",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    held_on = models.DateField(
        _("held on"), null=True, blank=True, help_text=_("Leave empty when only the year is known.")
    )
    question = models.CharField(_("question considered"), max_length=1000)
    question_ru = models.CharField(
        _("question considered, in Russian"), max_length=1000, blank=True
    )
    decisions = models.TextField(_("decisions"), blank=True)
    decisions_ru = models.TextField(_("decisions, in Russian"), blank=True)
    assessment = models.TextField(
        _("assessment"), blank=True, help_text=_("What became of the decisions, as judged later.")
    )
    assessment_ru = models.TextField(_("assessment, in Russian"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("executive committee review")
        verbose_name_plural = _("executive committee reviews")
        ordering = ["-year", "-held_on"]

    def __str__(self) -> str:
        return f"{self.year}: {self.question}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", args=[self.pk])

    def clean(self) -> None:
        if self.held_on and self.year and self.held_on.year != self.year:
            raise ValidationError({"held_on": _("The date must fall in the review's year.")})


class ReviewTask(TrackedRecord):
    """A follow-up task an executive committee review set, with its due date and state."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        PARTLY_DONE = "partly_done", _("partly done")
        NOT_DONE = "not_done", _("not done")

    review = models.ForeignKey(
        CommitteeReview, verbose_name=_("review"), on_delete=models.CASCADE, related_name="tasks"
    )
    description = models.TextField(_("task"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")
        ordering = ["review", "due_on", "id"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        """Still open after its due date."""
        return (
            self.state == self.State.OPEN
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )


class NewspaperSubscription(TrackedRecord):
    """A unit's subscription to a newspaper for a year; the number of copies may be unknown."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="newspaper_subscriptions",
    )
    outlet = models.ForeignKey(
        Resource,
        verbose_name=_("newspaper"),
        on_delete=models.PROTECT,
        related_name="subscriptions",
        limit_choices_to={"kind": Resource.Kind.OUTSIDE_MEDIUM},
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    copies = models.PositiveIntegerField(_("copies"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("newspaper subscription")
        verbose_name_plural = _("newspaper subscriptions")
        ordering = ["-year", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "outlet", "year"],
                condition=models.Q(deleted_at__isnull=True),
                name="newspapersubscription_one_per_year",
            ),
            models.CheckConstraint(
                condition=models.Q(copies__gte=0), name="newspapersubscription_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.outlet} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("subscriptions:detail", args=[self.pk])


class AppUserCount(TrackedRecord):
    """How many members of a unit use the union's mobile app, on a date."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="app_user_counts"
    )
    counted_on = models.DateField(_("counted on"))
    users = models.PositiveIntegerField(_("app users"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mobile app users")
        verbose_name_plural = _("mobile app users")
        ordering = ["unit", "-counted_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "counted_on"],
                condition=models.Q(deleted_at__isnull=True),
                name="appusercount_one_per_date",
            ),
            models.CheckConstraint(
                condition=models.Q(users__gte=0), name="appusercount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.users} ({self.counted_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("appusers:detail", args=[self.pk])


class LeagueWeights(models.Model):
    """How much each measure counts in the national league table of regions; one row, kept by
    the central committee's press service."""

    regularity = models.PositiveSmallIntegerField(
        _("regularity (months with posts)"), default=30, validators=[MaxValueValidator(100)]
    )
    volume = models.PositiveSmallIntegerField(
        _("publications per 100 members"), default=20, validators=[MaxValueValidator(100)]
    )
    pages = models.PositiveSmallIntegerField(
        _("branches with their own pages"), default=20, validators=[MaxValueValidator(100)]
    )
    kazakh = models.PositiveSmallIntegerField(
        _("share in Kazakh"), default=15, validators=[MaxValueValidator(100)]
    )
    followers = models.PositiveSmallIntegerField(
        _("followers per 100 members"), default=15, validators=[MaxValueValidator(100)]
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    MEASURES = ("regularity", "volume", "pages", "kazakh", "followers")

    class Meta:
        verbose_name = _("league table weights")
        verbose_name_plural = _("league table weights")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self) -> None:
        if not any(getattr(self, name) for name in self.MEASURES):
            raise ValidationError(_("At least one measure must have a weight above zero."))

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.MEASURES}
