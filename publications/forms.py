"""Forms for publications, methodological materials and resources: the unit and resource
choices are only those the user may change, and the server checks them again on save."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.models import OrgUnit
from branches.records.forms import RecordForm
from branches.selectors import unit_changeable_list, user_region_id
from publications.addresses import url_clean, url_fits_platform, url_key
from publications.models import (
    URL_MAX_LENGTH,
    MethodologicalMaterial,
    Platform,
    Publication,
    Resource,
    Tally,
    TopicRule,
    span_part,
    span_parts,
)
from publications.selectors import resource_visible_q, tally_overlaps


def resource_choices(*, user) -> QuerySet[Resource]:
    """Resources a user may publish on: pages of their units, the national outside media and
    their region's."""
    units = unit_changeable_list(user=user)
    return (
        Resource.objects.filter(resource_visible_q(units=units, user=user))
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

    def clean_url(self) -> str:
        return url_clean(self.cleaned_data.get("url") or "")

    def clean(self):
        cleaned = super().clean()
        url, resource = cleaned.get("url"), cleaned.get("resource")
        token = cleaned.get("submission_token")
        if token and Publication.all_objects.filter(submission_token=token).exists():
            return cleaned  # a second submit of the same form: the service returns the first
        if url and resource:
            if not url_fits_platform(url, resource.platform.slug):
                self.add_error("url", address_not_on_platform(resource.platform))
            else:
                same = Publication.objects.filter(resource=resource, url_key=url_key(url))
                if self.instance.pk:
                    same = same.exclude(pk=self.instance.pk)
                if same.exists():
                    self.add_error(
                        "url", _("This post is already recorded on this resource (its address).")
                    )
        return cleaned


def address_not_on_platform(platform: Platform) -> str:
    return _("This address is not on %(platform)s, the resource's platform.") % {
        "platform": platform.label
    }


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
        fields = [
            "name", "name_ru", "platform", "kind", "owner", "level", "region", "url", "opened_on",
        ]  # fmt: skip
        field_classes = {"owner": UnitChoiceField, "region": UnitChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = unit_changeable_list(user=self.user).order_by("path")
        self.fields["opened_on"].validators.append(not_in_future)
        # Regional staff keep their own region's media; the region is theirs, not a choice.
        self.own_region_id = user_region_id(user=self.user)
        if self.own_region_id is not None:
            del self.fields["region"]
        else:
            self.fields["region"].queryset = OrgUnit.objects.filter(kind=OrgUnit.Kind.REGION)
            self.fields["region"].help_text = _(
                "The region a regional or district medium belongs to; empty for a national one."
            )

    def clean(self):
        cleaned = super().clean()
        kind, level = cleaned.get("kind"), cleaned.get("level")
        if kind == Resource.Kind.OWN_PAGE and not cleaned.get("owner"):
            self.add_error("owner", _("A unit's own page needs its owner unit."))
        if kind == Resource.Kind.OUTSIDE_MEDIUM and self.own_region_id is not None:
            if level in {Resource.Level.REGIONAL, Resource.Level.DISTRICT}:
                self.instance.region_id = self.own_region_id
            else:
                self.add_error(
                    "level",
                    _(
                        "Your region keeps its regional and district media; national ones are "
                        "kept by the central press service."
                    ),
                )
        elif self.own_region_id is not None:
            self.instance.region_id = None
        elif (
            kind == Resource.Kind.OUTSIDE_MEDIUM
            and cleaned.get("region")
            and level
            not in {
                Resource.Level.REGIONAL,
                Resource.Level.DISTRICT,
            }
        ):
            self.add_error("region", _("Only a regional or district medium belongs to a region."))
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


class PasteForm(forms.Form):
    """Addresses pasted one per line, each with its date and title beside it if known."""

    links = forms.CharField(
        label=_("Links, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "inputmode": "url"}),
        help_text=_(
            "A date and a title on the same line are read too: «12.03.2024 "
            "https://t.me/abai/45 Семинар». At most 200 links at a time."
        ),
    )
    sitemap = forms.FileField(
        label=_("Or a site's sitemap.xml"),
        required=False,
        help_text=_("Its addresses not yet recorded, newest first, at most 200 at a time."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,text/xml,application/xml"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("links", "").strip() and not cleaned.get("sitemap"):
            raise forms.ValidationError(_("Paste links or choose a sitemap.xml file."))
        sitemap = cleaned.get("sitemap")
        if sitemap is not None and sitemap.size > 10 * 1024 * 1024:
            self.add_error("sitemap", _("The file is larger than %(limit)s MB.") % {"limit": 10})
        return cleaned


class PastedLinkForm(forms.Form):
    """One pasted address: its page, date and title filled in or corrected, and the suggested
    topic and language."""

    url = forms.CharField(label=_("address"), max_length=URL_MAX_LENGTH, widget=forms.HiddenInput)
    resource = ResourceChoiceField(label=_("resource"), queryset=Resource.objects.none())
    unit = UnitChoiceField(label=_("unit"), queryset=OrgUnit.objects.none())
    published_on = forms.DateField(
        label=_("published on"),
        validators=[not_in_future],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    title = forms.CharField(label=_("title"), max_length=500)
    topic = forms.ChoiceField(label=_("topic"), choices=Publication.Topic.choices)
    language = forms.ChoiceField(
        label=_("language of the material"), choices=Publication.Language.choices
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = resource_choices(user=user)
        self.fields["unit"].queryset = unit_changeable_list(user=user).order_by("path")


PastedLinkFormSet = forms.formset_factory(PastedLinkForm, extra=0, max_num=200, absolute_max=200)


class TopicRuleForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = TopicRule
        fields = ["unit", "topic", "words"]
        field_classes = {"unit": UnitChoiceField}
        widgets = {"words": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_changeable_list(user=self.user).filter(
            kind=OrgUnit.Kind.REGION
        )
        self.fields["unit"].label = _("regional organization")

    def clean(self):
        cleaned = super().clean()
        unit, topic = cleaned.get("unit"), cleaned.get("topic")
        same = TopicRule.objects.filter(unit=unit, topic=topic).exclude(pk=self.instance.pk)
        if unit and topic and same.exists():
            self.add_error("topic", _("This organization already has words for this topic."))
        return cleaned
