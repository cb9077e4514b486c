"""Period locks, a rule of records: a region's year, once locked (its report issued), takes no
new record, change or deletion until regional staff unlock it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from branches.models import OrgUnit, PeriodLock


def period_is_locked(*, region_id: int | None, year: int) -> bool:
    return (
        region_id is not None
        and PeriodLock.objects.filter(
            region_id=region_id, year=year, unlocked_at__isnull=True
        ).exists()
    )


def period_lock_list(*, region: OrgUnit) -> QuerySet[PeriodLock]:
    return PeriodLock.objects.filter(region=region).select_related("locked_by", "unlocked_by")


def period_lock(*, region: OrgUnit, year: int, author) -> PeriodLock:
    """Lock the year (inside the caller's transaction); an open lock is kept as it is."""
    lock = PeriodLock.objects.filter(region=region, year=year, unlocked_at__isnull=True).first()
    if lock is None:
        lock = PeriodLock(region=region, year=year, locked_by=author)
        lock._history_user = author
        lock.save()
    return lock


def period_unlock(*, lock: PeriodLock, author) -> None:
    lock = PeriodLock.objects.select_for_update().get(pk=lock.pk)
    if lock.unlocked_at is None:
        lock.unlocked_at = timezone.now()
        lock.unlocked_by = author
        lock._history_user = author
        lock.save()
