"""Two-phase imports of .xlsx, .xls, .ods and .csv lists: upload → a preview (the first rows as
read, the columns not imported, every problem grouped and listed) → confirm, which writes every
row or none, or every row without a problem (all of them or none) while the refused rows
download as .xlsx to fix. An `Importer` says what differs per kind of list."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from branches.models import ImportBatch
from branches.records.cells import (
    CellError,
    parse_choice,
    parse_count,
    parse_date,
    parse_text,
    parse_yes_no,
    validation_message,
)
from branches.records.excel import MAX_ROWS, SPREADSHEETS, not_a_spreadsheet, upload_check
from branches.records.import_template import import_template
from branches.records.reader import Column, Sheet, header_key, table_read
from branches.text import clean_text


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    reason: str


MAX_PROBLEMS_SHOWN = 300
GROUP_ROWS_SHOWN = 60
PREVIEW_KEPT_SECONDS = 60 * 60


@dataclass
class ProblemGroup:
    """Every problem of one column with the same reason: how many, and the first rows."""

    column: str
    reason: str
    count: int = 0
    rows: list[int] = field(default_factory=list)

    @property
    def rows_text(self) -> str:
        """The rows, runs written as «2–40»: «2–40, 45, 47–50»."""
        return compact_rows(self.rows)


def compact_rows(rows: list[int]) -> str:
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


SAMPLE_ROWS = 10


@dataclass
class Preview:
    problems: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS_SHOWN
    new: list[Any] = field(default_factory=list)  # unsaved objects, one per row to import
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    rows: int = 0
    problem_count: int = 0
    groups: dict[tuple[str, str], ProblemGroup] = field(default_factory=dict)
    sheet: str = ""  # the sheet the table was read from
    ignored: list[str] = field(default_factory=list)  # headers of columns not imported
    unheaded: list[str] = field(default_factory=list)  # columns with values but no header
    mappable: list[tuple[str, str]] = field(default_factory=list)  # (key, name) not found
    totals: list[int] = field(default_factory=list)  # totals rows skipped
    sample: list[dict[str, str]] = field(default_factory=list)  # the first rows, as parsed
    sample_columns: list[str] = field(default_factory=list)
    refused: dict[int, dict[str, Any]] = field(default_factory=dict)  # row: its cells
    columns: list[tuple[str, str]] = field(default_factory=list)  # (key, header) as read
    source: str = ""  # what the rows were read from, when not a spreadsheet's table
    facts: dict[str, Any] = field(default_factory=dict)  # what the source says beside its rows

    @property
    def refused_count(self) -> int:
        return len(self.refused)

    @property
    def skipped_already(self) -> int:
        return len(self.skipped)

    @property
    def ok(self) -> bool:
        return not self.problem_count

    def add_problems(self, problems: list[Problem], values: dict[str, Any] | None = None) -> None:
        """Count every problem and group it; keep the details of the first few hundred (a file
        of 10 000 bad rows has 130 000 problems, far more than a page should list). The row's
        cells are kept for the file of refused rows."""
        for problem in problems:
            if values is not None:
                row = self.refused.setdefault(problem.row, dict(values))
                row.setdefault("__problems__", []).append(f"{problem.column}: {problem.reason}")
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

    def upload_fields(self) -> dict[str, Any]:
        """Form fields asked beside the file (their cleaned values reach `sheet_read` as
        `options`); none by default."""
        return {}

    def sheet_read(
        self, stream, kind: str, options: dict[str, Any], mapping: dict[str, str] | None = None
    ) -> Sheet:
        """The rows of the uploaded file: a spreadsheet's table (override to read other
        sources, such as a platform's export, into the same rows)."""
        if kind not in SPREADSHEETS:
            raise ValidationError(not_a_spreadsheet())
        return table_read(
            stream, kind=kind, columns=self.columns, max_rows=MAX_ROWS, mapping=mapping
        )

    def rows_for_editing(self, preview: Preview) -> list[list[Any]] | None:
        """The rows the preview would add, headers first, as the template reads them (to be
        changed and uploaded instead); None where the kind of list does not offer it."""
        return None

    def template_rows(self) -> list[list[Any]]:
        """The rows under the headers of the template's first sheet (the example is on the
        instructions sheet, which is never imported)."""
        return []

    def template_choices(self) -> dict[str, list[str]]:
        """Per column, the values a template's drop-down list offers (the user's own)."""
        return {}

    def header(self, key: str) -> str:
        """The column's name in the user's language."""
        return next(c.name for c in self.columns if c.key == key)

    def sample(self, record: Any) -> dict[str, str]:
        """A record as the preview's first rows show it (override per kind)."""
        return {"": str(record)}


