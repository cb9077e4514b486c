"""Forms for publications, methodological materials and resources: the unit and resource
choices are only those the user may change, and the server checks them again on save."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.models import OrgUnit
from branches.records.forms import RecordForm
from branches.selectors import unit_changeable_list
from publications.models import MethodologicalMaterial, Publication, Resource


def resource_choices(*, user) -> QuerySet[Resource]:
    """Resources a user may publish on: pages of their units, and every outside medium."""
    units = unit_changeable_list(user=user)
    return (
        Resource.objects.filter(Q(owner__in=units) | Q(kind=Resource.Kind.OUTSIDE_MEDIUM))
        .select_related("platform", "owner")
        .order_by("platform__sort_order", "name")
    )


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.display_name


class ResourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Resource) -> str:
        return f"{obj.platform.label}: {obj.name}"


def not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("The date is in the future."))


class PublicationForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Publication
        fields = [
            "published_on", "resource", "unit", "title", "url", "topic", "kind", "is_repost",
            "language", "views", "reactions", "comments", "shares", "details_unknown",
        ]  # fmt: skip
        field_classes = {"unit": UnitChoiceField, "resource": ResourceChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).order_by("path")
        self.fields["resource"].queryset = resource_choices(user=self.user)
        self.fields["published_on"].validators.append(not_in_future)
        self.fields["url"].widget.attrs["inputmode"] = "url"
        for name in ("views", "reactions", "comments", "shares"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
        if not self.is_bound and self.instance.pk is None:
            assignment_unit = getattr(getattr(self.user, "assignment", None), "unit", None)
            if assignment_unit is not None:
                self.initial.setdefault("unit", assignment_unit.pk)
            self.initial.setdefault("published_on", timezone.localdate())


class MethodologicalMaterialForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = MethodologicalMaterial
        fields = ["unit", "year", "title", "kind"]
        field_classes = {"unit": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).exclude(
            kind=OrgUnit.Kind.PRIMARY
        )
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("year", timezone.localdate().year)


class ResourceForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Resource
        fields = ["name", "platform", "kind", "owner", "level", "url", "opened_on"]
        field_classes = {"owner": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = unit_changeable_list(user=self.user).order_by("path")
        self.fields["opened_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Resource.Kind.OWN_PAGE and not cleaned.get("owner"):
            self.add_error("owner", _("A unit's own page needs its owner unit."))
        return cleaned
