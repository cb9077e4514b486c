"""Two-phase Excel imports: upload → every problem listed (row, column, value, reason) → confirm,
which writes every row or none. An `Importer` says what differs per kind of list."""

from __future__ import annotations

import functools
import io
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import openpyxl
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from branches.models import ImportBatch
from branches.records.excel import (
    MAX_ROWS,
    SPREADSHEETS,
    not_a_spreadsheet,
    upload_check,
    xlsx_safe,
)
from branches.records.reader import Column, Sheet, table_read
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

    def sheet_read(self, stream, kind: str, options: dict[str, Any]) -> Sheet:
        """The rows of the uploaded file: a spreadsheet's table (override to read other
        sources, such as a platform's export, into the same rows)."""
        if kind not in SPREADSHEETS:
            raise ValidationError(not_a_spreadsheet())
        return table_read(stream, kind=kind, columns=self.columns, max_rows=MAX_ROWS)

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
        return _check(importer, stored, kind, batch.options)


def _preview_key(batch: ImportBatch) -> str:
    return f"import-preview:{batch.pk}"


def _preview_keep(batch: ImportBatch, preview: Preview) -> None:
    cache.set(_preview_key(batch), preview, PREVIEW_KEPT_SECONDS)


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


def _check(importer: Importer, stream, kind: str, options: dict[str, Any]) -> Preview:
    sheet = importer.sheet_read(stream, kind, options)
    preview = importer.check(sheet)
    preview.source, preview.facts = sheet.source, sheet.facts
    preview.rows = len(sheet.rows)
    preview.sheet = sheet.name
    preview.ignored = sheet.ignored
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


TEMPLATE_LIST_ROWS = 1000


