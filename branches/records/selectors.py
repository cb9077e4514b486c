"""Reads of records, always within the units the user may see or change."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from branches.records import RecordType
from branches.selectors import unit_scope_q, user_region_id


def _scope(record_type: RecordType, user, *, for_change: bool) -> Q:
    scope = unit_scope_q(
        user=user,
        lookup=record_type.scope,
        for_change=for_change,
        region_lookup=record_type.region_lookup,
    )
    if not scope:  # everything; and `Q() | q` would narrow it to q
        return scope
    hook = record_type.shared_changeable if for_change else record_type.shared_visible
    shared = hook(user) if user.is_authenticated else None
    return scope | shared if shared is not None else scope


def record_list(
    *, record_type: RecordType, user: AbstractBaseUser | AnonymousUser, deleted: bool = False
) -> QuerySet:
    """Records the user may see; with `deleted`, the soft-deleted ones instead."""
    model = record_type.model
    records = model.all_objects.filter(deleted_at__isnull=not deleted)
    return records.filter(_scope(record_type, user, for_change=False)).select_related(
        *record_type.select_related
    )


def record_changeable_list(
    *, record_type: RecordType, user: AbstractBaseUser | AnonymousUser, deleted: bool = False
) -> QuerySet:
    """Records the user may change (or, with `deleted`, restore)."""
    if not user.has_perm(record_type.write_perm):
        return record_type.model.objects.none()
    return record_list(record_type=record_type, user=user, deleted=deleted).filter(
        _scope(record_type, user, for_change=True)
    )


def record_fields(*, record, names: list[str]) -> list[dict]:
    """Label and display value of each named field, for a record's page."""
    rows = []
    for name in names:
        field = record._meta.get_field(name)
        value = getattr(record, name)
        if field.many_to_many:
            value = ", ".join(str(item) for item in value.all()) or "—"
        elif field.choices:
            value = getattr(record, f"get_{name}_display")()
        rows.append({"name": name, "label": field.verbose_name, "value": value, "field": field})
    return rows


def record_history(*, record, viewer=None) -> list[dict]:
    """The record's changes, newest first: who, when, and each field's old and new value.

    A `viewer` of a region sees no name of another region's people (an outside medium's
    history may hold them): such an author reads as "another organization"."""
    entries = list(
        record.history.select_related("history_user__assignment__unit").order_by("-history_date")
    )
    viewer_region = user_region_id(user=viewer) if viewer is not None else None
    rows = []
    for newer, older in zip(entries, [*entries[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            for change in delta.changes:
                field = record._meta.get_field(change.field)
                changes.append(
                    {
                        "field": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        who = newer.history_user
        if viewer_region is not None and who is not None:
            assignment = getattr(who, "assignment", None)  # even of a deactivated user
            theirs = assignment.unit.region_id if assignment is not None else None
            if theirs is not None and theirs != viewer_region:
                from django.utils.translation import gettext

                who = gettext("a user of another organization")
        rows.append(
            {
                "when": newer.history_date,
                "who": who,
                "kind": _history_kind(newer, older),
                "changes": changes,
            }
        )
    return rows


def _history_kind(newer, older) -> str:
    from django.utils.translation import gettext

    if newer.history_type == "+":
        return gettext("created")
    if newer.history_type == "-":
        return gettext("erased")
    if older is not None and older.deleted_at is None and newer.deleted_at is not None:
        return gettext("deleted")
    if older is not None and older.deleted_at is not None and newer.deleted_at is None:
        return gettext("restored")
    return gettext("changed")


def _display(field, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field.many_to_many:  # a list of through rows: {"tally": …, "resource": …}
        target = field.m2m_reverse_field_name()
        pks = [row.get(target) for row in value]
        found = field.related_model._base_manager.filter(pk__in=pks)
        return ", ".join(sorted(str(item) for item in found))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("yes") if value else gettext("no")
    return str(value)
