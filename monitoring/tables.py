import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    NewspaperSubscription,
    Target,
)

ATTRS = {"class": "table table-sm table-hover align-middle"}


class AudienceSnapshotTable(tables.Table):
    taken_on = tables.DateColumn(linkify=True)
    platform = tables.Column(accessor="resource__platform", verbose_name=capfirst(_("platform")))
    owner = tables.Column(accessor="resource__owner__label", verbose_name=capfirst(_("owner unit")))

    class Meta:
        model = AudienceSnapshot
        fields = ["taken_on", "resource", "platform", "owner", "followers"]
        order_by = ["-taken_on"]
        attrs = ATTRS


class CommitteeReviewTable(tables.Table):
    question = tables.Column(linkify=True, attrs={"td": {"class": "text-break"}})
    unit = tables.Column(accessor="unit__label", verbose_name=capfirst(_("unit")), order_by="unit")

    class Meta:
        model = CommitteeReview
        fields = ["year", "held_on", "question", "unit"]
        order_by = ["-year"]
        attrs = ATTRS


class TargetTable(tables.Table):
    metric = tables.Column(linkify=True)
    unit = tables.Column(accessor="unit__label", verbose_name=capfirst(_("unit")), order_by="unit")

    class Meta:
        model = Target
        fields = ["year", "unit", "metric", "platform", "value"]
        order_by = ["-year"]
        attrs = ATTRS


class NewspaperSubscriptionTable(tables.Table):
    outlet = tables.Column(linkify=True)
    unit = tables.Column(accessor="unit__label", verbose_name=capfirst(_("unit")), order_by="unit")

    class Meta:
        model = NewspaperSubscription
        fields = ["year", "unit", "outlet", "copies"]
        order_by = ["-year"]
        attrs = ATTRS


class AppUserCountTable(tables.Table):
    counted_on = tables.DateColumn(linkify=True)
    unit = tables.Column(accessor="unit__label", verbose_name=capfirst(_("unit")), order_by="unit")

    class Meta:
        model = AppUserCount
        fields = ["counted_on", "unit", "users"]
        order_by = ["-counted_on"]
        attrs = ATTRS