def batch_upload(
    *, importer: Importer, upload: UploadedFile, options: dict[str, Any] | None = None
) -> tuple[ImportBatch, Preview]:
    """Check an uploaded file (refusing a bad one before parsing), keep it, list its problems."""
    options = options or {}
    kind = upload_check(upload, size=upload.size)
    preview = _check(importer, upload, kind, options)
    batch = ImportBatch(
        kind=importer.kind,
        created_by=importer.user,
        original_name=clean_text(upload.name or "")[:255],
        rows=preview.rows,
        options=options,
    )
    upload.seek(0)
    batch.file.save(f"{batch.pk}.{kind}", upload, save=False)
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
        kind = upload_check(stored, size=batch.file.size)
        return _check(importer, stored, kind, batch.options, batch.column_map)


def _preview_key(batch: ImportBatch) -> str:
    return f"import-preview:{batch.pk}"


def _preview_keep(batch: ImportBatch, preview: Preview) -> None:
    cache.set(_preview_key(batch), preview, PREVIEW_KEPT_SECONDS)


def batch_map(*, importer: Importer, batch: ImportBatch, mapping: dict[str, str]) -> Preview:
    """Import the columns the reader did not know as the fields the user chose
    ({header: column key}; an empty key leaves a column out), and check the file again."""
    keys = {c.key for c in importer.columns}
    chosen = {header_key(h): k for h, k in mapping.items() if k in keys}
    if len(set(chosen.values())) < len(chosen):
        raise ValidationError(_("Each field can be chosen for one column only."))
    batch.column_map = chosen
    preview = _batch_check(importer, batch)
    batch.save(update_fields=["column_map"])
    _preview_keep(batch, preview)
    return preview


def batch_confirm(*, importer: Importer, batch: ImportBatch, valid_only: bool = False) -> Preview:
    """Check the stored file again (records may have changed) and write all of it, or nothing;
    with `valid_only`, every row without a problem (all of them, or none), the refused rows
    left for the user to fix and upload again."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status == ImportBatch.Status.IMPORTED:
            return Preview(rows=batch.rows)
        preview = _batch_check(importer, batch)
        if not preview.ok and not (valid_only and preview.new):
            _preview_keep(batch, preview)
            return preview
        importer.write(preview, batch)
        batch.status = ImportBatch.Status.IMPORTED
        batch.imported = len(preview.new)
        batch.skipped = len(preview.skipped)
        batch.imported_at = timezone.now()
        batch.save()
    return preview


def _check(
    importer: Importer,
    stream,
    kind: str,
    options: dict[str, Any] | None = None,
    mapping: dict[str, str] | None = None,
) -> Preview:
    sheet = importer.sheet_read(stream, kind, options or {}, mapping)
    preview = importer.check(sheet)
    preview.source, preview.facts = sheet.source, sheet.facts
    preview.rows = len(sheet.rows)
    preview.sheet = sheet.name
    preview.ignored = sheet.ignored
    preview.unheaded = sheet.unheaded
    preview.mappable = [(c.key, c.name) for c in importer.columns if c.key not in sheet.positions]
    preview.totals = sheet.totals
    preview.columns = [(c.key, c.name) for c in importer.columns if c.key in sheet.positions]
    preview.sample = [importer.sample(record) for record in preview.new[:SAMPLE_ROWS]]
    preview.sample_columns = list(preview.sample[0]) if preview.sample else []
    return preview


def refused_rows(preview: Preview) -> list[list[Any]]:
    """The refused rows as they were read, with a last column that says what is wrong."""
    keys = [key for key, _header in preview.columns]
    rows: list[list[Any]] = [
        [_("Row"), *[header for _key, header in preview.columns], _("Problem")]
    ]
    for number, values in sorted(preview.refused.items()):
        problems = "; ".join(values.get("__problems__", []))
        rows.append([number, *[values.get(key) for key in keys], problems])
    return rows


__all__ = [
    "CellError",
    "Importer",
    "Preview",
    "Problem",
    "batch_confirm",
    "batch_map",
    "batch_preview",
    "batch_upload",
    "import_template",
    "parse_choice",
    "parse_count",
    "parse_date",
    "parse_text",
    "parse_yes_no",
    "refused_rows",
    "validation_message",
]
