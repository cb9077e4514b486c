"""Excel files in and out, safely.

In: only a real .xlsx of at most 10 MB, whose ZIP directory promises at most 100 MB unpacked
in at most 1 000 entries (the shared strings at most 20 MB, each sheet at most 60 MB), is
opened (read-only, cached values, no external links), and at most 10 000 rows are read. Before
openpyxl sees it, a streaming count stops at the first shared string, row or cell past the
limits, so a small file that unpacks to millions of strings is refused in well under a second
instead of filling a worker's memory. A renamed PDF, an old .xls, an encrypted workbook or a zip
bomb is refused before parsing, with a message that says so.

Out: a streamed write-only workbook in which text that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) is written as text.
"""

from __future__ import annotations

import io
import re
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

import openpyxl
from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException
from django.core.exceptions import BadRequest, ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell

from branches.text import clean_text

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_ROWS = 10_000
MAX_SHARED_STRINGS_BYTES = 20 * 1024 * 1024
MAX_SHEET_BYTES = 60 * 1024 * 1024
MAX_SHARED_STRINGS = 200_000  # 10 000 rows of 14 columns hold at most 140 000 texts
MAX_SHEET_ROWS = 20_000  # blank and formatted rows count too
MAX_CELLS = 400_000
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def xlsx_check(upload: IO[bytes], *, size: int) -> None:
    """Refuse anything but a plain .xlsx within the limits, before any XML is parsed."""
    if size == 0:
        raise ValidationError(_("The file is empty. Upload the .xlsx template filled in."))
    if size > MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Split it into smaller files.")
            % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    not_xlsx = ValidationError(
        _("This is not an Excel .xlsx file. Upload the .xlsx template (not .xls, .csv or .pdf).")
    )
    if upload.read(4) != b"PK\x03\x04":
        raise not_xlsx
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
    except zipfile.BadZipFile:
        raise not_xlsx from None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise not_xlsx
    if "xl/vbaProject.bin" in names:
        raise ValidationError(_("Workbooks with macros are not accepted. Save it as .xlsx."))
    too_much = ValidationError(_("The file unpacks to far more data than a list can hold."))
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise too_much
    for entry in entries:
        if entry.filename == "xl/sharedStrings.xml" and entry.file_size > MAX_SHARED_STRINGS_BYTES:
            raise too_much
        if entry.filename.startswith("xl/worksheets/") and entry.file_size > MAX_SHEET_BYTES:
            raise too_much
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        _xml_count_check(archive, names)
    upload.seek(0)


