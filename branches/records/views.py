"""The views every record type shares: list (filtered, sorted, paged, updated in place by htmx),
create, detail with history, edit with conflict detection, soft delete, restore, Excel export."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import select_template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from branches.models import ImportBatch
from branches.params import filters_check, table_configure
from branches.records import RecordType
from branches.records.excel import XLSX_CONTENT_TYPE, xlsx_bytes, xlsx_response
from branches.records.imports import (
    Importer,
    batch_confirm,
    batch_map,
    batch_preview,
    batch_upload,
    import_template,
    refused_rows,
)
from branches.records.selectors import (
    record_changeable_list,
    record_fields,
    record_history,
    record_list,
)
from branches.records.services import (
    RecordConflict,
    record_create,
    record_delete,
    record_restore,
    record_update,
)
from branches.security import security_event

PER_PAGE = 50
RESTORE_PERM = "monitoring.manage_region"


def _template(record_type: RecordType, view: str) -> str:
    meta = record_type.model._meta
    return select_template(
        [f"{meta.app_label}/{meta.model_name}_{view}.html", f"records/record_{view}.html"]
    ).template.name


def _context(record_type: RecordType, request: HttpRequest, **extra) -> dict:
    return {
        "record_type": record_type,
        "ns": record_type.namespace,
        "can_write": request.user.has_perm(record_type.write_perm),
        "can_restore": request.user.has_perm(RESTORE_PERM),
        **extra,
    }


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _changeable(record_type: RecordType, request: HttpRequest, pk: int, *, deleted=False):
    """The record to change: 404 if the user may not see it, 403 if they may only read it."""
    _require(request.user.has_perm(record_type.write_perm))
    record = get_object_or_404(
        record_list(record_type=record_type, user=request.user, deleted=deleted), pk=pk
    )
    changeable = record_changeable_list(record_type=record_type, user=request.user, deleted=deleted)
    _require(changeable.filter(pk=pk).exists())
    return record


def filtered_records(record_type: RecordType, request: HttpRequest):
    """The filter form and the records it selects, within the user's units."""
    records = record_list(record_type=record_type, user=request.user)
    filterset = record_type.filterset_class(request.GET or None, queryset=records, request=request)
    filters_check(filterset)
    return filterset, filterset.qs


@login_required
def record_list_view(request: HttpRequest, *, record_type: RecordType) -> HttpResponse:
    filterset, records = filtered_records(record_type, request)
    table = record_type.table_class(records)
    table_configure(request, table, per_page=PER_PAGE)
    context = _context(record_type, request, filter=filterset, table=table)
    if record_type.list_extra is not None:
        context.update(record_type.list_extra(request))
    if request.htmx and not request.htmx.boosted:
        return render(request, "records/_table.html", context)
    return render(request, _template(record_type, "list"), context)


@login_required
def record_create_view(request: HttpRequest, *, record_type: RecordType) -> HttpResponse:
    _require(request.user.has_perm(record_type.write_perm))
    form = record_type.form_class(request.POST or None, user=request.user)
    formset = _formset(record_type, request, instance=form.instance)
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        try:
            record, created = record_create(
                form=form,
                author=request.user,
                submission_token=form.cleaned_data.get("submission_token"),
                formset=formset,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, _("Saved."))
            else:
                messages.info(request, _("This form was already saved; nothing was added."))
            return redirect(_after_save(record_type, request), pk=record.pk)
    context = _context(record_type, request, form=form, formset=formset, creating=True)
    return render(request, _template(record_type, "form"), context)


@login_required
def record_detail_view(request: HttpRequest, pk: int, *, record_type: RecordType) -> HttpResponse:
    record = get_object_or_404(record_list(record_type=record_type, user=request.user), pk=pk)
    changeable = record_changeable_list(record_type=record_type, user=request.user)
    context = _context(
        record_type,
        request,
        record=record,
        fields=record_fields(record=record, names=record_type.form_class._meta.fields),
        history=record_history(record=record, viewer=request.user),
        can_change=changeable.filter(pk=pk).exists(),
    )
    return render(request, _template(record_type, "detail"), context)


