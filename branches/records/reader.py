"""Reading the table out of whatever file an officer sends: .xlsx, .xls, .ods or .csv.

Every format is checked within its bounds before it is parsed (see `excel.upload_check`), then
read with calamine (or the csv module). The table is looked for on every sheet but the
template's instructions: its header row may be anywhere in the first 20 rows, and may be two
rows (a merged group over sub-headers). Merged body cells are filled down, totals rows skipped
with a note, hyperlink cells and =HYPERLINK() formulas read as their targets. Every header
that matches no column is kept in `Sheet.ignored`, so the preview can say it was not imported.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from charset_normalizer import from_bytes
from defusedxml import ElementTree as DefusedET
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from branches.text import clean_text

HEADER_SEARCH_ROWS = 20
MAX_GRID_ROWS = 20_100
MAX_GRID_COLUMNS = 500
MAX_GRID = 1_500_000
# The template's second sheet (instructions and an example) is never read as data.
INSTRUCTION_SHEETS = ("нұсқаулық", "инструкция", "instructions", "тізімдер")
TOTALS_WORDS = ("барлығы", "жиыны", "жиынтығы", "итого", "всего", "total")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_UNITS = re.compile(r",\s*(дана|шт\.?|саны|кол-во|количество|count|pcs)$")
_HYPERLINK = re.compile(r'^\s*=?\s*HYPERLINK\(\s*"([^"]+)"', re.IGNORECASE)
CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class Column:
    """A column of an import: its key, the headers it goes by (any language), required, the
    name shown to the user (translated), and whether a hyperlink's target is its value."""

    key: str
    headers: tuple[str, ...]
    required: bool = True
    label: Any = ""
    link: bool = False

    @property
    def name(self) -> str:
        return str(self.label) if self.label else str(self.headers[0])


@dataclass
class Sheet:
    """The rows of the sheet the table was found on, as dicts by column key."""

    header_row: int
    positions: dict[str, int]
    rows: list[tuple[int, dict[str, Any]]]
    name: str = ""
    ignored: list[str] = field(default_factory=list)  # headers matched to no column
    unheaded: list[str] = field(default_factory=list)  # columns with values but no header
    totals: list[int] = field(default_factory=list)  # totals rows skipped
    source: str = ""  # what the rows were read from, when not a spreadsheet's table
    facts: dict[str, Any] = field(default_factory=dict)  # what the source says beside its rows


def header_key(value: Any) -> str:
    """A header as compared: case, stars, colons, brackets and units ignored."""
    if value is None:
        return ""
    text = clean_text(str(value)).casefold().replace("ё", "е")
    text = _BRACKETS.sub(" ", text)
    text = _UNITS.sub("", text.strip())
    return re.sub(r"\s+", " ", text.replace("*", " ")).strip(" :.-–—\n")


