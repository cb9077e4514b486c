"""Reads of publication records that services and forms share."""

from __future__ import annotations

from django.db.models import Q

from branches.models import Assignment
from branches.selectors import user_region_id, user_role
from publications.models import Resource, Tally

Role = Assignment.Role


def outside_media_visible_q(*, user) -> Q:
    """Outside media a user sees: the national ones and their own region's. The central press
    service and administrators see them all."""
    media = Q(kind=Resource.Kind.OUTSIDE_MEDIUM)
    if user_role(user=user) in {Role.ADMINISTRATOR, Role.CENTRAL_PRESS}:
        return media
    region_id = user_region_id(user=user)
    mine = Q(region__isnull=True) | Q(region_id=region_id) if region_id else Q(region__isnull=True)
    return media & mine


def outside_media_changeable_q(*, user) -> Q:
    """Outside media a user may change: staff their region's; the central press service the
    national ones; administrators all (their scope covers them already)."""
    media = Q(kind=Resource.Kind.OUTSIDE_MEDIUM)
    role = user_role(user=user)
    if role == Role.ADMINISTRATOR:
        return media
    if role == Role.CENTRAL_PRESS:
        return media & Q(region__isnull=True)
    region_id = user_region_id(user=user)
    if role == Role.REGIONAL_STAFF and region_id:
        return media & Q(region_id=region_id)
    return Q(pk__in=[])


def resource_visible_q(*, units, user) -> Q:
    """Resources a user sees in lists and choices: pages of `units`, and the outside media they
    see (`outside_media_visible_q`)."""
    return Q(owner__in=units) | outside_media_visible_q(user=user)


def tally_overlaps(*, tally: Tally, resources: list[Resource]) -> list[Tally]:
    """Live tallies of the same unit and platform whose span meets this one's and that count
    the same resources (or, for a platform as a whole, any of it): together they would count
    some publications twice."""
    others = Tally.objects.filter(
        unit_id=tally.unit_id,
        platform_id=tally.platform_id,
        starts_on__lte=tally.ends_on,
        ends_on__gte=tally.starts_on,
    ).prefetch_related("resources")
    if tally.pk:
        others = others.exclude(pk=tally.pk)
    mine = {resource.pk for resource in resources}
    found = []
    for other in others.order_by("starts_on"):
        theirs = {resource.pk for resource in other.resources.all()}
        if not mine or not theirs or mine & theirs:
            found.append(other)
    return found