def import_template(*, importer: Importer) -> bytes:
    """The template: headers in the user's language over an empty list (or the current one),
    drop-down lists of the user's own resources, units and choices, and a second sheet with
    the instructions and an example, which the import never reads."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("List")
    sheet.append([column.name for column in importer.columns])
    for row in importer.template_rows():
        sheet.append([xlsx_safe(value) for value in row])
    for index, column in enumerate(importer.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.name) + 4))
    choices = importer.template_choices()
    if choices:
        lists = workbook.create_sheet("Lists")
        lists.sheet_state = "hidden"
        keys = [c.key for c in importer.columns]
        for list_index, (key, values) in enumerate(choices.items(), start=1):
            if key not in keys or not values:
                continue
            list_letter = get_column_letter(list_index)
            for row, value in enumerate(values, start=1):
                lists.cell(row=row, column=list_index, value=xlsx_safe(str(value)))
            validation = DataValidation(
                type="list",
                formula1=f"=Lists!${list_letter}$1:${list_letter}${len(values)}",
                allow_blank=True,
                showErrorMessage=False,  # a name typed another way is still matched on import
            )
            target = get_column_letter(keys.index(key) + 1)
            validation.add(f"{target}2:{target}{TEMPLATE_LIST_ROWS + 1}")
            sheet.add_data_validation(validation)
    instructions = workbook.create_sheet(_("Instructions"))
    for line in TEMPLATE_INSTRUCTIONS:
        instructions.append([str(line)])
    instructions.append([])
    instructions.append([str(_("Example (not imported):"))])
    instructions.append([column.name for column in importer.columns])
    if importer.template_example:
        instructions.append([xlsx_safe(value) for value in importer.template_example])
    instructions.column_dimensions["A"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TEMPLATE_INSTRUCTIONS = (
    gettext_lazy("Fill in the first sheet, one row per record; this sheet is never imported."),
    gettext_lazy(
        "Columns marked as required in the portal must be filled in; pick a resource and a "
        "unit from the drop-down list (names typed another way are matched too)."
    ),
    gettext_lazy(
        "Dates: 01.09.2024, 1 қыркүйек 2024, 1 сентября 2024 or an Excel date; the day comes first."
    ),
    gettext_lazy("Numbers: 1200, 1 200 or 1,2 мың; leave a cell empty or write «-» if unknown."),
    gettext_lazy(
        "Addresses: paste them as they are; www., m., tracking parameters and a final «/» do "
        "not make a post new."
    ),
    gettext_lazy(".xlsx, .xls, .ods and .csv are accepted; rows already recorded are skipped."),
)


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


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
EARLIEST = date(2000, 1, 1)
# Day first, as Kazakhstan writes dates: «3/12/2024» is 3 December.
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")


def parse_date(value: Any) -> date:
    """A date from an Excel date or datetime, a serial number (also typed as text), or text:
    d.m.yyyy, d.m.yy, d/m/yyyy (day first), ISO, with or without a time, and Kazakh, Russian
    or English month names. Before 2000 is refused: such a date is a typing slip."""
    parsed = _date(value)
    if parsed < EARLIEST:
        raise CellError(
            _("The date %(date)s is before 2000: check the year.")
            % {"date": parsed.strftime("%d.%m.%Y")}
        )
    return parsed


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value)
    text = clean_text(str(value or ""))
    if not text:
        raise CellError(_("This cell must be filled in."))
    if _SERIAL.match(text):
        return _serial(float(text.replace(",", ".")))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    parsed = _dateparser(text)
    if parsed is None:
        raise CellError(
            _("This date was not understood; write it as 01.09.2024 or 1 қыркүйек 2024.")
        )
    return parsed


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import: only when a date is not in a plain form

    if re.fullmatch(r"[\d\s./-]+", text) and len(re.findall(r"\d+", text)) == 3:
        day, month, _year = (int(p) for p in re.findall(r"\d+", text))
        if month > 12 or day > 31 or not (month >= 1 and day >= 1):
            return None
    parsed = dateparser.parse(text, languages=["kk", "ru", "en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def _serial(value: float) -> date:
    if 1 <= value < 2958466:  # Excel's serial day numbers, 1900-based
        return EXCEL_EPOCH + timedelta(days=int(value))
    raise CellError(_("Not a date."))


EMPTY_MARKS = {"-", "—", "–", "−", "n/a", "н/д", "нет данных"}
_MULTIPLIERS = {
    "k": 1_000,
    "к": 1_000,
    "мың": 1_000,
    "мын": 1_000,
    "тыс": 1_000,
    "тыс.": 1_000,
    "m": 1_000_000,
    "млн": 1_000_000,
    "млн.": 1_000_000,
}
_NUMBER_WITH_UNIT = re.compile(r"^([\d.,]+)\s*([^\d\s]+)?$")


def parse_count(value: Any) -> int | None:
    """A whole number, 0 or more: «12 345», «1,2 мың», «1.2K»; empty, «-» or «—» is None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = clean_text(value)
        if not text or text.casefold() in EMPTY_MARKS:
            return None
    if isinstance(value, bool):
        raise CellError(_("Not a whole number."))
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).casefold()
        match = _NUMBER_WITH_UNIT.match(text)
        multiplier = 1
        if match and match.group(2):
            multiplier = _MULTIPLIERS.get(match.group(2), 0)
            text = match.group(1)
        if not match or not multiplier:
            raise CellError(_("Not a whole number."))
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) and multiplier == 1:
            text = re.sub(r"[.,]", "", text)  # «1,200» or «1.200»: thousands
        try:
            number = Decimal(text.replace(",", ".")) * multiplier
        except InvalidOperation:
            raise CellError(_("Not a whole number.")) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(_("Not a whole number."))
    if number < 0:
        raise CellError(_("Cannot be negative."))
    if number > MAX_INTEGER:
        raise CellError(_("The number is too large."))
    return int(number)


YES = {"иә", "ия", "иа", "да", "д", "yes", "y", "1", "true", "+", "ok", "✓", "✔", "x", "х", "v"}
NO = {"жоқ", "жок", "нет", "н", "no", "n", "0", "false", "-", "—", "–", ""}


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
    text = clean_text(str(value or "")).casefold().strip(" .")
    if not text or text in EMPTY_MARKS:
        return default
    lookup = _choice_lookup(choices_class)
    if text in lookup:
        return lookup[text]
    # An abbreviation: «қаз», «рус», «құқ» — the start of exactly one label.
    starts = {code for label, code in lookup.items() if len(text) >= 3 and label.startswith(text)}
    if len(starts) == 1:
        return starts.pop()
    labels = ", ".join(f"«{label}»" for _code, label in choices_class.choices)
    raise CellError(_("Not one of: %(options)s.") % {"options": labels})


# Labels the catalogues used before the vocabulary was made one (issue 16): files filled in
# with them still import.
FORMER_LABELS = {
    "каз": "kk",
    "казахский": "kk",
    "қазақ": "kk",
    "қазақ тілі": "kk",
    "қазақ тілінде": "kk",
    "kaz": "kk",
    "орыс": "ru",
    "орыс тілі": "ru",
    "орыс тілінде": "ru",
    "рус": "ru",
    "русский": "ru",
    "rus": "ru",
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
