from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_tables2 import RequestConfig

from branches.selectors import (
    primary_organization_list,
    unit_children_summary,
    user_assignment,
    user_capabilities,
)
from branches.tables import PrimaryOrganizationTable


@login_required
def home(request: HttpRequest) -> HttpResponse:
    assignment = user_assignment(user=request.user)
    unit = assignment.unit if assignment and assignment.unit_id else None
    context = {
        "assignment": assignment,
        "unit": unit,
        "capabilities": user_capabilities(user=request.user),
        "summary": unit_children_summary(unit=unit) if unit else None,
    }
    return render(request, "branches/home.html", context)


@login_required
def primary_list(request: HttpRequest) -> HttpResponse:
    table = PrimaryOrganizationTable(primary_organization_list(user=request.user))
    RequestConfig(request, paginate={"per_page": 100}).configure(table)
    return render(request, "branches/primary_list.html", {"table": table})
