"""Records people log (publications, audiences, booklets, resources, reviews, targets) share
one way of being listed, filtered, created, edited without lost updates, soft-deleted and
restored, always within the user's units. A `RecordType` says what differs per model; the
selectors, services, views and URLs here serve them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:
    from django import forms
    from django.contrib.auth.models import AbstractBaseUser
    from django_filters import FilterSet
    from django_tables2 import Table

    from branches.models import TrackedRecord


@dataclass(frozen=True)
class RecordType:
    model: type[TrackedRecord]
    namespace: str  # URL namespace and prefix: "publications" → /publications/, publications:list
    scope: str  # lookup from the record to its OrgUnit: "unit", "resource__owner"
    form_class: type[forms.ModelForm]
    filterset_class: type[FilterSet]
    table_class: type[Table]
    write_perm: str  # a `rules` permission; without it a write is refused (403)
    region_lookup: str = ""  # a column holding the record's region, to find its rows fast
    select_related: tuple[str, ...] = ()
    formset_class: type[forms.BaseInlineFormSet] | None = None
    # Records outside any unit that some users may see or change (outside media).
    shared_visible: Callable[[AbstractBaseUser], Q | None] = field(default=lambda user: None)
    shared_changeable: Callable[[AbstractBaseUser], Q | None] = field(default=lambda user: None)
    # Excel export: (header, value of a record) per column; None: the type has no export.
    export_columns: tuple[tuple[str, Callable[[object], object]], ...] | None = None
    # More for the list page, from the request (e.g. the tallies beside the publications).
    list_extra: Callable[[object], dict] | None = None

    @property
    def verbose_name(self) -> str:
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self) -> str:
        return self.model._meta.verbose_name_plural
