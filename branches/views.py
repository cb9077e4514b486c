from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from branches.forms import BranchForm, PersonForm, PersonInviteForm, RegionForm, UnitPeopleForm
from branches.models import OrgUnit
from branches.params import table_configure
from branches.security import security_event
from branches.selectors import (
    person_list,
    primary_organization_list,
    unit_changeable_list,
    unit_children_summary,
    user_assignment,
)
from branches.services import (
    orgunit_create,
    orgunit_people_update,
    person_active_set,
    person_assignment_change,
    person_invite,
    person_set_password_link,
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


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    """The people of the user's region (all, for an administrator), with their roles."""
    _require(request.user.has_perm("branches.manage_people"))
    people = person_list(user=request.user)
    return render(request, "branches/people_list.html", {"people": people[:500]})


@login_required
def person_invite_view(request: HttpRequest) -> HttpResponse:
    """A new person of the region: their account, unit and role, and a one-time link for them
    to set their password (shown once here, and mailed where there is an address)."""
    _require(request.user.has_perm("branches.manage_people"))
    initial = {"unit": request.GET.get("unit")} if request.GET.get("unit", "").isdigit() else {}
    form = PersonInviteForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = person_invite(
            author=request.user, username=data["username"], unit=data["unit"], role=data["role"],
            first_name=data["first_name"], last_name=data["last_name"], email=data["email"],
            position=data["position"],
        )  # fmt: skip
        link = request.build_absolute_uri(person_set_password_link(user=person))
        if person.email:
            send_mail(
                _("Your account in the information work monitoring portal"),
                _("Set your password and sign in: %(link)s\nThe link works once.") % {"link": link},
                None,
                [person.email],
                fail_silently=True,
            )
        security_event("person_invited", request, person=person.username)
        return render(request, "branches/person_invited.html", {"person": person, "link": link})
    return render(request, "branches/person_form.html", {"form": form, "inviting": True})


def _person(request: HttpRequest, pk: int):
    """A person the user manages; anyone else is a 404, and one's own account a 403."""
    _require(request.user.has_perm("branches.manage_people"))
    person = get_object_or_404(person_list(user=request.user), pk=pk)
    _require(person.pk != request.user.pk)
    return person


@login_required
def person_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    assignment = getattr(person, "assignment", None)
    initial = (
        {"role": assignment.role, "unit": assignment.unit, "position": assignment.position}
        if assignment
        else {}
    )
    form = PersonForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        person_assignment_change(
            author=request.user, user=person, unit=form.cleaned_data["unit"],
            role=form.cleaned_data["role"], position=form.cleaned_data["position"],
        )  # fmt: skip
        security_event("person_changed", request, person=person.username)
        messages.success(request, _("Saved."))
        return redirect("people:list")
    context = {"form": form, "person": person}
    return render(request, "branches/person_form.html", context)


@login_required
@require_POST
def person_active_view(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    active = request.POST.get("active") == "1"
    person_active_set(user=person, active=active)
    security_event("person_activated" if active else "person_deactivated", request,
                   person=person.username)  # fmt: skip
    if active:
        messages.success(request, _("%(name)s can sign in again.") % {"name": person.username})
    else:
        messages.success(
            request,
            _("%(name)s can no longer sign in; their records stay.") % {"name": person.username},
        )
    return redirect("people:list")


@login_required
def region_create_view(request: HttpRequest) -> HttpResponse:
    """A new regional organization (administrators); its staff are invited next."""
    _require(request.user.has_perm("branches.manage_users"))
    form = RegionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        region = orgunit_create(author=request.user, unit=form.instance)
        messages.success(
            request,
            _("%(name)s is added. Invite its staff now.") % {"name": region.display_name},
        )
        return redirect(f"{reverse('people:invite')}?unit={region.pk}")
    return render(request, "branches/unit_form.html", {"form": form, "creating_region": True})


def _own_region(request: HttpRequest):
    """The region whose branches the user keeps: their own; an administrator names one."""
    _require(request.user.has_perm("monitoring.manage_region"))
    assignment = user_assignment(user=request.user)
    regions = unit_changeable_list(user=request.user).filter(kind=OrgUnit.Kind.REGION)
    if assignment and assignment.unit_id:
        return get_object_or_404(regions, pk=assignment.unit.region_id)
    return get_object_or_404(regions, slug=request.GET.get("region", ""))


@login_required
def branch_list(request: HttpRequest) -> HttpResponse:
    region = _own_region(request)
    branches = unit_children_summary(unit=region)
    context = {"region": region, "summary": branches}
    return render(request, "branches/branch_list.html", context)


@login_required
def branch_create_view(request: HttpRequest) -> HttpResponse:
    region = _own_region(request)
    form = BranchForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        branch = orgunit_create(author=request.user, unit=form.instance)
        messages.success(request, _("%(name)s is added.") % {"name": branch.display_name})
        if "add_another" in request.POST:
            return redirect(f"{reverse('branches:create')}?region={region.slug}")
        return redirect(f"{reverse('branches:list')}?region={region.slug}")
    context = {"form": form, "region": region}
    return render(request, "branches/unit_form.html", context)


@login_required
def unit_people_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The report's people fields of a region: chairman, who does information work, press
    secretary; and its own member count where it has no primary organizations."""
    _require(request.user.has_perm("monitoring.manage_region"))
    regions = unit_changeable_list(user=request.user).filter(kind=OrgUnit.Kind.REGION)
    unit = get_object_or_404(regions, slug=slug)
    form = UnitPeopleForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            orgunit_people_update(
                author=request.user, unit=unit,
                fields={name: data[name] for name in UnitPeopleForm.Meta.fields},
                members=data.get("members"), counted_on=data.get("counted_on"),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("units:people_fields", slug=slug)
    return render(request, "branches/unit_people.html", {"form": form, "unit": unit})
