from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from branches.selectors import unit_children_summary, user_assignment, user_capabilities


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
