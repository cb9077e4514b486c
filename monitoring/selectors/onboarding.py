"""What a region still lacks before its figures mean something: the onboarding checklist."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from branches.models import Assignment, MemberCount, OrgUnit
from monitoring.models import Target
from publications.models import Resource


@dataclass(frozen=True)
class Step:
    key: str  # branches, officers, primaries, pages, targets, members, people
    done: bool
    missing: list[str] = field(default_factory=list)  # the units concerned, where there are


def onboarding_checklist(*, region: OrgUnit) -> list[Step]:
    """The region's onboarding steps, each done or not, with the branches it concerns."""
    units = OrgUnit.objects.filter(path__startswith=region.path)
    branches = list(units.filter(kind=OrgUnit.Kind.BRANCH))
    with_officer = set(
        Assignment.objects.filter(
            unit__in=branches, role=Assignment.Role.BRANCH_OFFICER, user__is_active=True
        ).values_list("unit", flat=True)
    )
    without_officer = [b.label for b in branches if b.pk not in with_officer]
    has_primaries = units.filter(kind=OrgUnit.Kind.PRIMARY).exists()
    has_pages = Resource.objects.filter(
        kind=Resource.Kind.OWN_PAGE, owner__path__startswith=region.path
    ).exists()
    has_targets = Target.objects.filter(unit__path__startswith=region.path).exists()
    counted = MemberCount.objects.filter(
        Q(unit__path__startswith=region.path, unit__kind=OrgUnit.Kind.PRIMARY) | Q(unit=region)
    ).exists()
    return [
        Step("branches", bool(branches)),
        Step("officers", bool(branches) and not without_officer, without_officer),
        Step("primaries", has_primaries),
        Step("pages", has_pages),
        Step("targets", has_targets),
        Step("members", counted),
        Step("people", bool(region.chairman and region.information_officer)),
    ]
