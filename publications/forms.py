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
from publications.models import (
    MethodologicalMaterial,
    Platform,
    Publication,
    Resource,
    Tally,
    span_part,
    span_parts,
)
from publications.selectors import tally_overlaps


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
            "is_notable", "participants", "language", "views", "reactions", "comments", "shares",
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
        fields = ["unit", "year", "title", "title_ru", "kind"]
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
        fields = ["name", "name_ru", "platform", "kind", "owner", "level", "url", "opened_on"]
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


PART_CHOICES = [
    ("year", _("the whole year")),
    ("h1", _("first half-year")),
    ("h2", _("second half-year")),
    ("q1", _("quarter 1")),
    ("q2", _("quarter 2")),
    ("q3", _("quarter 3")),
    ("q4", _("quarter 4")),
    *[(f"m{m:02d}", _("month %(n)s") % {"n": f"{m:02d}"}) for m in range(1, 13)],
    ("span", _("the dates below")),
]


class ResourceMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Resource) -> str:
        return f"{obj.platform.label}: {obj.name}"


class TallyForm(RecordForm):
    """A count of publications: a year and its part (or two dates), the unit, the platform and
    the resource(s), the count and whatever of its parts is known."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    part = forms.ChoiceField(label=_("Period"), choices=PART_CHOICES, initial="year")

    class Meta(RecordForm.Meta):
        model = Tally
        fields = [
            "unit", "platform", "resources", "starts_on", "ends_on", "count", "reposts", "kazakh",
            "views", "topic_legal", "topic_organizational", "topic_socioeconomic",
            "topic_labour_safety", "topic_youth", "topic_culture_sport", "topic_other", "source",
        ]  # fmt: skip
        field_classes = {"unit": UnitChoiceField, "resources": ResourceMultipleChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["year", "part", "starts_on", "ends_on"])
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).order_by("path")
        self.fields["platform"].queryset = Platform.objects.all()
        self.fields["resources"].queryset = resource_choices(user=self.user)
        self.fields["starts_on"].required = False
        self.fields["ends_on"].required = False
        self.fields["starts_on"].help_text = _("Only when the period is “the dates below”.")
        for name in (
            "count",
            "reposts",
            "kazakh",
            "views",
            *[f for f in self.fields if f.startswith("topic_")],
        ):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
        instance = self.instance
        if not self.is_bound:
            if instance.pk:
                self.initial["year"] = instance.starts_on.year
                self.initial["part"] = span_part(instance.starts_on, instance.ends_on) or "span"
            else:
                self.initial.setdefault("year", timezone.localdate().year)
                unit = getattr(getattr(self.user, "assignment", None), "unit", None)
                if unit is not None:
                    self.initial.setdefault("unit", unit.pk)

    def clean(self):
        cleaned = super().clean()
        year, part = cleaned.get("year"), cleaned.get("part")
        if year and part and part != "span":
            cleaned["starts_on"], cleaned["ends_on"] = span_parts(year)[part]
        elif part == "span":
            for name in ("starts_on", "ends_on"):
                if not cleaned.get(name):
                    self.add_error(name, _("Give both dates of the period."))
        ends_on = cleaned.get("ends_on")
        if ends_on and ends_on > timezone.localdate():
            self.add_error(
                "ends_on" if part == "span" else "part",
                _("The period has not ended yet; enter its count when it has."),
            )
        platform, resources = cleaned.get("platform"), cleaned.get("resources") or []
        other = [r for r in resources if platform and r.platform_id != platform.pk]
        if other:
            self.add_error(
                "resources",
                _("%(names)s is not on %(platform)s.")
                % {"names": ", ".join(r.name for r in other), "platform": platform.label},
            )
        starts_on = cleaned.get("starts_on")
        late = [r for r in resources if r.opened_on and starts_on and starts_on < r.opened_on]
        if late:
            self.add_error(
                "resources",
                _("%(name)s opened on %(date)s; the period cannot start before it.")
                % {"name": late[0].name, "date": late[0].opened_on.strftime("%d.%m.%Y")},
            )
        # The model's own checks (parts within the count, one year) on the dates set here.
        self.instance.starts_on = cleaned.get("starts_on")
        self.instance.ends_on = cleaned.get("ends_on")
        unit = cleaned.get("unit")
        if unit and platform and starts_on and cleaned.get("ends_on") and not self.errors:
            probe = Tally(pk=self.instance.pk, unit=unit, platform=platform, starts_on=starts_on,
                          ends_on=cleaned["ends_on"])  # fmt: skip
            same = tally_overlaps(tally=probe, resources=list(resources))
            if same:
                self.add_error(
                    None,
                    _(
                        "A tally of the same unit and resource already covers part of this "
                        "period (%(span)s: %(n)s); the same publications would be counted twice. "
                        "Change that tally instead."
                    )
                    % {"span": same[0].span_label, "n": same[0].count},
                )
        return cleaned
