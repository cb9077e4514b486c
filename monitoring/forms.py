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
from monitoring.models import AudienceSnapshot, CommitteeReview, ReviewTask, Target
from publications.forms import ResourceChoiceField, UnitChoiceField, not_in_future
from publications.models import Resource


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
    class Meta(RecordForm.Meta):
        model = ReviewTask
        fields = ["description", "due_on", "state"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


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
