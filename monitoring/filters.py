import django_filters
from django.utils.translation import gettext_lazy as _

from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    NewspaperSubscription,
    Target,
)
from publications.filters import SearchFilterSet, UnitFilter, visible_units, year_filter
from publications.models import Platform


class AudienceSnapshotFilter(SearchFilterSet):
    search_fields = ("resource__name",)
    platform = django_filters.ModelChoiceFilter(
        field_name="resource__platform", queryset=Platform.objects.all(), label=_("Platform")
    )
    owner = UnitFilter(
        field_name="resource__owner",
        queryset=visible_units,
        label=_("Unit (with its organizations)"),
    )
    year = year_filter(field_name="taken_on", lookup_expr="year")

    class Meta:
        model = AudienceSnapshot
        fields: list[str] = []


class CommitteeReviewFilter(SearchFilterSet):
    search_fields = ("question", "decisions")
    year = year_filter()
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))

    class Meta:
        model = CommitteeReview
        fields: list[str] = []


class TargetFilter(SearchFilterSet):
    year = year_filter()
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))
    metric = django_filters.ChoiceFilter(choices=Target.Metric.choices, label=_("Metric"))

    class Meta:
        model = Target
        fields: list[str] = []


class NewspaperSubscriptionFilter(SearchFilterSet):
    search_fields = ("outlet__name",)
    year = year_filter()
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))

    class Meta:
        model = NewspaperSubscription
        fields: list[str] = []


class AppUserCountFilter(SearchFilterSet):
    year = year_filter(field_name="counted_on", lookup_expr="year")
    unit = UnitFilter(queryset=visible_units, label=_("Unit (with its organizations)"))

    class Meta:
        model = AppUserCount
        fields: list[str] = []
