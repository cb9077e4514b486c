"""The monthly summary of publications (`PublicationMonth`): per month, the unit a
publication is credited to (a primary organization's count under its branch, or its region as
"served directly") and the resource, the count and its known parts. Every write of a
publication refreshes its rows inside the same transaction; bulk writes call
`summary_refresh` (imports) or `summary_rebuild` (generated data) themselves, and
`manage.py summary_rebuild` rebuilds it whole. Figures read it in place of the publications,
so a dashboard costs the same at a million publications as at a thousand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from branches.models import OrgUnit
from publications.models import TOPIC_FIELDS, Publication, PublicationMonth, Tally

BATCH = 5_000


def month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def month_aggregates() -> dict:
    """The summary's columns as aggregates over publications."""
    return {
        "n": Count("id"),
        "reposts": Count("id", filter=Q(is_repost=True)),
        "kazakh": Count("id", filter=Q(language=Publication.Language.KAZAKH)),
        **{field: Count("id", filter=Q(topic=code)) for code, field in TOPIC_FIELDS.items()},
        "with_engagement": Count("id", filter=Q(views__isnull=False) | Q(reactions__isnull=False)),
        "views": Sum("views"),
        "reactions": Sum("reactions"),
        "comments": Sum("comments"),
        "shares": Sum("shares"),
    }


def _months_of(publications) -> Iterable[PublicationMonth]:
    rows = (
        publications.filter(author__isnull=False)
        .values("region", "author", "served_directly", "resource", month=TruncMonth("published_on"))
        .annotate(**month_aggregates())
        .order_by()
    )
    for row in rows.iterator(chunk_size=BATCH):
        row["region_id"], row["author_id"] = row.pop("region"), row.pop("author")
        row["resource_id"] = row.pop("resource")
        yield PublicationMonth(**row)


def _write(months: Iterable[PublicationMonth]) -> None:
    batch: list[PublicationMonth] = []
    for month in months:
        batch.append(month)
        if len(batch) >= BATCH:
            PublicationMonth.objects.bulk_create(batch)
            batch = []
    if batch:
        PublicationMonth.objects.bulk_create(batch)


@transaction.atomic
def summary_refresh(*, keys: Iterable[tuple[int | None, date]]) -> None:
    """Recount the summary's rows of these (credited unit, any day of the month) pairs."""
    months: dict[int, set[date]] = defaultdict(set)
    for author, day in keys:
        if author is not None and day is not None:
            months[author].add(month_start(day))
    if not months:
        return
    # One refresh at a time per unit: two writers of one month cannot both insert its rows.
    list(OrgUnit.objects.select_for_update().filter(pk__in=months).values_list("pk"))
    for author, firsts in months.items():
        PublicationMonth.objects.filter(author_id=author, month__in=firsts).delete()
        span = Q()
        for first in firsts:
            span |= Q(published_on__range=(first, _month_end(first)))
        _write(_months_of(Publication.objects.filter(span, author_id=author)))


@transaction.atomic
def summary_rebuild(*, region: OrgUnit | None = None) -> int:
    """Recount the whole summary (or one region's); returns the number of rows."""
    months = PublicationMonth.objects.all()
    publications = Publication.objects.all()
    if region is not None:
        months, publications = months.filter(region=region), publications.filter(region=region)
    months.delete()
    _write(_months_of(publications))
    return PublicationMonth.objects.count()


def _remember_old_key(sender, instance: Publication, raw=False, **kwargs) -> None:
    instance._summary_old = None
    if instance.pk and not raw:
        instance._summary_old = (
            Publication.all_objects.filter(pk=instance.pk)
            .values_list("author_id", "published_on")
            .first()
        )


def _refresh_after_save(sender, instance: Publication, raw=False, **kwargs) -> None:
    if raw:
        return
    keys = {(instance.author_id, instance.published_on)}
    if getattr(instance, "_summary_old", None):
        keys.add(instance._summary_old)
    summary_refresh(keys=keys)


def _refresh_after_delete(sender, instance: Publication, **kwargs) -> None:
    summary_refresh(keys={(instance.author_id, instance.published_on)})


def tally_resource_sync(*, tally_ids: Iterable[int]) -> None:
    """Each tally's `sole_resource`: its one resource, or none (outlets, or a platform)."""
    links: dict[int, list[int]] = defaultdict(list)
    ids = list(tally_ids)
    for tally_id, resource_id in Tally.resources.through.objects.filter(
        tally_id__in=ids
    ).values_list("tally_id", "resource_id"):
        links[tally_id].append(resource_id)
    for tally_id in ids:
        found = links.get(tally_id, [])
        Tally.all_objects.filter(pk=tally_id).update(
            sole_resource_id=found[0] if len(found) == 1 else None
        )


def _tally_resources_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        tally_resource_sync(tally_ids=[instance.pk])
    elif pk_set:
        tally_resource_sync(tally_ids=pk_set)


def connect_signals() -> None:
    m2m_changed.connect(
        _tally_resources_changed, sender=Tally.resources.through, dispatch_uid="tally-resource"
    )
    pre_save.connect(_remember_old_key, sender=Publication, dispatch_uid="summary-pre")
    post_save.connect(_refresh_after_save, sender=Publication, dispatch_uid="summary-post")
    post_delete.connect(_refresh_after_delete, sender=Publication, dispatch_uid="summary-del")
