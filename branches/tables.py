import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from branches.models import OrgUnit


class PrimaryOrganizationTable(tables.Table):
    slug = tables.Column(verbose_name=capfirst(_("code")))
    name = tables.Column()
    parent = tables.Column(
        accessor="parent__label", verbose_name=capfirst(_("parent unit")), order_by="parent"
    )
    members = tables.Column(verbose_name=capfirst(_("members")))
    counted_on = tables.DateColumn(verbose_name=capfirst(_("counted on")))
    is_placeholder = tables.BooleanColumn()

    class Meta:
        model = OrgUnit
        fields = ["slug", "name", "parent", "members", "counted_on", "is_placeholder"]
        order_by = ["parent", "name"]
        attrs = {"class": "table table-sm table-hover align-middle"}
