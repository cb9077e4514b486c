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


def person_set_password_link(*, user: AbstractBaseUser) -> str:
    """A one-time link to set a password (Django's password-reset machinery): it stops working
    once used, since the password it sets is part of the token."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("password_reset_confirm", args=[uidb64, token])


@transaction.atomic
def person_invite(
    *, author: AbstractBaseUser, username: str, unit: OrgUnit, role: str, first_name: str = "",
    last_name: str = "", email: str = "", position: str = "",
) -> AbstractBaseUser:  # fmt: skip
    """A new account without a password, with its unit and role; the caller hands over the link
    from `person_set_password_link`."""
    user = get_user_model()(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    assignment = Assignment(user=user, unit=unit, role=role, position=position)
    assignment.full_clean()
    assignment._history_user = author
    assignment.save()
    return user


@transaction.atomic
def person_assignment_change(
    *, author: AbstractBaseUser, user: AbstractBaseUser, unit: OrgUnit, role: str, position: str
) -> Assignment:
    """Give a person another unit, role or position."""
    assignment = Assignment.objects.select_for_update().filter(user=user).first() or Assignment(
        user=user
    )
    assignment.unit, assignment.role, assignment.position = unit, role, position
    assignment.full_clean()
    assignment._history_user = author
    assignment.save()
    return assignment


@transaction.atomic
def person_active_set(*, user: AbstractBaseUser, active: bool) -> None:
    """Deactivate a person (out at their next request, records kept) or bring them back."""
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])


@transaction.atomic
def orgunit_create(*, author: AbstractBaseUser, unit: OrgUnit) -> OrgUnit:
    """Save a new unit of the tree (a region by an administrator, a branch by its region)."""
    unit.full_clean()
    unit._history_user = author
    unit.save()
    return unit


@transaction.atomic
def orgunit_people_update(
    *, author: AbstractBaseUser, unit: OrgUnit, fields: dict, members=None, counted_on=None
) -> OrgUnit:
    """The people fields the report shows (chairman, who does information work, press
    secretary), and the unit's own member count where it has no primary organizations."""
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.full_clean()
    unit._history_user = author
    unit.save()
    if members is not None and counted_on is not None:
        count = MemberCount.objects.filter(unit=unit, counted_on=counted_on).first() or (
            MemberCount(unit=unit, counted_on=counted_on)
        )
        count.members = members
        count.full_clean()
        count.save()
    return unit
