"""The report's content drawn as an HTML page, a PDF (WeasyPrint), a Word file (python-docx)
and Excel tables (one sheet per section)."""

from __future__ import annotations

import base64
import io
import logging
import mimetypes
import re
from decimal import Decimal

import cairosvg
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from branches.records.excel import SHEET_NAME_FORBIDDEN, xlsx_safe

logger = logging.getLogger(__name__)

NUMERIC = re.compile(r"[\d\s\u00a0,.%–-]*")
NUMBER = re.compile(r"-?\d[\d\s\u00a0]*(,\d+)?")
PERCENT = re.compile(r"(-?\d[\d\s\u00a0]*(,\d+)?)\s?%")
DOCUMENT_FONT = "Times New Roman"

# The PDF is rendered as if served from here; only its static files are ever fetched.
PDF_BASE_URL = "https://report.invalid/"


class StaticFilesOnly(URLFetcher):
    """WeasyPrint may read the app's own static files and data: URIs, and nothing else:
    an address in the data (file:///etc/passwd, http://127.0.0.1:5432/) is never fetched."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=["data", "https"], allow_redirects=False, timeout=2)
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        static = f"{PDF_BASE_URL}{settings.STATIC_URL.lstrip('/')}"
        if url.startswith(static):
            path = finders.find(url[len(static) :].split("?")[0])
            if path:
                with open(path, "rb") as file:
                    body = file.read()
                mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime})
        self.refused.append(url)
        logger.warning("PDF: refused to fetch %s", url)
        raise ValueError(f"Refused: {url}")


def presentable(report: dict, *, kind: str | None = None) -> dict:
    """The report with its texts cut into paragraphs and its signature worded by who issues
    it: `kind` «own» (the region's chairman; the default) or «assessment» (the central
    committee's press service, as the source document is signed)."""
    kk = report["language"] == "kk"
    kind = kind or report.get("kind") or "own"
    for section in report["sections"]:
        section["paragraphs"] = _paragraphs(section["text"])
        for table in section["tables"]:
            table["numeric"] = [
                all(NUMERIC.fullmatch(str(row[i])) for row in table["rows"])
                for i in range(len(table["headers"]))
            ]
    report["commentary_paragraphs"] = _paragraphs(report.get("commentary") or "")
    if kind == "assessment":
        report["signature_body"] = report.get("central") or report["region"]
        report["signature_role"] = ""
        report["signature_name"] = ""
    else:
        report.setdefault("signature_body", report["region"])
        report["signature_role"] = "Төраға" if kk else "Председатель"
        report["signature_name"] = report.get("chairman") or ""
    return report


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n|\r\n\s*\r\n", text) if part.strip()]


def render_pdf(
    report: dict, *, fetcher: StaticFilesOnly | None = None, kind: str | None = None
) -> bytes:
    html = render_to_string("reports/report_pdf.html", {"report": presentable(report, kind=kind)})
    return pdf_from_html(html, fetcher=fetcher)


def pdf_from_html(html: str, *, fetcher: StaticFilesOnly | None = None) -> bytes:
    fetcher = fetcher or StaticFilesOnly()
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).write_pdf()


def chart_png(uri: str) -> bytes:
    """A chart's SVG data URI drawn as PNG, for Word."""
    svg = base64.b64decode(uri.split(",", 1)[1])
    return cairosvg.svg2png(bytestring=svg, output_width=1440)


def _cell_number(value):
    """«12 345» → 12345, «2,5 %» → 0.025, «3,0» → 3.0; anything else as it is."""
    text = str(value).strip()
    match = PERCENT.fullmatch(text)
    if match:
        return float(Decimal(re.sub(r"[\s\u00a0]", "", match[1]).replace(",", ".")) / 100), "0.0%"
    if NUMBER.fullmatch(text) and not re.fullmatch(r"(19|20)\d\d", text):
        number = Decimal(re.sub(r"[\s\u00a0]", "", text).replace(",", "."))
        if number == number.to_integral_value() and "," not in text:
            return int(number), "#,##0"
        return float(number), "#,##0.0"
    return value, None


def _docx_styles(document) -> None:
    for name, size in (("Normal", 13), ("Title", 14), ("Heading 1", 14), ("Heading 2", 13)):
        style = document.styles[name]
        style.font.name = DOCUMENT_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), DOCUMENT_FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
        if name != "Normal":
            style.font.bold = True
            style.paragraph_format.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if name == "Title" else None
            )
    title = document.styles["Title"]
    title.paragraph_format.space_after = Pt(6)
    # The Title style draws a blue rule under itself; an office document has none.
    borders = title.element.find(qn("w:pPr"))
    if borders is not None:
        for element in borders.findall(qn("w:pBdr")):
            borders.remove(element)


