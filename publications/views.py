"""Pages of this app beyond the shared record views: pasting links."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from branches.records.imports import batch_upload
from branches.security import security_event
from branches.selectors import unit_changeable_list
from publications.forms import PastedLinkFormSet, PasteForm, resource_choices
from publications.imports import PublicationImporter
from publications.pasted import pasted_file, pasted_grid, pasted_read


@login_required
def paste_view(request: HttpRequest) -> HttpResponse:
    """Links pasted one per line → a grid to fill in dates, titles and pages → the import's
    preview, as for an Excel file."""
    if not request.user.has_perm("publications.import_records"):
        raise PermissionDenied
    form, formset = PasteForm(request.POST or None, request.FILES or None), None
    grid_kwargs = {"form_kwargs": {"user": request.user}, "prefix": "links"}
    if request.method == "POST" and "links-TOTAL_FORMS" in request.POST:
        formset = PastedLinkFormSet(request.POST, **grid_kwargs)
        form = PasteForm()
        if formset.is_valid():
            importer = PublicationImporter(user=request.user)
            upload = pasted_file([f.cleaned_data for f in formset])
            try:
                batch, _preview = batch_upload(importer=importer, upload=upload)
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                security_event("import_checked", request, batch=batch.pk, rows=batch.rows)
                return redirect("publications:import_batch", pk=batch.pk)
    elif request.method == "POST" and form.is_valid():
        try:
            lines, found = pasted_read(
                text=form.cleaned_data["links"], sitemap=form.cleaned_data["sitemap"],
                user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("sitemap", error)
        else:
            assignment = getattr(request.user, "assignment", None)
            rows = pasted_grid(
                lines,
                pages=list(resource_choices(user=request.user)),
                units=list(unit_changeable_list(user=request.user)),
                default_unit=getattr(assignment, "unit", None) if assignment else None,
            )
            if rows:
                formset = PastedLinkFormSet(initial=rows, **grid_kwargs)
                if found > len(rows):
                    messages.info(
                        request,
                        _("The newest %(shown)s of %(found)s addresses not yet recorded.")
                        % {"shown": len(rows), "found": found},
                    )
            else:
                form.add_error("links", _("No address that is not yet recorded was found."))
    return render(request, "publications/paste.html", {"form": form, "formset": formset})
