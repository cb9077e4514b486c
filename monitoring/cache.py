"""Figures are kept in the cache between changes of the records, with an honest invalidation:
every write to a record that figures are computed from gives the cache a new version token
(after its transaction commits), and cached figures are keyed by the token they were computed
under. So a dashboard is never older than the last committed write, and a quiet portal
computes each region's figures once.

Bulk writes that skip model signals (the Excel import, the demo data generator) call
`figures_changed()` themselves."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "figures:version"
TIMEOUT = 24 * 60 * 60


def figures_changed() -> None:
    """The records changed: figures computed before are out of date once this commits."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


def figures_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def cached_figures(key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, or its result from the cache if no record changed since."""
    versioned = f"figures:{figures_version()}:{key}"
    value = cache.get(versioned)
    if value is None:
        value = compute()
        cache.set(versioned, value, TIMEOUT)
    return value


def _changed(sender, **kwargs) -> None:
    figures_changed()


def connect_signals() -> None:
    from branches.models import MemberCount, OrgUnit
    from monitoring.models import (
        AppUserCount,
        AudienceSnapshot,
        CommitteeReview,
        NewspaperSubscription,
        ReviewTask,
        Target,
    )
    from publications.models import (
        MethodologicalMaterial,
        Platform,
        Publication,
        Resource,
        Tally,
    )

    m2m_changed.connect(_changed, sender=Tally.resources.through, dispatch_uid="figures-tally-m2m")
    for model in (OrgUnit, MemberCount, Platform, Resource, Publication, Tally,
                  MethodologicalMaterial, AudienceSnapshot, Target, CommitteeReview, ReviewTask,
                  NewspaperSubscription, AppUserCount):  # fmt: skip
        post_save.connect(_changed, sender=model, dispatch_uid=f"figures-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"figures-del-{model.__name__}")
