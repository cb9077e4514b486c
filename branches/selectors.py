"""Reads of the organization tree: which units a user may see and change, and member totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum

from branches.models import Assignment, MemberCount, OrgUnit

Role = Assignment.Role

# Roles that may change nothing at all.
READ_ONLY_ROLES = {Role.EXECUTIVE}


def user_assignment(*, user: AbstractBaseUser | AnonymousUser) -> Assignment | None:
    """The user's assignment; a superuser without one acts as an administrator."""
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        return user.assignment
    except Assignment.DoesNotExist:
        if user.is_superuser:
            return Assignment(user=user, role=Role.ADMINISTRATOR)
        return None


def user_role(*, user: AbstractBaseUser | AnonymousUser) -> str | None:
    """The role of the user's assignment, or None for a user without one."""
    assignment = user_assignment(user=user)
    return assignment.role if assignment else None


def user_region_id(*, user: AbstractBaseUser | AnonymousUser) -> int | None:
    """The region the user works in; None for the central committee and administrators."""
    assignment = user_assignment(user=user)
    if assignment is None or not assignment.unit_id:
        return None
    return assignment.unit.region_id


def unit_scope_q(
    *,
    user: AbstractBaseUser | AnonymousUser,
    lookup: str = "",
    for_change: bool = False,
    region_lookup: str = "",
) -> Q:
    """A filter for rows whose unit (reached by `lookup`; "" for units themselves) the user
    may see, or with `for_change`, may change.

    Executives change nothing; the central press service reads every region but changes only
    the central committee's own records; administrators see and change all. `region_lookup`
    names a column of the record that holds its region, where it has one.
    """
    prefix = f"{lookup}__" if lookup else ""
    nothing = Q(pk__in=[])
    assignment = user_assignment(user=user)
    if assignment is None or (for_change and assignment.role in READ_ONLY_ROLES):
        return nothing
    if assignment.role == Role.ADMINISTRATOR:
        return Q()
    if assignment.role == Role.CENTRAL_PRESS:
        return Q(**{f"{prefix}pk": assignment.unit_id}) if for_change else Q()
    subtree = Q(**{f"{prefix}path__startswith": assignment.unit.path})
    if region_lookup and assignment.unit.region_id:
        # The same rows, found through the record's own indexed region column first.
        subtree &= Q(**{region_lookup: assignment.unit.region_id})
    return subtree


def unit_visible_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units whose records this user may see: the whole tree, or their unit's subtree."""
    return OrgUnit.objects.filter(unit_scope_q(user=user))


