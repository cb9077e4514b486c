"""Reads of publication records that services and forms share."""

from __future__ import annotations

from publications.models import Resource, Tally


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
