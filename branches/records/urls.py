"""The URLs of one record type, under its namespace: list, new, detail, edit, delete, deleted,
restore, and export.xlsx where the type has an export."""

from django.urls import URLPattern, path

from branches.records import RecordType
from branches.records import views as v


def record_urlpatterns(record_type: RecordType, *extra: URLPattern) -> list[URLPattern]:
    kwargs = {"record_type": record_type}
    patterns = [
        path("", v.record_list_view, kwargs, name="list"),
        path("new/", v.record_create_view, kwargs, name="create"),
        path("deleted/", v.record_deleted_list_view, kwargs, name="deleted"),
        path("<int:pk>/", v.record_detail_view, kwargs, name="detail"),
        path("<int:pk>/edit/", v.record_update_view, kwargs, name="update"),
        path("<int:pk>/delete/", v.record_delete_view, kwargs, name="delete"),
        path("<int:pk>/restore/", v.record_restore_view, kwargs, name="restore"),
        *extra,
    ]
    if record_type.formset_class is not None:
        patterns.append(path("item/", v.record_formset_item_view, kwargs, name="formset_item"))
    if record_type.export_columns is not None:
        patterns.append(path("export.xlsx", v.record_export_view, kwargs, name="export"))
    return patterns