def _xml_count_check(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Count shared strings, rows and cells as the XML streams by, and stop at the first past
    the limits (parsing with defusedxml: no entities, no outside references)."""
    too_many = ValidationError(
        _(
            "The file holds more texts or cells than %(rows)s rows of the template can: "
            "copy the rows into a new template and upload that."
        )
        % {"rows": f"{MAX_ROWS:,}".replace(",", " ")}
    )
    limits = {"si": MAX_SHARED_STRINGS}
    if "xl/sharedStrings.xml" in names:
        _count_elements(archive, "xl/sharedStrings.xml", limits, too_many)
    for name in sorted(names):
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _count_elements(archive, name, {"row": MAX_SHEET_ROWS, "c": MAX_CELLS}, too_many)


def _count_elements(
    archive: zipfile.ZipFile, name: str, limits: dict[str, int], error: ValidationError
) -> None:
    counts = dict.fromkeys(limits, 0)
    try:
        with archive.open(name) as stream:
            for _event, element in DefusedET.iterparse(stream, events=("end",)):
                tag = element.tag.rpartition("}")[2]
                if tag in counts:
                    counts[tag] += 1
                    if counts[tag] > limits[tag]:
                        raise error
                    element.clear()
    except (ET.ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, EOFError):
        raise ValidationError(_("The file could not be read as an Excel workbook.")) from None


@dataclass(frozen=True)
class Column:
    """A column of an import: its key, the headers it goes by (any language), required."""

    key: str
    headers: tuple[str, ...]
    required: bool = True


def _header_key(value: Any) -> str:
    return clean_text(str(value)).casefold().rstrip("*: ") if value is not None else ""


@dataclass
class Sheet:
    """The rows of the first sheet, as dicts by column key, with their row numbers."""

    header_row: int
    positions: dict[str, int]
    rows: list[tuple[int, dict[str, Any]]]


def xlsx_read(upload: IO[bytes], *, columns: list[Column], max_rows: int = MAX_ROWS) -> Sheet:
    """Find the header row (within the first 5) by names, then read the rows below it."""
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise ValidationError(_("The file could not be read as an Excel workbook.")) from None
    try:
        worksheet = workbook.worksheets[0]
        lookup = {_header_key(h): column.key for column in columns for h in column.headers}
        rows = worksheet.iter_rows(values_only=True)
        positions: dict[str, int] = {}
        header_row = 0
        for number, row in enumerate(rows, start=1):
            found = {
                lookup[_header_key(v)]: i for i, v in enumerate(row) if _header_key(v) in lookup
            }
            if found:
                positions, header_row = found, number
                break
            if number >= 5:
                break
        missing = [c for c in columns if c.required and c.key not in positions]
        if missing:
            raise ValidationError(
                _("Columns missing: %(missing)s. The expected columns are: %(expected)s.")
                % {
                    "missing": ", ".join(c.headers[0] for c in missing),
                    "expected": ", ".join(c.headers[0] for c in columns),
                }
            )
        data: list[tuple[int, dict[str, Any]]] = []
        for number, row in enumerate(rows, start=header_row + 1):
            values = {key: row[i] if i < len(row) else None for key, i in positions.items()}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
                continue
            if len(data) >= max_rows:
                raise ValidationError(
                    _("The file has more than %(limit)s rows. Split it into smaller files.")
                    % {"limit": f"{max_rows:,}".replace(",", " ")}
                )
            data.append((number, values))
        return Sheet(header_row=header_row, positions=positions, rows=data)
    finally:
        workbook.close()


def xlsx_safe(value: Any) -> Any:
    """A cell value an .xlsx can hold: control characters (other than tab and newlines) go."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    return value


def xlsx_rows(
    rows: Iterable[Any], columns: Iterable[tuple[str, Callable[[Any], Any]]]
) -> Iterator[list[Any]]:
    columns = list(columns)
    yield [str(header) for header, _value in columns]
    for row in rows:
        yield [value(row) for _header, value in columns]


def xlsx_bytes(*, sheet: str, rows: Iterable[list[Any]]) -> bytes:
    """A write-only workbook of one sheet; strings are written as text, never as formulas."""
    return xlsx_bytes_sheets([(sheet, rows)])


SHEET_NAME_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def xlsx_bytes_sheets(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> bytes:
    """A write-only workbook of several sheets (names cut to Excel's 31 characters)."""
    workbook = openpyxl.Workbook(write_only=True)
    for sheet, rows in sheets:
        _xlsx_sheet(workbook, SHEET_NAME_FORBIDDEN.sub(" ", sheet)[:31], rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_sheet(workbook, title: str, rows: Iterable[list[Any]]) -> None:
    worksheet = workbook.create_sheet(title=title)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(worksheet, value=xlsx_safe(value))
            if isinstance(value, str):
                # Text, never a formula: openpyxl would take «=…» for one, and the quote
                # prefix keeps Excel from reading «=…», «+…», «-…», «@…» as one when edited.
                cell.data_type = "s"
                if value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
            elif isinstance(value, date | datetime):
                cell.number_format = "DD.MM.YYYY"
            cells.append(cell)
        worksheet.append(cells)


EXPORT_MAX_ROWS = 100_000


def xlsx_response(*, filename: str, sheet: str, columns, rows) -> FileResponse:
    """An export of at most EXPORT_MAX_ROWS rows, read from the database in chunks and written
    row by row (openpyxl write-only) into a temporary file that is then streamed: memory stays
    bounded however long the list. A longer list is a 400 that asks for a narrower filter."""
    if rows[EXPORT_MAX_ROWS : EXPORT_MAX_ROWS + 1].exists():
        raise BadRequest(
            _("The list has more than %(limit)s rows: narrow the filter and export again.")
            % {"limit": f"{EXPORT_MAX_ROWS:,}".replace(",", " ")}
        )
    workbook = openpyxl.Workbook(write_only=True)
    _xlsx_sheet(
        workbook,
        SHEET_NAME_FORBIDDEN.sub(" ", sheet)[:31],
        xlsx_rows(rows.iterator(chunk_size=2000), columns),
    )
    file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
