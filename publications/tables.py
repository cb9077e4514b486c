"""Tables (django-tables2) of the lists: sortable columns, pages of 50, a link to each record."""

import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from publications.models import MethodologicalMaterial, Publication, Resource, Tally, TopicRule

# Columns a phone leaves out, to keep the date, title, platform and unit readable.
WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class PublicationTable(tables.Table):
    published_on = tables.DateColumn(linkify=True)
    title = tables.Column(linkify=True, attrs={"td": {"class": "title-cell"}})
    platform = tables.Column(
        accessor="resource__platform",
        verbose_name=capfirst(_("platform")),
        order_by="resource__platform",
    )
    resource = tables.Column(order_by="resource__name", attrs=WIDE_ONLY)
    unit = tables.Column(
        accessor="unit__label", verbose_name=capfirst(_("authoring unit")), order_by="unit"
    )
    topic = tables.Column(attrs=WIDE_ONLY)
    kind = tables.Column(attrs=WIDE_ONLY)
    is_repost = tables.BooleanColumn(attrs=WIDE_ONLY)

    class Meta:
        model = Publication
        fields = ["published_on", "title", "platform", "resource", "unit", "topic", "kind"]
        sequence = [*fields, "is_repost"]
        order_by = ["-published_on"]
        attrs = {"class": "table table-sm table-hover align-middle"}


class MethodologicalMaterialTable(tables.Table):
    title = tables.Column(linkify=True)
    unit = tables.Column(
        accessor="unit__label", verbose_name=capfirst(_("issuing unit")), order_by="unit"
    )

    class Meta:
        model = MethodologicalMaterial
        fields = ["year", "title", "kind", "unit"]
        order_by = ["-year"]
        attrs = {"class": "table table-sm table-hover align-middle"}


class ResourceTable(tables.Table):
    name = tables.Column(linkify=True)
    owner = tables.Column(
        accessor="owner__label", verbose_name=capfirst(_("owner unit")), order_by="owner"
    )
    url = tables.URLColumn(attrs={"a": {"rel": "noopener noreferrer", "target": "_blank"}})

    class Meta:
        model = Resource
        fields = ["name", "platform", "kind", "owner", "level", "opened_on", "url"]
        attrs = {"class": "table table-sm table-hover align-middle"}


class TallyTable(tables.Table):
    span = tables.Column(
        accessor="span_label", verbose_name=_("period"), order_by="starts_on", linkify=True
    )
    platform = tables.Column()
    resources = tables.ManyToManyColumn(verbose_name=_("resources"), attrs=WIDE_ONLY)
    unit = tables.Column(accessor="unit__label", verbose_name=_("authoring unit"), order_by="unit")
    count = tables.Column(attrs={"td": {"class": "text-end"}})
    source = tables.Column(attrs=WIDE_ONLY)

    class Meta:
        model = Tally
        fields = ["span", "platform", "resources", "unit", "count", "source"]
        sequence = fields
        order_by = ["-span"]
        attrs = {"class": "table table-sm table-hover align-middle"}


class TopicRuleTable(tables.Table):
    topic = tables.Column(linkify=True)
    unit = tables.Column(accessor="unit__label", verbose_name=capfirst(_("regional organization")))

    class Meta:
        model = TopicRule
        fields = ["topic", "words", "unit"]
        attrs = {"class": "table table-sm table-hover align-middle"}
