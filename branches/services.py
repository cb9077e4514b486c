"""Writes to the organization tree and to people's assignments."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from branches.models import Assignment, MemberCount, OrgUnit


@transaction.atomic
def orgunit_ensure(*, slug: str, defaults: dict) -> OrgUnit:
    """The unit with this slug, created with `defaults` or brought up to date with them."""
    unit = OrgUnit.objects.filter(slug=slug).first()
    if unit is None:
        unit = OrgUnit(slug=slug, **defaults)
        unit.full_clean()
        unit.save()
        return unit
    changed = [field for field, value in defaults.items() if getattr(unit, field) != value]
    if changed:
        for field in changed:
            setattr(unit, field, defaults[field])
        unit.full_clean()
        unit.save()
    return unit


@transaction.atomic
def member_count_set(*, unit: OrgUnit, counted_on: date, members: int) -> MemberCount:
    """Record the members of a unit on a date, replacing an earlier figure for that date."""
    count, created = MemberCount.objects.get_or_create(
        unit=unit, counted_on=counted_on, defaults={"members": members}
    )
    if not created and count.members != members:
        count.members = members
        count.full_clean()
        count.save()
    return count


@transaction.atomic
def user_assign(
    *, username: str, unit: OrgUnit, role: str, password: str | None = None, **fields
) -> AbstractBaseUser:
    """Create the user if needed and give them this unit and role."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model(username=username, **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    assignment = Assignment.objects.filter(user=user).first() or Assignment(user=user)
    if assignment.pk is None or (assignment.unit_id, assignment.role) != (unit.pk, role):
        assignment.unit = unit
        assignment.role = role
        assignment.full_clean()
        assignment.save()
    return user