def header_lookup(columns: Iterable[Column]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in columns:
        names = [h for h in column.headers if isinstance(h, str)]
        lazy = [h for h in column.headers if not isinstance(h, str)]
        if column.label:
            lazy.append(column.label)
        for language in ("kk", "ru", "en"):
            with translation.override(language):
                names += [str(name) for name in lazy]
        for name in names:
            lookup.setdefault(header_key(name), column.key)
    return lookup


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def table_read(
    upload: IO[bytes],
    *,
    kind: str,
    columns: list[Column],
    max_rows: int,
    mapping: dict[str, str] | None = None,
) -> Sheet:
    """The table of the first sheet that has the required columns; `mapping` gives the
    columns a user mapped by hand ({header_key(header): column key})."""
    sheets = _sheets(upload, kind)
    keys = {c.key for c in columns}
    lookup = {**header_lookup(columns)}
    lookup.update({h: k for h, k in (mapping or {}).items() if k in keys})
    best: tuple[int, str, list[Column]] | None = None
    names = []
    for name, grid, links in sheets:
        if header_key(name) in INSTRUCTION_SHEETS:
            continue
        names.append(name)
        found = _find_header(grid, lookup)
        if found is None:
            continue
        header_row, depth, positions, ignored = found
        missing = [c for c in columns if c.required and c.key not in positions]
        if missing:
            if best is None or len(missing) < best[0]:
                best = (len(missing), name, missing)
            continue
        return _body(grid, links, name, header_row, depth, positions, ignored, columns, max_rows)
    where = ", ".join(f"«{n}»" for n in names)
    if best is None:
        raise ValidationError(
            _(
                "No table with the expected columns was found in the first %(rows)s rows of "
                "the sheets read (%(sheets)s). The expected columns are: %(expected)s."
            )
            % {
                "rows": HEADER_SEARCH_ROWS,
                "sheets": where,
                "expected": ", ".join(c.name for c in columns),
            }
        )
    raise ValidationError(
        _(
            "Columns missing on the sheet «%(sheet)s»: %(missing)s. The expected columns are: "
            "%(expected)s."
        )
        % {
            "sheet": best[1],
            "missing": ", ".join(c.name for c in best[2]),
            "expected": ", ".join(c.name for c in columns),
        }
    )


def _find_header(grid: list[list[Any]], lookup: dict[str, str]):
    """(row index, 1 or 2 rows deep, {key: column index}, ignored headers) of the best header
    in the first rows, or None."""
    best = None
    for index in range(min(HEADER_SEARCH_ROWS, len(grid))):
        for depth in (1, 2):
            if index + depth > len(grid):
                continue
            headers = _headers(grid, index, depth)
            positions: dict[str, int] = {}
            ignored: list[str] = []
            for position, text in enumerate(headers):
                key = _match(text, lookup)
                if key and key not in positions:
                    positions[key] = position
                elif text:
                    ignored.append(text)
            if positions and (best is None or len(positions) > len(best[2])):
                best = (index, depth, positions, list(dict.fromkeys(ignored)))
    return best


def _headers(grid: list[list[Any]], index: int, depth: int) -> list[str]:
    """The headers of one row, or of a merged group row over a row of sub-headers (the group's
    name carried right across its merged span, a sub-header winning where there is one)."""
    top = [clean_text(str(v)) if not _blank(v) else "" for v in grid[index]]
    if depth == 1:
        return top
    below = [clean_text(str(v)) if not _blank(v) else "" for v in grid[index + 1]]
    width = max(len(top), len(below))
    top += [""] * (width - len(top))
    below += [""] * (width - len(below))
    return [sub or group for group, sub in zip(top, below, strict=True)]


def _match(text: str, lookup: dict[str, str]) -> str | None:
    if not text:
        return None
    key = header_key(text)
    if key in lookup:
        return lookup[key]
    before_comma = key.split(",")[0].strip()
    return lookup.get(before_comma)


def _body(grid, links, name, header_row, depth, positions, ignored, columns, max_rows) -> Sheet:
    linked = {positions[c.key] for c in columns if c.link and c.key in positions}
    links = links() if linked else {}
    data: list[tuple[int, dict[str, Any]]] = []
    totals: list[int] = []
    first = header_row + depth
    headed = {i for i, text in enumerate(_headers(grid, header_row, depth)) if text}
    unheaded: set[int] = set()  # columns with values but no header: said, never dropped unseen
    for index in range(first, len(grid)):
        row = grid[index]
        unheaded.update(
            i for i, v in enumerate(row) if i not in headed and i not in unheaded and not _blank(v)
        )
        values = {}
        for key, position in positions.items():
            value = row[position] if position < len(row) else None
            if position in linked:
                value = links.get((index, position)) or _formula_target(value) or value
            values[key] = None if _blank(value) else value
        if all(v is None for v in values.values()):
            continue
        if _is_totals(row):
            totals.append(index + 1)
            continue
        if len(data) >= max_rows:
            raise ValidationError(
                _("The file has more than %(limit)s rows. Split it into smaller files.")
                % {"limit": f"{max_rows:,}".replace(",", " ")}
            )
        data.append((index + 1, values))
    return Sheet(
        header_row=header_row + depth,
        positions=positions,
        rows=data,
        name=name,
        ignored=ignored,
        unheaded=[
            _("column %(letter)s (no header)") % {"letter": _letter(p)} for p in sorted(unheaded)
        ],
        totals=totals,
    )


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _formula_target(value: Any) -> str | None:
    if isinstance(value, str):
        match = _HYPERLINK.match(value)
        if match:
            return match.group(1)
    return None


def _is_totals(row: list[Any]) -> bool:
    for value in row[:4]:
        if isinstance(value, str) and value.strip():
            word = clean_text(value).casefold().strip(" :.")
            return word.split(" ")[0] in TOTALS_WORDS
    return False


# Formats


def _sheets(upload: IO[bytes], kind: str) -> list[tuple[str, list[list[Any]], Callable]]:
    """[(sheet name, rows of cells, a function giving {(row, column): hyperlink target})] of a
    checked file (the links are read only for the sheet the table is on)."""
    upload.seek(0)
    if kind == "csv":
        return [("CSV", _csv_rows(upload.read()), dict)]
    content = upload.read()
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        result = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            # Two cells at A1 and XFD20000 pass every count but span 300 million: refused
            # before the grid is made.
            height, width = sheet.height, sheet.width
            if height > MAX_GRID_ROWS or width > MAX_GRID_COLUMNS or height * width > MAX_GRID:
                raise ValidationError(
                    _("The sheet «%(sheet)s» spans far more rows or columns than a list can.")
                    % {"sheet": name}
                )
            grid = sheet.to_python(skip_empty_area=False)
            for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
                _fill_merged(grid, top, left, bottom, right)
            links = functools.partial(_xlsx_links, content, name) if kind == "xlsx" else dict
            result.append((name, grid, links))
        return result
    except (CalamineError, ValueError, TypeError, OSError, zipfile.BadZipFile):
        raise ValidationError(_("The file could not be read as a spreadsheet.")) from None


def _fill_merged(grid, top: int, left: int, bottom: int, right: int) -> None:
    if top >= len(grid) or left >= len(grid[top]):
        return
    value = grid[top][left]
    for r in range(top, min(bottom, len(grid) - 1) + 1):
        for c in range(left, min(right, len(grid[r]) - 1) + 1):
            if _blank(grid[r][c]):
                grid[r][c] = value


def _csv_rows(content: bytes) -> list[list[Any]]:
    text = _decode(content)
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = max(";,\t", key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [list(row) for row in reader]


def _decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), else the encoding the bytes look like (cp1251 from
    Russian Excel, most often)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(content[:200_000], cp_isolation=["cp1251", "cp866", "koi8_r", "utf_16"])
    best = guess.best()
    encoding = best.encoding if best is not None else "cp1251"
    return content.decode(encoding, errors="replace")


def _col_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _xlsx_links(content: bytes, sheet_name: str) -> dict[tuple[int, int], str]:
    """Hyperlink targets of one sheet of a checked .xlsx: its <hyperlink> elements (through the
    sheet's relationships) and its =HYPERLINK("…") formulas."""
    links: dict[tuple[int, int], str] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        path = _sheet_path(archive, names, sheet_name)
        if path is None:
            return links
        with archive.open(path) as stream:
            if not re.search(rb"(?i)hyperlink", stream.read()):
                return links  # most sheets have none: no need to parse the XML again
        rels_path = path.replace("worksheets/", "worksheets/_rels/") + ".rels"
        targets: dict[str, str] = {}
        if rels_path in names:
            for element in DefusedET.fromstring(archive.read(rels_path)):
                if element.get("TargetMode") == "External":
                    targets[element.get("Id", "")] = element.get("Target", "")
        cell_ref = ""
        with archive.open(path) as stream:
            for event, element in DefusedET.iterparse(stream, events=("start", "end")):
                tag = element.tag.rpartition("}")[2]
                if event == "start":
                    if tag == "c":
                        cell_ref = element.get("r", "")
                    continue
                if tag == "f" and element.text and "HYPERLINK" in element.text.upper():
                    match = re.match(r'\s*HYPERLINK\(\s*"([^"]+)"', element.text, re.IGNORECASE)
                    position = _position(cell_ref)
                    if match and position:
                        links[position] = match.group(1)
                elif tag == "hyperlink":
                    rel = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
                    ref = element.get("ref", "").split(":")[0]
                    position = _position(ref)
                    if position and rel in targets:
                        links.setdefault(position, targets[rel])
                elif tag == "row":
                    element.clear()
    return links


def _position(ref: str) -> tuple[int, int] | None:
    match = CELL_REF.match(ref or "")
    if not match:
        return None
    return int(match.group(2)) - 1, _col_index(match.group(1))


def _sheet_path(archive: zipfile.ZipFile, names: set[str], sheet_name: str) -> str | None:
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    rels = {
        element.get("Id"): element.get("Target", "")
        for element in DefusedET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    }
    workbook = DefusedET.fromstring(archive.read("xl/workbook.xml"))
    for element in workbook.iter():
        if element.tag.rpartition("}")[2] == "sheet" and element.get("name") == sheet_name:
            rel = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
            target = rels.get(rel, "").lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    return None