def unit_changeable_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units whose records this user may change (see `unit_scope_q`)."""
    return OrgUnit.objects.filter(unit_scope_q(user=user, for_change=True))


@dataclass(frozen=True)
class MemberFigure:
    """A unit's members as the records know them on a date: the nearest earlier counts, with
    their date; failing those, the latest counts, marked `later`; failing any, None."""

    members: int | None
    counted_on: date | None = None
    later: bool = False


def unit_has_primaries(*, unit: OrgUnit) -> bool:
    """Whether primary organizations hang below the unit (which then counts theirs)."""
    return (
        OrgUnit.objects.filter(path__startswith=unit.path, kind=OrgUnit.Kind.PRIMARY)
        .exclude(pk=unit.pk)
        .exists()
    )


def member_count_rows(*, unit: OrgUnit) -> QuerySet[MemberCount]:
    """The counts that make up a unit's members, by the one rule: the sum over its primary
    organizations where it has any, and its own count only where it has none (so a count
    entered on the unit itself never adds to its primaries')."""
    if unit_has_primaries(unit=unit):
        return MemberCount.objects.filter(
            unit__path__startswith=unit.path, unit__kind=OrgUnit.Kind.PRIMARY
        ).exclude(unit=unit)
    return MemberCount.objects.filter(unit=unit)


def member_figure(*, unit: OrgUnit, on: date) -> MemberFigure:
    """Members of the unit on a date (`member_count_rows`): each count's latest on or before it."""
    counts = member_count_rows(unit=unit)
    earlier = (
        MemberCount.objects.filter(unit=OuterRef("unit"), counted_on__lte=on)
        .order_by("-counted_on")
        .values("counted_on")[:1]
    )
    known = counts.filter(counted_on=Subquery(earlier)).aggregate(
        total=Sum("members"), day=Max("counted_on")
    )
    if known["total"] is not None:
        return MemberFigure(known["total"], known["day"])
    latest = (
        MemberCount.objects.filter(unit=OuterRef("unit"))
        .order_by("-counted_on")
        .values("counted_on")[:1]
    )
    later = counts.filter(counted_on=Subquery(latest)).aggregate(
        total=Sum("members"), day=Max("counted_on")
    )
    if later["total"] is None:
        return MemberFigure(None)
    return MemberFigure(later["total"], later["day"], later=True)


def member_total(*, unit: OrgUnit, on: date) -> int:
    """Members in the unit's subtree on a date, 0 when no count is that old."""
    figure = member_figure(unit=unit, on=on)
    return 0 if figure.later or figure.members is None else figure.members


def user_capabilities(*, user: AbstractBaseUser | AnonymousUser) -> list[str]:
    """Sentences, in the active language, of what this user may do in the portal."""
    from django.utils.translation import gettext as _

    sentences = {
        "monitoring.view_dashboards": _("See the figures and dashboards of your units"),
        "publications.log_records": _(
            "Log publications, followers and methodological materials of your units"
        ),
        "publications.import_records": _("Upload a list of publications from Excel"),
        "monitoring.manage_region": _(
            "Keep the region's resources, executive committee reviews and targets"
        ),
        "monitoring.view_national": _("Compare all regions of the country"),
        "reports.issue_report": _("Prepare and issue the annual Анықтама"),
        "publications.manage_reference_lists": _("Keep the national reference lists"),
        "branches.manage_users": _("Manage users and their assignments"),
    }
    return [sentence for perm, sentence in sentences.items() if user.has_perm(perm)]


def unit_children_summary(*, unit: OrgUnit) -> dict:
    """The unit's branches with the number of primary organizations under each, in 2 queries."""
    primaries = dict(
        OrgUnit.objects.filter(path__startswith=unit.path, kind=OrgUnit.Kind.PRIMARY)
        .values_list("parent_id")
        .annotate(n=Count("id"))
    )
    children = OrgUnit.objects.filter(parent=unit).exclude(kind=OrgUnit.Kind.PRIMARY)
    return {
        "children": [
            {"unit": child, "primaries": primaries.get(child.pk, 0)} for child in children
        ],
        "direct_primaries": primaries.get(unit.pk, 0),
        "all_primaries": sum(primaries.values()),
    }


def primary_organization_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[OrgUnit]:
    """The primary organizations the user may see, each with its latest member count."""
    latest = MemberCount.objects.filter(unit=OuterRef("pk")).order_by("-counted_on")
    return (
        OrgUnit.objects.filter(unit_scope_q(user=user), kind=OrgUnit.Kind.PRIMARY)
        .select_related("parent")
        .annotate(
            members=Subquery(latest.values("members")[:1]),
            counted_on=Subquery(latest.values("counted_on")[:1]),
        )
    )


def administrator_contacts() -> list:
    """Whom a user without a role asks for one: the portal's active administrators."""
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(assignment__role=Role.ADMINISTRATOR))
        .distinct()
        .order_by("username")[:5]
    )


# Who may give which role: a role is given only by someone of the same rank or higher.
ROLE_RANK = {
    Role.ADMINISTRATOR: 4,
    Role.CENTRAL_PRESS: 3,
    Role.REGIONAL_STAFF: 2,
    Role.EXECUTIVE: 1,
    Role.BRANCH_OFFICER: 1,
}


def role_grantable_list(*, user: AbstractBaseUser | AnonymousUser) -> list[str]:
    """Roles the user may give: administrators any; regional staff those of their region up to
    their own (staff, executives, branch press officers); nobody else any."""
    role = user_role(user=user)
    if role == Role.ADMINISTRATOR:
        return list(Role.values)
    if role == Role.REGIONAL_STAFF:
        return [Role.REGIONAL_STAFF, Role.EXECUTIVE, Role.BRANCH_OFFICER]
    return []


def person_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """People whose assignment the user manages: administrators everyone, regional staff the
    people of their region."""
    from django.contrib.auth import get_user_model

    people = (
        get_user_model()
        .objects.select_related("assignment__unit")
        .order_by("assignment__unit__path", "username")
    )
    role = user_role(user=user)
    if role == Role.ADMINISTRATOR:
        return people
    if role != Role.REGIONAL_STAFF:
        return people.none()
    return people.filter(
        assignment__unit__path__startswith=user_assignment(user=user).unit.path,
        assignment__role__in=role_grantable_list(user=user),
    )
