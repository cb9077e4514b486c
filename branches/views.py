from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from branches.params import table_configure
from branches.selectors import (
    primary_organization_list,
)
from branches.tables import PrimaryOrganizationTable


@login_required
def primary_list(request: HttpRequest) -> HttpResponse:
    table = PrimaryOrganizationTable(primary_organization_list(user=request.user))
    table_configure(request, table, per_page=100)
    return render(request, "branches/primary_list.html", {"table": table})


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page; a BadRequest raised by the portal carries a message for the user (a
    SuspiciousOperation's text is for the log only)."""
    message = str(exception) if isinstance(exception, BadRequest) and exception.args else ""
    return render(request, "400.html", {"message": message}, status=400)