def _page_number(paragraph) -> None:
    """A PAGE field: Word and LibreOffice fill in the page's number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                       ("end", None)):  # fmt: skip
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def render_docx(report: dict, *, kind: str | None = None) -> bytes:
    """The same content for staff who edit in Word: a title, numbered headings, paragraphs,
    tables with numbers to the right, the charts as pictures, page numbers, the signature."""
    report = presentable(report, kind=kind)
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    _docx_styles(document)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    document.add_paragraph(report["title"], style="Title")
    period = document.add_paragraph(report["period"])
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.get("number"):
        number = document.add_paragraph(f"№ {report['number']}, {report['issued_on']}")
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for index, part in enumerate(report["sections"], start=1):
        document.add_heading(f"{index}. {part['title']}", level=1)
        for text in part["paragraphs"]:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.25)
        for item in part["items"]:
            paragraph = document.add_paragraph(item["text"], style="List Number")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if part.get("chart"):
            document.add_picture(io.BytesIO(chart_png(part["chart"])), width=Cm(16))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for table in part["tables"]:
            _docx_table(document, table)
    for text in report["commentary_paragraphs"]:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    signature = document.add_paragraph()
    signature.paragraph_format.space_before = Pt(24)
    signature.add_run(report["signature_body"]).bold = True
    if report.get("signature_name"):
        document.add_paragraph(f"{report['signature_role']} ____________________ "
                               f"{report['signature_name']}")  # fmt: skip
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, table: dict) -> None:
    footer = [table["footer"]] if table.get("footer") else []
    rows = [table["headers"], *table["rows"], *footer]
    numeric = table.get("numeric") or [False] * len(table["headers"])
    grid = document.add_table(rows=len(rows), cols=len(table["headers"]))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    # The header row repeats on every page the table crosses.
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    widths = _column_widths(table, total_cm=16.5)
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = Cm(width)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.width = Cm(widths[c])
            cell.text = str(value)
            for paragraph in cell.paragraphs:
                if numeric[c] and r > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif r == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.size = Pt(11)
                    run.bold = r == 0 or bool(footer and r == len(rows) - 1)
    if table.get("note"):
        note = document.add_paragraph(table["note"])
        note.paragraph_format.space_before = Pt(3)
        for run in note.runs:
            run.font.size = Pt(10)


def _column_widths(table: dict, *, total_cm: float) -> list[float]:
    """Columns as wide as their text needs, never narrower than their longest word (a header
    word never breaks), the rest shared by length."""
    columns = list(zip(table["headers"], *table["rows"], strict=False))
    floor, need = [], []
    for column in columns:
        longest_word = max(len(word) for value in column for word in str(value).split() or [""])
        floor.append(min(longest_word, 30) * 0.24 + 0.5)
        need.append(max(min(max(len(str(v)) for v in column), 45), 4) + 2)
    spare = max(total_cm - sum(floor), 0)
    whole = sum(need) or 1
    return [low + spare * n / whole for low, n in zip(floor, need, strict=True)]


def render_xlsx(report: dict) -> bytes:
    """Every table of the report on its own sheet: a title and period row, bold frozen headers,
    numbers stored as numbers with their formats (# ##0, 0,0 %), widths that fit."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for index, section in enumerate(report["sections"], start=1):
        for number, table in enumerate(section["tables"], start=1):
            suffix = f".{number}" if len(section["tables"]) > 1 else ""
            name = SHEET_NAME_FORBIDDEN.sub(" ", f"{index}{suffix}. {section['title']}")[:31]
            while name in used:
                name = name[:29] + f"~{len(used)}"
            used.add(name)
            _xlsx_table(workbook.create_sheet(title=name), report, section, table)
    if not workbook.worksheets:
        workbook.create_sheet(title=report["title"][:31])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_table(sheet, report: dict, section: dict, table: dict) -> None:
    sheet.append([xlsx_safe(f"{report['title']}. {section['title']}")])
    sheet.append([xlsx_safe(report["period"])])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([])
    sheet.append([xlsx_safe(str(h)) for h in table["headers"]])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    footer = [table["footer"]] if table.get("footer") else []
    for values in [*table["rows"], *footer]:
        cells = []
        formats = []
        for value in values:
            number, fmt = _cell_number(value)
            cells.append(number if fmt else xlsx_safe(str(value)))
            formats.append(fmt)
        sheet.append(cells)
        for cell, fmt in zip(sheet[sheet.max_row], formats, strict=False):
            if fmt:
                cell.number_format = fmt
    if footer:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    if table.get("note"):
        sheet.append([])
        sheet.append([xlsx_safe(table["note"])])
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for column in range(1, len(table["headers"]) + 1):
        values = [table["headers"][column - 1], *[row[column - 1] for row in table["rows"]]]
        longest = max(len(str(value)) for value in values)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(10, longest + 2), 70)
