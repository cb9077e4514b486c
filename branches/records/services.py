"""Writes of records: create once per form, update only from the current version, soft delete
and restore. Each is one transaction, and each leaves a history entry with its author."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _

from branches.locks import period_is_locked
from branches.models import TrackedRecord


def _check_lock(*records) -> None:
    """Refuse a change to a record of a locked period (before or after the change)."""
    for record in records:
        key = record.locked_period() if hasattr(record, "locked_period") else None
        if key and period_is_locked(region_id=key[0], year=key[1]):
            raise ValidationError(
                _(
                    "The year %(year)s is locked: its report was issued. Regional staff can "
                    "unlock it."
                )
                % {"year": key[1]}
            )


class RecordConflict(Exception):
    """Someone saved the record after the user opened it; `current` is what they saved."""

    def __init__(self, current: TrackedRecord) -> None:
        super().__init__("stale version")
        self.current = current


def record_create(
    *,
    form: ModelForm,
    author: AbstractBaseUser,
    submission_token: uuid.UUID | None,
    formset: BaseInlineFormSet | None = None,
) -> tuple[TrackedRecord, bool]:
    """Save a valid form as a new record; the same form submitted again finds the first one.

    Returns the record and whether this call created it."""
    model = form._meta.model
    if submission_token is not None:
        existing = model.all_objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            record = form.save(commit=False)
            _check_lock(record)
            record.created_by = author
            record.submission_token = submission_token
            record._history_user = author
            record.save()
            form.save_m2m()
            if formset is not None:
                formset.instance = record
                _save_formset(formset, author)
    except IntegrityError:
        # Two copies of one submission raced; the other one won and is the record.
        if submission_token is not None:
            existing = model.all_objects.filter(submission_token=submission_token).first()
            if existing is not None:
                return existing, False
        raise
    return record, True


@transaction.atomic
def record_update(
    *,
    form: ModelForm,
    author: AbstractBaseUser,
    version: int,
    formset: BaseInlineFormSet | None = None,
) -> TrackedRecord:
    """Save a valid edit, unless the record changed since the user loaded `version`."""
    model = form._meta.model
    current = model.all_objects.select_for_update().get(pk=form.instance.pk)
    if current.version != version:
        raise RecordConflict(current)
    record = form.save(commit=False)
    _check_lock(current, record)
    record.version = current.version + 1
    record._history_user = author
    record.save()
    form.save_m2m()
    if formset is not None:
        _save_formset(formset, author)
    return record


@transaction.atomic
def record_delete(*, record: TrackedRecord, author: AbstractBaseUser) -> None:
    """Soft delete: the record counts nowhere from now on, and staff may restore it."""
    record = type(record).all_objects.select_for_update().get(pk=record.pk)
    _check_lock(record)
    if record.deleted_at is None:
        record.deleted_at = timezone.now()
        record.version += 1
        record._history_user = author
        record.save()


@transaction.atomic
def record_restore(*, record: TrackedRecord, author: AbstractBaseUser) -> None:
    """Undo a soft delete."""
    record = type(record).all_objects.select_for_update().get(pk=record.pk)
    _check_lock(record)
    if record.deleted_at is not None:
        record.deleted_at = None
        record.version += 1
        record._history_user = author
        record.save()


def _save_formset(formset: BaseInlineFormSet, author: AbstractBaseUser) -> None:
    for child in formset.save(commit=False):
        child.created_by = child.created_by or author
        child._history_user = author
        child.save()
    for child in formset.deleted_objects:
        child.deleted_at = timezone.now()
        child._history_user = author
        child.save()
