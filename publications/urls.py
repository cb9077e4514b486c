from django.urls import include, path

from branches.records import views as v
from branches.records.urls import record_urlpatterns
from publications import views
from publications.imports import PublicationImporter
from publications.records import MATERIALS, PUBLICATIONS, RESOURCES, TALLIES, TOPIC_RULES
from publications.tally_imports import TallyImporter

IMPORT = {
    "importer_class": PublicationImporter,
    "perm": "publications.import_records",
    "namespace": "publications",
}

publication_patterns = record_urlpatterns(
    PUBLICATIONS,
    path("import/", v.import_upload_view, IMPORT, name="import"),
    path("import/template.xlsx", v.import_template_view, IMPORT, name="import_template"),
    path("import/<uuid:pk>/", v.import_batch_view, IMPORT, name="import_batch"),
    path("import/<uuid:pk>/refused.xlsx", v.import_refused_view, IMPORT, name="import_refused"),
    path("import/<uuid:pk>/rows.xlsx", v.import_rows_view, IMPORT, name="import_rows"),
    path("paste/", views.paste_view, name="paste"),
)

TALLY_IMPORT = {**IMPORT, "importer_class": TallyImporter, "namespace": "tallies"}

tally_patterns = record_urlpatterns(
    TALLIES,
    path("import/", v.import_upload_view, TALLY_IMPORT, name="import"),
    path("import/template.xlsx", v.import_template_view, TALLY_IMPORT, name="import_template"),
    path("import/<uuid:pk>/", v.import_batch_view, TALLY_IMPORT, name="import_batch"),
    path(
        "import/<uuid:pk>/refused.xlsx", v.import_refused_view, TALLY_IMPORT, name="import_refused"
    ),
)

urlpatterns = [
    path("tallies/", include((tally_patterns, "tallies"))),
    path("publications/", include((publication_patterns, "publications"))),
    path("materials/", include((record_urlpatterns(MATERIALS), "materials"))),
    path("resources/", include((record_urlpatterns(RESOURCES), "resources"))),
    path("topic-rules/", include((record_urlpatterns(TOPIC_RULES), "topic_rules"))),
]
