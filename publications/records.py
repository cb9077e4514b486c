"""The record types of this app, for the shared list/form/history/export views."""

from branches.records import RecordType
from publications import filters, forms, tables
from publications.imports import export_columns
from publications.models import MethodologicalMaterial, Publication, Resource, Tally, TopicRule
from publications.selectors import outside_media_changeable_q, outside_media_visible_q
from publications.tally_imports import tally_export_columns

TALLIES = RecordType(
    model=Tally,
    namespace="tallies",
    scope="unit",
    region_lookup="region",
    form_class=forms.TallyForm,
    filterset_class=filters.TallyFilter,
    table_class=tables.TallyTable,
    write_perm="publications.log_records",
    select_related=("platform", "unit"),
    export_columns=tally_export_columns(),
)


def tallies_beside(request) -> dict:
    """The tallies that the publications list's filters select, shown under it: a figure on a
    dashboard counts both, so its link shows both."""
    from branches.records.selectors import record_list

    if not request.GET:
        return {}
    tallies = filters.TallyFilter(
        request.GET, queryset=record_list(record_type=TALLIES, user=request.user), request=request
    ).qs.prefetch_related("resources")
    found = list(tallies[:51])
    total = sum(count for _pk, count in tallies.values_list("pk", "count")) if found else 0
    return {
        "tallies": found[:50],
        "tallies_more": len(found) > 50,
        "tallies_total": total,
        "tallies_query": request.GET.urlencode(),
        "list_extra_template": "publications/_tallies_beside.html",
    }


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
    list_extra=tallies_beside,
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
    write_perm="publications.keep_resources",
    select_related=("platform", "owner", "region"),
    # A region's outside media are its own; national ones are everyone's, and the central press
    # service keeps them.
    shared_visible=lambda user: outside_media_visible_q(user=user),
    shared_changeable=lambda user: outside_media_changeable_q(user=user),
)


TOPIC_RULES = RecordType(
    model=TopicRule,
    namespace="topic_rules",
    scope="unit",
    form_class=forms.TopicRuleForm,
    filterset_class=filters.TopicRuleFilter,
    table_class=tables.TopicRuleTable,
    write_perm="monitoring.manage_region",
    select_related=("unit",),
)
