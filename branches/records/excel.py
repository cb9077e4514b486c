"""Excel files in and out, safely.

In: a .xls, .ods or .csv of at most 10 MB (the .ods's cells counted as they stream by), or a
real .xlsx of at most 10 MB, whose ZIP directory promises at most 100 MB unpacked
in at most 1 000 entries (the shared strings at most 20 MB, each sheet at most 60 MB), is
read (by `reader.table_read`), and at most 10 000 rows. Before it is
parsed, a streaming count stops at the first shared string, row or cell past the limits, so a
small file that unpacks to millions of strings is refused in well under a second instead of
filling a worker's memory. A renamed PDF, an encrypted workbook or a zip bomb is refused before
parsing, with a message that says so.

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
from datetime import date, datetime
from typing import IO, Any

import openpyxl
from defusedxml import ElementTree as DefusedET
from defusedxml.common import DefusedXmlException
from django.core.exceptions import BadRequest, ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell

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


def upload_check(upload: IO[bytes], *, size: int) -> str:
    """Refuse anything but a spreadsheet within the limits, before it is parsed; say which
    kind it is: "xlsx", "xls", "ods" or "csv"."""
    if size == 0:
        raise ValidationError(_("The file is empty. Upload the .xlsx template filled in."))
    if size > MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Split it into smaller files.")
            % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _zip_check(upload)
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an old Excel .xls (OLE2)
        return "xls"
    sample = upload.read(4096)
    upload.seek(0)
    if not head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8")) and b"\x00" not in sample:
        start = sample.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        return {b"{": "json", b"[": "json", b"<": "xml"}.get(start, "csv")
    raise ValidationError(not_a_spreadsheet())


# The kinds of file `table_read` reads; "zip", "json" and "xml" are for importers that read
# other sources (`Importer.sheet_read`).
SPREADSHEETS = ("xlsx", "xls", "ods", "csv")


def not_a_spreadsheet() -> str:
    return _("This is not a spreadsheet. Upload an .xlsx, .xls, .ods or .csv file.")


def xlsx_check(upload: IO[bytes], *, size: int) -> None:
    """Refuse anything but a plain .xlsx within the limits, before any XML is parsed."""
    if upload_check(upload, size=size) != "xlsx":
        raise ValidationError(not_a_spreadsheet())


def _zip_check(upload: IO[bytes]) -> str:
    not_xlsx = ValidationError(not_a_spreadsheet())
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        raise not_xlsx from None
    too_much = ValidationError(_("The file unpacks to far more data than a list can hold."))
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise too_much
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        content = next((e for e in entries if e.filename == "content.xml"), None)
        if content is None or content.file_size > MAX_SHEET_BYTES:
            raise too_much if content else not_xlsx
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            _ods_count_check(archive)
        upload.seek(0)
        return "ods"
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return "zip"  # no workbook: an archive (a platform's export folder, say)
    if "xl/vbaProject.bin" in names:
        raise ValidationError(_("Workbooks with macros are not accepted. Save it as .xlsx."))
    for entry in entries:
        if entry.filename == "xl/sharedStrings.xml" and entry.file_size > MAX_SHARED_STRINGS_BYTES:
            raise too_much
        if entry.filename.startswith("xl/worksheets/") and entry.file_size > MAX_SHEET_BYTES:
            raise too_much
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        _xml_count_check(archive, names)
    upload.seek(0)
    return "xlsx"


def _ods_count_check(archive: zipfile.ZipFile) -> None:
    """Rows and cells of an .ods, repeats counted, stopping at the first past the limits (a
    row "repeated" a million times is a few bytes)."""
    too_many = ValidationError(_("The file unpacks to far more data than a list can hold."))
    cells = 0
    row_repeat = 1
    row_at = column_at = 0  # where the next row and cell start
    try:
        with archive.open("content.xml") as stream:
            for _event, element in DefusedET.iterparse(stream, events=("start",)):
                tag = element.tag.rpartition("}")[2]
                if tag not in ("table-row", "table-cell"):
                    continue
                repeat = next((v for k, v in element.attrib.items() if k.endswith("repeated")), "1")
                count = int(repeat) if repeat.isdigit() else 1
                if tag == "table-row":
                    row_at += row_repeat
                    row_repeat, column_at = count, 0
                    continue
                if any(k.endswith("value-type") for k in element.attrib):
                    # Only cells with a value count: empty ones repeated to the sheet's edge
                    # are how .ods pads a sheet.
                    cells += count * row_repeat
                    if (
                        cells > MAX_CELLS
                        or column_at + count > MAX_COLUMN
                        or row_at + row_repeat > MAX_SHEET_ROWS
                    ):
                        raise too_many
                column_at += count
    except (ET.ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, EOFError):
        raise ValidationError(_("The file could not be read as a spreadsheet.")) from None


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
                    if tag == "c" and len(element) and _beyond(element.get("r", "")):
                        raise error
                    element.clear()
    except (ET.ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, EOFError):
        raise ValidationError(_("The file could not be read as an Excel workbook.")) from None


MAX_COLUMN = 500
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _beyond(ref: str) -> bool:
    """Whether a cell with a value lies past the rows and columns a list can use: two values at
    A1 and XFD20000 would make the reader lay out 300 million cells."""
    match = _CELL_REF.match(ref)
    if not match:
        return False
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return column > MAX_COLUMN or int(match.group(2)) > MAX_SHEET_ROWS


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
