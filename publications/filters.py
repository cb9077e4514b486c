"""List filters (django-filter): period, unit with its subtree, platform, resource, topic, kind,
repost, language, details unknown, and a text search that ignores letter case in Kazakh."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from branches.models import OrgUnit
from branches.selectors import unit_visible_list
from branches.text import search_key
from publications.models import (
    TOPIC_FIELDS,
    MethodologicalMaterial,
    Platform,
    Publication,
    Resource,
    Tally,
    TopicRule,
)
from publications.selectors import resource_visible_q

YEAR_MIN, YEAR_MAX = 1990, 2100
ID_MAX = 2**63 - 1  # the largest id a database column holds
YES_NO = [("true", _("yes")), ("false", _("no"))]


class YesNoFilter(django_filters.ChoiceFilter):
    """Yes, no, or either (the empty choice)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, choices=YES_NO, **kwargs)

    def filter(self, qs, value):
        if value in ("true", "false"):
            return qs.filter(**{self.field_name: value == "true"})
        return qs


class UnitFilter(django_filters.ModelChoiceFilter):
    """A unit and everything below it."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__path__startswith": value.path})


class IntegerFilter(django_filters.NumberFilter):
    """A whole number within bounds (a year, an id); anything else makes the form invalid."""

    field_class = forms.IntegerField


def year_filter(**kwargs) -> IntegerFilter:
    return IntegerFilter(min_value=YEAR_MIN, max_value=YEAR_MAX, label=_("Year"), **kwargs)


def id_filter(field_name: str) -> IntegerFilter:
    return IntegerFilter(
        field_name=field_name, min_value=1, max_value=ID_MAX, widget=forms.HiddenInput
    )


def visible_units(request):
    if request is None:
        return OrgUnit.objects.none()
    return unit_visible_list(user=request.user).exclude(kind=OrgUnit.Kind.PRIMARY)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IdsFilter(django_filters.BaseInFilter, IntegerFilter):
    """Comma-separated ids within bounds: 3,7,12."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", ID_MAX)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(*args, lookup_expr="in", **kwargs)


class SearchFilterSet(django_filters.FilterSet):
    """A text search box over `search_fields` (case-insensitive as the database can)."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    search_fields: tuple[str, ...] = ()

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class PublicationFilter(SearchFilterSet):
    published_from = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label=_("From"), widget=_date_input()
    )
    published_to = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label=_("To"), widget=_date_input()
    )
    year = year_filter(field_name="published_on", lookup_expr="year")
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))
    # Links from dashboards: one unit only, or the primaries a unit serves directly.
    author = id_filter("unit")
    author_parent = id_filter("unit__parent")
    author_kind = django_filters.CharFilter(field_name="unit__kind", widget=forms.HiddenInput)
    resource_owner = id_filter("resource__owner")
    platform = django_filters.ModelChoiceFilter(
        field_name="resource__platform", queryset=Platform.objects.all(), label=_("Platform")
    )
    platform_kind = django_filters.ChoiceFilter(
        field_name="resource__platform__kind",
        choices=Platform.Kind.choices,
        label=_("Kind of platform"),
    )
    resource = django_filters.ModelChoiceFilter(
        queryset=Resource.objects.none(), label=_("Resource")
    )
    # Links from dashboards to a group of outlets that a tally counts together.
    resources = IdsFilter(field_name="resource")
    topic = django_filters.ChoiceFilter(choices=Publication.Topic.choices, label=_("Topic"))
    kind = django_filters.ChoiceFilter(choices=Publication.Kind.choices, label=_("Kind"))
    is_repost = YesNoFilter(label=_("Repost"))
    language = django_filters.ChoiceFilter(
        choices=Publication.Language.choices, label=_("Language of the material")
    )

    class Meta:
        model = Publication
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            units = unit_visible_list(user=request.user)
            self.filters["resource"].queryset = Resource.objects.filter(
                resource_visible_q(units=units, user=request.user)
            ).order_by("name")

    def filter_search(self, queryset, name, value):
        # The stored search key folds Kazakh letters alike on SQLite and PostgreSQL.
        key = search_key(value)
        return queryset.filter(search_text__contains=key) if key else queryset


class MethodologicalMaterialFilter(SearchFilterSet):
    search_fields = ("title",)
    year = year_filter()
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))
    kind = django_filters.ChoiceFilter(choices=MethodologicalMaterial.Kind.choices, label=_("Kind"))

    class Meta:
        model = MethodologicalMaterial
        fields: list[str] = []


class ResourceFilter(SearchFilterSet):
    search_fields = ("name", "url")
    platform = django_filters.ModelChoiceFilter(
        queryset=Platform.objects.all(), label=_("Platform")
    )
    kind = django_filters.ChoiceFilter(choices=Resource.Kind.choices, label=_("Kind"))
    level = django_filters.ChoiceFilter(choices=Resource.Level.choices, label=_("Level"))
    owner = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))

    class Meta:
        model = Resource
        fields: list[str] = []


class TallyFilter(SearchFilterSet):
    """The tallies list's filters, under the publications list's names, so that a dashboard's
    link selects the tallies behind a figure as it selects the publications. A tally matches a
    span when it lies wholly inside it."""

    search_fields = ("source",)
    published_from = django_filters.DateFilter(
        field_name="starts_on", lookup_expr="gte", label=_("From"), widget=_date_input()
    )
    published_to = django_filters.DateFilter(
        field_name="ends_on", lookup_expr="lte", label=_("To"), widget=_date_input()
    )
    year = year_filter(field_name="starts_on", lookup_expr="year")
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))
    author = id_filter("unit")
    author_parent = id_filter("unit__parent")
    author_kind = django_filters.CharFilter(field_name="unit__kind", widget=forms.HiddenInput)
    resource_owner = IntegerFilter(
        field_name="resources__owner", min_value=1, max_value=ID_MAX, widget=forms.HiddenInput,
        distinct=True,
    )  # fmt: skip
    platform = django_filters.ModelChoiceFilter(
        queryset=Platform.objects.all(), label=_("Platform")
    )
    platform_kind = django_filters.ChoiceFilter(
        field_name="platform__kind", choices=Platform.Kind.choices, label=_("Kind of platform")
    )
    resource = django_filters.ModelChoiceFilter(
        field_name="resources",
        queryset=Resource.objects.none(),
        label=_("Resource"),
        distinct=True,
    )
    resources = IdsFilter(field_name="resources", distinct=True)
    topic = django_filters.ChoiceFilter(
        choices=Publication.Topic.choices, label=_("Topic"), method="filter_topic"
    )

    class Meta:
        model = Tally
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            units = unit_visible_list(user=request.user)
            self.filters["resource"].queryset = Resource.objects.filter(
                resource_visible_q(units=units, user=request.user)
            ).order_by("name")

    def filter_topic(self, queryset, name, value):
        field = TOPIC_FIELDS.get(value)
        return queryset.filter(**{f"{field}__gt": 0}) if field else queryset


class TopicRuleFilter(SearchFilterSet):
    search_fields = ("words",)
    topic = django_filters.ChoiceFilter(choices=Publication.Topic.choices, label=_("Topic"))

    class Meta:
        model = TopicRule
        fields: list[str] = []
