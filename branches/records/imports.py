"""Two-phase Excel imports: upload → every problem listed (row, column, value, reason) → confirm,
which writes every row or none. An `Importer` says what differs per kind of list."""

from __future__ import annotations

import functools
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from branches.models import ImportBatch
from branches.records.excel import Column, Sheet, xlsx_check, xlsx_read
from branches.text import clean_text

EXCEL_EPOCH = date(1899, 12, 30)
MAX_INTEGER = 2_147_483_647


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    reason: str


class CellError(Exception):
    """A cell's value is wrong; the message says why, in the user's language."""


MAX_PROBLEMS_SHOWN = 300
GROUP_ROWS_SHOWN = 10
PREVIEW_KEPT_SECONDS = 60 * 60


@dataclass
class ProblemGroup:
    """Every problem of one column with the same reason: how many, and the first rows."""

    column: str
    reason: str
    count: int = 0
    rows: list[int] = field(default_factory=list)


@dataclass
class Preview:
    problems: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS_SHOWN
    new: list[Any] = field(default_factory=list)  # unsaved objects, one per row to import
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    rows: int = 0
    problem_count: int = 0
    groups: dict[tuple[str, str], ProblemGroup] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problem_count

    def add_problems(self, problems: list[Problem]) -> None:
        """Count every problem and group it; keep the details of the first few hundred (a file
        of 10 000 bad rows has 130 000 problems, far more than a page should list)."""
        for problem in problems:
            self.problem_count += 1
            if len(self.problems) < MAX_PROBLEMS_SHOWN:
                self.problems.append(problem)
            group = self.groups.setdefault(
                (problem.column, problem.reason), ProblemGroup(problem.column, problem.reason)
            )
            group.count += 1
            if len(group.rows) < GROUP_ROWS_SHOWN:
                group.rows.append(problem.row)

    @property
    def problem_groups(self) -> list[ProblemGroup]:
        return sorted(self.groups.values(), key=lambda group: -group.count)

    @property
    def problems_hidden(self) -> int:
        return self.problem_count - len(self.problems)


class Importer(ABC):
    """One kind of list: its columns, how a row becomes a record, and how records are written."""

    kind: str
    columns: list[Column]
    template_example: list[Any] = []

    def __init__(self, *, user) -> None:
        self.user = user

    @abstractmethod
    def check(self, sheet: Sheet) -> Preview:
        """Every row checked: the records to write, the rows skipped, and the problems."""

    @abstractmethod
    def write(self, preview: Preview, batch: ImportBatch) -> None:
        """Write the checked records (inside the confirming transaction)."""

    def template_rows(self) -> list[list[Any]]:
        """The rows under the headers of the downloadable template."""
        return [self.template_example]

    def header(self, key: str) -> str:
        return next(c.headers[0] for c in self.columns if c.key == key)


def batch_upload(*, importer: Importer, upload: UploadedFile) -> tuple[ImportBatch, Preview]:
    """Check an uploaded file (refusing a bad one before parsing), keep it, list its problems."""
    xlsx_check(upload, size=upload.size)
    preview = _check(importer, upload)
    batch = ImportBatch(
        kind=importer.kind,
        created_by=importer.user,
        original_name=clean_text(upload.name or "")[:255],
        rows=preview.rows,
    )
    upload.seek(0)
    batch.file.save(f"{batch.pk}.xlsx", upload, save=False)
    batch.save()
    _preview_keep(batch, preview)
    return batch, preview


def batch_preview(*, importer: Importer, batch: ImportBatch) -> Preview:
    """The preview of the upload: checked once and kept an hour, so viewing it again does not
    parse the file again (the confirm checks it afresh)."""
    preview = cache.get(_preview_key(batch))
    if preview is None:
        preview = _batch_check(importer, batch)
        _preview_keep(batch, preview)
    return preview


def _batch_check(importer: Importer, batch: ImportBatch) -> Preview:
    with batch.file.open("rb") as stored:
        return _check(importer, stored)


def _preview_key(batch: ImportBatch) -> str:
    return f"import-preview:{batch.pk}"


def _preview_keep(batch: ImportBatch, preview: Preview) -> None:
    cache.set(_preview_key(batch), preview, PREVIEW_KEPT_SECONDS)


def batch_confirm(*, importer: Importer, batch: ImportBatch) -> Preview:
    """Check the stored file again (records may have changed) and write all of it, or nothing."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status == ImportBatch.Status.IMPORTED:
            return Preview(rows=batch.rows)
        preview = _batch_check(importer, batch)
        if not preview.ok:
            _preview_keep(batch, preview)
            return preview
        importer.write(preview, batch)
        batch.status = ImportBatch.Status.IMPORTED
        batch.imported = len(preview.new)
        batch.skipped = len(preview.skipped)
        batch.imported_at = timezone.now()
        batch.save()
    return preview


def _check(importer: Importer, stream) -> Preview:
    sheet = xlsx_read(stream, columns=importer.columns)
    preview = importer.check(sheet)
    preview.rows = len(sheet.rows)
    return preview


# Cell parsers: each returns the value or raises CellError with the reason.


def parse_text(value: Any, *, required: bool, max_length: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if "\x00" in text:
        raise CellError(_("Null characters are not allowed."))
    text = clean_text(text)
    if required and not text:
        raise CellError(_("This cell must be filled in."))
    if len(text) > max_length:
        raise CellError(
            _("At most %(limit)s characters (this has %(length)s).")
            % {"limit": max_length, "length": len(text)}
        )
    return text


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial day numbers, 1900-based
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(_("Not a date."))
    text = clean_text(str(value or ""))
    if not text:
        raise CellError(_("This cell must be filled in."))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise CellError(_("Not a date that exists; write it as 01.09.2024."))


def parse_count(value: Any) -> int | None:
    """A whole number, 0 or more; «12 345» with spaces is fine; empty is None."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None
    if isinstance(value, bool):
        raise CellError(_("Not a whole number."))
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(_("Not a whole number.")) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(_("Not a whole number."))
    if number < 0:
        raise CellError(_("Cannot be negative."))
    if number > MAX_INTEGER:
        raise CellError(_("The number is too large."))
    return int(number)


YES = {"иә", "ия", "да", "yes", "y", "1", "true", "+", "ok"}
NO = {"жоқ", "нет", "no", "n", "0", "false", "-", ""}


def parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = clean_text(str(value)).casefold()
    if isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else text
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("Write «иә» or «жоқ»."))


def parse_choice(value: Any, choices_class, *, default: str) -> str:
    """A choice by its code or its Kazakh, Russian or English label."""
    text = clean_text(str(value or "")).casefold()
    if not text:
        return default
    lookup = _choice_lookup(choices_class)
    if text in lookup:
        return lookup[text]
    labels = ", ".join(f"«{label}»" for _code, label in choices_class.choices)
    raise CellError(_("Not one of: %(options)s.") % {"options": labels})


# Labels the catalogues used before the vocabulary was made one (issue 16): files filled in
# with them still import.
FORMER_LABELS = {
    "бейне": "video",
    "правовая": "legal",
    "организационная": "organizational",
    "социально-экономическая": "socioeconomic",
    "молодёжная": "youth",
    "другая": "other",
}


@functools.cache
def _choice_lookup(choices_class) -> dict[str, str]:
    lookup = {label: code for label, code in FORMER_LABELS.items() if code in choices_class.values}
    for code, _label in choices_class.choices:
        lookup[str(code).casefold()] = code
        for language in ("kk", "ru", "en"):
            with translation.override(language):
                lookup[str(choices_class(code).label).casefold()] = code
    return lookup


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)
