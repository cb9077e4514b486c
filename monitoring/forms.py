"""Forms for audience snapshots (press officers), executive committee reviews with their tasks
and targets (regional staff)."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.models import OrgUnit
from branches.records.forms import RecordForm
from branches.selectors import unit_changeable_list
from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    LeagueWeights,
    NewspaperSubscription,
    ReviewTask,
    Target,
)
from publications.forms import ResourceChoiceField, UnitChoiceField, not_in_future
from publications.models import Platform, Resource
from publications.selectors import outside_media_visible_q


class AudienceSnapshotForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = AudienceSnapshot
        fields = ["resource", "taken_on", "followers"]
        field_classes = {"resource": ResourceChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = Resource.objects.filter(
            kind=Resource.Kind.OWN_PAGE, owner__in=unit_changeable_list(user=self.user)
        ).select_related("platform")
        self.fields["taken_on"].validators.append(not_in_future)
        self.fields["followers"].widget.attrs.update({"inputmode": "numeric", "min": 0})
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("taken_on", timezone.localdate())


class CommitteeReviewForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = CommitteeReview
        fields = [
            "unit", "year", "held_on", "question", "question_ru", "decisions", "decisions_ru",
            "assessment", "assessment_ru",
        ]  # fmt: skip
        field_classes = {"unit": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).exclude(
            kind=OrgUnit.Kind.PRIMARY
        )
        self.fields["held_on"].validators.append(not_in_future)
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("year", timezone.localdate().year)


class ReviewTaskForm(RecordForm):
    # A task is saved with its review: the review's version and token guard both.
    submission_token = None
    version = None

    class Meta(RecordForm.Meta):
        model = ReviewTask
        fields = ["description", "due_on", "state"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def has_changed(self) -> bool:
        # A new row without a task is a blank row: ignored, whatever its state or date say.
        if (
            self.instance.pk is None
            and not (self.data.get(self.add_prefix("description")) or "").strip()
        ):
            return False
        return super().has_changed()


ReviewTaskFormSet = forms.inlineformset_factory(
    CommitteeReview,
    ReviewTask,
    form=ReviewTaskForm,
    fields=ReviewTaskForm.Meta.fields,
    extra=1,
    can_delete=True,
)


class TargetForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Target
        fields = ["unit", "year", "metric", "platform", "value"]
        field_classes = {"unit": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).exclude(
            kind=OrgUnit.Kind.PRIMARY
        )
        # The form says it in words; left to the check constraint, the user would read its name.
        self.fields["value"].validators.append(MinValueValidator(0))
        self.fields["value"].widget.attrs["min"] = 0

    def clean(self):
        cleaned = super().clean()
        metric, platform = cleaned.get("metric"), cleaned.get("platform")
        if metric == Target.Metric.PAGES and platform is None:
            self.add_error("platform", _("Say on which platform the pages should be."))
        if metric == Target.Metric.LEGAL_SHARE and (cleaned.get("value") or 0) > 100:
            self.add_error("value", _("A share is at most 100 %."))
        return cleaned


class NewspaperSubscriptionForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = NewspaperSubscription
        fields = ["unit", "outlet", "year", "copies"]
        field_classes = {"unit": UnitChoiceField, "outlet": ResourceChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).order_by("path")
        self.fields["outlet"].queryset = Resource.objects.filter(
            outside_media_visible_q(user=self.user), platform__kind=Platform.Kind.PRINT
        ).select_related("platform")
        self.fields["copies"].widget.attrs.update({"inputmode": "numeric", "min": 0})
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("year", timezone.localdate().year)


class AppUserCountForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = AppUserCount
        fields = ["unit", "counted_on", "users"]
        field_classes = {"unit": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).exclude(
            kind=OrgUnit.Kind.PRIMARY
        )
        self.fields["counted_on"].validators.append(not_in_future)
        self.fields["users"].widget.attrs.update({"inputmode": "numeric", "min": 0})
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("counted_on", timezone.localdate())


class LeagueWeightsForm(forms.ModelForm):
    class Meta:
        model = LeagueWeights
        fields = list(LeagueWeights.MEASURES)
        widgets = {
            name: forms.NumberInput(attrs={"min": 0, "max": 100, "inputmode": "numeric"})
            for name in LeagueWeights.MEASURES
        }
