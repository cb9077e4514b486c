"""The report's content drawn as an HTML page, a PDF (WeasyPrint), a Word file (python-docx)
and Excel tables (one sheet per section)."""

from __future__ import annotations

import io
import logging
import mimetypes
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from branches.records.excel import xlsx_bytes_sheets

logger = logging.getLogger(__name__)

NUMERIC = re.compile(r"[\d\s\u00a0,.%–-]*")

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


def presentable(report: dict) -> dict:
    """The report with its texts cut into paragraphs and its signature worded."""
    kk = report["language"] == "kk"
    for section in report["sections"]:
        section["paragraphs"] = _paragraphs(section["text"])
        for table in section["tables"]:
            table["numeric"] = [
                all(NUMERIC.fullmatch(str(row[i])) for row in table["rows"])
                for i in range(len(table["headers"]))
            ]
    report["commentary_paragraphs"] = _paragraphs(report.get("commentary") or "")
    report.setdefault("signature_body", report["region"])
    report["signature_role"] = "Төраға" if kk else "Председатель"
    return report


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n|\r\n\s*\r\n", text) if part.strip()]


def render_pdf(report: dict, *, fetcher: StaticFilesOnly | None = None) -> bytes:
    html = render_to_string("reports/report_pdf.html", {"report": presentable(report)})
    return pdf_from_html(html, fetcher=fetcher)


def pdf_from_html(html: str, *, fetcher: StaticFilesOnly | None = None) -> bytes:
    fetcher = fetcher or StaticFilesOnly()
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).write_pdf()


def render_docx(report: dict) -> bytes:
    """The same content for staff who edit in Word: headings, paragraphs, tables, signature."""
    report = presentable(report)
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(report["title"])
    run.bold = True
    run.font.size = Pt(14)
    period = document.add_paragraph(report["period"])
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.get("number"):
        number = document.add_paragraph(f"№ {report['number']}, {report['issued_on']}")
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for index, part in enumerate(report["sections"], start=1):
        document.add_heading(f"{index}. {part['title']}", level=2)
        for text in part["paragraphs"]:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.25)
        for item in part["items"]:
            document.add_paragraph(item["text"], style="List Number")
        for table in part["tables"]:
            _docx_table(document, table)
    for text in report["commentary_paragraphs"]:
        document.add_paragraph(text)
    signature = document.add_paragraph()
    signature.paragraph_format.space_before = Pt(24)
    signature.add_run(report["signature_body"]).bold = True
    if report.get("chairman"):
        document.add_paragraph(f"{report['signature_role']} ____________________ "
                               f"{report['chairman']}")  # fmt: skip
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, table: dict) -> None:
    rows = [table["headers"], *table["rows"], *([table["footer"]] if table.get("footer") else [])]
    grid = document.add_table(rows=len(rows), cols=len(table["headers"]))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = str(value)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(10)
                    run.bold = r == 0 or (table.get("footer") and r == len(rows) - 1)
    document.add_paragraph()


def render_xlsx(report: dict) -> bytes:
    """Every table of the report, one sheet per section (sections without tables are left out)."""
    sheets = []
    for index, section in enumerate(report["sections"], start=1):
        rows: list[list] = []
        for table in section["tables"]:
            if rows:
                rows.append([])
            rows += [table["headers"], *table["rows"]]
            if table.get("footer"):
                rows.append(table["footer"])
        if rows:
            sheets.append((f"{index}. {section['title']}", rows))
    return xlsx_bytes_sheets(sheets)