@login_required
def record_update_view(request: HttpRequest, pk: int, *, record_type: RecordType) -> HttpResponse:
    record = _changeable(record_type, request, pk)
    form = record_type.form_class(request.POST or None, instance=record, user=request.user)
    formset = _formset(record_type, request, instance=record)
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        version = form.cleaned_data.get("version")
        try:
            record_update(
                form=form,
                author=request.user,
                version=record.version if version is None else version,
                formset=formset,
            )
        except ValidationError as error:
            form.add_error(None, error)
            context = _context(record_type, request, form=form, formset=formset, record=record)
            return render(request, _template(record_type, "form"), context)
        except RecordConflict as conflict:
            context = _context(
                record_type,
                request,
                record=conflict.current,
                fields=record_fields(record=conflict.current, names=form._meta.fields),
                yours=[
                    {"label": form[name].label, "value": form[name].value()}
                    for name in form._meta.fields
                ],
            )
            return render(request, "records/record_conflict.html", context, status=409)
        messages.success(request, _("Saved."))
        return redirect(_after_save(record_type, request), pk=pk)
    context = _context(record_type, request, form=form, formset=formset, record=record)
    return render(request, _template(record_type, "form"), context)


@login_required
def record_delete_view(request: HttpRequest, pk: int, *, record_type: RecordType) -> HttpResponse:
    record = _changeable(record_type, request, pk)
    if request.method == "POST":
        try:
            record_delete(record=record, author=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(record.get_absolute_url())
        messages.success(request, _("Deleted. Regional staff can restore it."))
        return redirect(f"{record_type.namespace}:list")
    return render(
        request, "records/record_confirm_delete.html", _context(record_type, request, record=record)
    )


@login_required
def record_deleted_list_view(request: HttpRequest, *, record_type: RecordType) -> HttpResponse:
    _require(request.user.has_perm(RESTORE_PERM))
    records = record_changeable_list(record_type=record_type, user=request.user, deleted=True)
    context = _context(record_type, request, records=records.order_by("-deleted_at")[:200])
    return render(request, "records/record_deleted_list.html", context)


@login_required
@require_POST
def record_restore_view(request: HttpRequest, pk: int, *, record_type: RecordType) -> HttpResponse:
    _require(request.user.has_perm(RESTORE_PERM))
    record = _changeable(record_type, request, pk, deleted=True)
    try:
        record_restore(record=record, author=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{record_type.namespace}:deleted")
    messages.success(request, _("Restored."))
    return redirect(f"{record_type.namespace}:detail", pk=pk)


@login_required
def record_export_view(request: HttpRequest, *, record_type: RecordType) -> HttpResponse:
    if record_type.export_columns is None:
        raise Http404
    _filterset, records = filtered_records(record_type, request)
    security_event("export", request, list=record_type.namespace, query=request.GET.urlencode())
    return xlsx_response(
        filename=f"{record_type.namespace}.xlsx",
        sheet=str(record_type.verbose_name_plural),
        columns=record_type.export_columns,
        rows=records.order_by("-pk") if not records.ordered else records,
    )


def _after_save(record_type: RecordType, request: HttpRequest) -> str:
    """The record's page; or, after "add another" without script, its form with a new row."""
    if record_type.formset_class is not None and "add_item" in request.POST:
        return f"{record_type.namespace}:update"
    return f"{record_type.namespace}:detail"


ITEM_PREFIX = re.compile(r"items-\d{1,4}")


@login_required
@require_GET
def record_formset_item_view(request: HttpRequest, *, record_type: RecordType) -> HttpResponse:
    """A row of the form's items, for htmx: a new blank one (`items-TOTAL_FORMS` says how many
    there are), or with `remove`, the named row marked for removal on save."""
    _require(request.user.has_perm(record_type.write_perm))
    formset = record_type.formset_class(
        instance=record_type.model(), prefix="items", form_kwargs={"user": request.user}
    )
    removed = request.GET.get("remove", "")
    if removed:
        if not ITEM_PREFIX.fullmatch(removed):
            raise Http404
        item_id = request.GET.get(f"{removed}-id", "")
        context = {"prefix": removed, "item_id": item_id if item_id.isdigit() else ""}
        return render(request, "records/_formset_item_removed.html", context)
    try:
        index = int(request.GET.get("items-TOTAL_FORMS", "0"))
    except ValueError:
        index = -1
    if not 0 <= index < formset.max_num:
        raise Http404
    form = formset.empty_form
    form.prefix = f"items-{index}"
    context = {"item": form, "ns": record_type.namespace, "total": index + 1}
    return render(request, "records/_formset_item_new.html", context)


def _formset(record_type: RecordType, request: HttpRequest, *, instance):
    if record_type.formset_class is None:
        return None
    return record_type.formset_class(
        request.POST or None, instance=instance, prefix="items", form_kwargs={"user": request.user}
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (.xlsx, .xls, .ods or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.ods,.csv,.xlsb"}),
    )

    def __init__(self, *args, importer: Importer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        extra = importer.upload_fields()
        self.fields.update(extra)
        if extra:  # the importer reads more than spreadsheets (a platform's export)
            self.fields["file"].label = gettext_lazy("File")
            self.fields["file"].widget.attrs.pop("accept", None)

    def options(self) -> dict:
        """The choices beside the file, as stored with the upload (records by their id)."""
        values = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if name != "file" and value not in (None, ""):
                values[name] = getattr(value, "pk", value)
        return values


@login_required
def import_upload_view(
    request: HttpRequest, *, importer_class: type[Importer], perm: str, namespace: str
) -> HttpResponse:
    """Upload a file; it is checked at once and its problems listed on the next page."""
    _require(request.user.has_perm(perm))
    importer = importer_class(user=request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, importer=importer)
    if request.method == "POST" and form.is_valid():
        try:
            batch, _preview = batch_upload(
                importer=importer, upload=form.cleaned_data["file"], options=form.options()
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            security_event("import_checked", request, batch=batch.pk, rows=batch.rows)
            return redirect(f"{namespace}:import_batch", pk=batch.pk)
    context = {
        "form": form,
        "ns": namespace,
        "columns": importer_class.columns,
        "reads_exports": bool(form.fields.keys() - {"file"}),
    }
    return render(request, "records/import_upload.html", context)


PROBLEMS_PER_PAGE = 50


@login_required
def import_batch_view(
    request: HttpRequest, pk, *, importer_class: type[Importer], perm: str, namespace: str
) -> HttpResponse:
    """The preview of an uploaded file (GET), and its confirmation (POST)."""
    _require(request.user.has_perm(perm))
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user, kind=importer_class.kind)
    importer = importer_class(user=request.user)
    if (
        request.method == "POST"
        and batch.status == ImportBatch.Status.PREVIEWED
        and request.POST.get("action") == "map"
    ):
        preview = batch_preview(importer=importer, batch=batch)
        mapping = {
            header: request.POST.get(f"map-{index}", "")
            for index, header in enumerate(preview.ignored)
        }
        try:
            batch_map(importer=importer, batch=batch, mapping=mapping)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(f"{namespace}:import_batch", pk=batch.pk)
    if request.method == "POST" and batch.status == ImportBatch.Status.PREVIEWED:
        valid_only = request.POST.get("rows") == "valid"
        preview = batch_confirm(importer=importer, batch=batch, valid_only=valid_only)
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.IMPORTED:
            security_event("import", request, batch=batch.pk, imported=batch.imported)
            messages.success(
                request,
                _(
                    "Imported %(imported)s rows; %(skipped)s were skipped; %(refused)s refused "
                    "rows were not imported."
                )
                % {
                    "imported": batch.imported,
                    "skipped": batch.skipped,
                    "refused": preview.refused_count,
                },
            )
            return redirect(f"{namespace}:import_batch", pk=batch.pk)
    elif batch.status == ImportBatch.Status.IMPORTED:
        preview = None
    else:
        preview = batch_preview(importer=importer, batch=batch)
    problems = None
    if preview is not None and preview.problems:
        problems = Paginator(preview.problems, PROBLEMS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batch": batch, "preview": preview, "ns": namespace, "problems": problems}
    return render(request, "records/import_batch.html", context)


@login_required
def import_refused_view(
    request: HttpRequest, pk, *, importer_class: type[Importer], perm: str, namespace: str
) -> HttpResponse:
    """The refused rows of an upload as .xlsx, with a column that says what is wrong, to fix
    and upload again."""
    _require(request.user.has_perm(perm))
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user, kind=importer_class.kind)
    preview = batch_preview(importer=importer_class(user=request.user), batch=batch)
    content = xlsx_bytes(sheet=_("Refused rows"), rows=refused_rows(preview))
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="refused.xlsx"'
    return response


@login_required
def import_rows_view(
    request: HttpRequest, pk, *, importer_class: type[Importer], perm: str, namespace: str
) -> HttpResponse:
    """The rows an upload would add, as .xlsx in the import's own columns: to change what was
    suggested (a topic, a language) before anything is written, and upload that file instead."""
    _require(request.user.has_perm(perm))
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user, kind=importer_class.kind)
    importer = importer_class(user=request.user)
    rows = importer.rows_for_editing(batch_preview(importer=importer, batch=batch))
    if rows is None:
        raise Http404
    content = xlsx_bytes(sheet=_("Rows to import"), rows=rows)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="rows.xlsx"'
    return response


@login_required
def import_template_view(
    request: HttpRequest, *, importer_class: type[Importer], perm: str, namespace: str
) -> HttpResponse:
    """The template: headers in the user's language, the user's own resources and units as
    drop-down lists, and the instructions with an example on a second sheet."""
    _require(request.user.has_perm(perm))
    importer = importer_class(user=request.user)
    content = import_template(importer=importer)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="template.xlsx"'
    return response
