"""The record types of this app, for the shared list/form/history/export views."""

from django.db.models import Q

from branches.records import RecordType
from publications import filters, forms, tables
from publications.imports import export_columns
from publications.models import MethodologicalMaterial, Publication, Resource

PUBLICATIONS = RecordType(
    model=Publication,
    namespace="publications",
    scope="unit",
    region_lookup="region",
    form_class=forms.PublicationForm,
    filterset_class=filters.PublicationFilter,
    table_class=tables.PublicationTable,
    write_perm="publications.log_records",
    select_related=("resource__platform", "unit"),
    export_columns=export_columns(),
)

MATERIALS = RecordType(
    model=MethodologicalMaterial,
    namespace="materials",
    scope="unit",
    form_class=forms.MethodologicalMaterialForm,
    filterset_class=filters.MethodologicalMaterialFilter,
    table_class=tables.MethodologicalMaterialTable,
    write_perm="publications.log_records",
    select_related=("unit",),
)

RESOURCES = RecordType(
    model=Resource,
    namespace="resources",
    scope="owner",
    form_class=forms.ResourceForm,
    filterset_class=filters.ResourceFilter,
    table_class=tables.ResourceTable,
    write_perm="monitoring.manage_region",
    select_related=("platform", "owner"),
    # Outside media serve everyone: every user sees them, and staff keep them.
    shared_visible=lambda user: Q(owner__isnull=True),
    shared_changeable=lambda user: Q(owner__isnull=True),
)
