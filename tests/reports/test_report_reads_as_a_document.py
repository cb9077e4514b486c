"""The Анықтама as the union's own document: the Russian is Russian (Kazakh only inside
«quoted titles» and addresses), the Word file has its charts and page numbers, the Excel tables
hold numbers, and no text says "No data" in English."""

import io
import re
import zipfile
from datetime import date

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from branches.models import OrgUnit
from monitoring.periods import Period
from reports.models import IssuedReport
from reports.render import render_docx
from reports.services import report_generate

pytestmark = pytest.mark.django_db
BASE = "/reports/abai/2024/{fmt}?as_of=2024-09-01&lang={lang}"
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _outside_quotes_and_addresses(text: str) -> str:
    text = re.sub(r"https?://\S+", " ", text)
    while "«" in text:  # quotes may nest: «… «…» …»
        stripped = re.sub(r"«[^«»]*»", " ", text)
        if stripped == text:
            break
        text = stripped
    return text


def _article(html: str) -> str:
    start = html.index('<article class="report"')
    body = html[start : html.index("</article>", start)]
    return re.sub(r"<[^>]+>", " ", body)


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_russian_page_and_word_file_have_no_kazakh_outside_quoted_titles(
    client, abai_executive
):
    client.force_login(abai_executive)
    page = _article(client.get(BASE.format(fmt="", lang="ru")).content.decode())
    word = _docx_text(client.get(BASE.format(fmt="docx/", lang="ru")).content)
    reader = PdfReader(io.BytesIO(client.get(BASE.format(fmt="pdf/", lang="ru")).content))
    pdf = " ".join((p.extract_text() or "") for p in reader.pages).replace("\n", " ")
    assert "Абайской" in pdf
    for text in (page, word):
        leaks = KAZAKH_ONLY.findall(_outside_quotes_and_addresses(text))
        assert not leaks, [line for line in text.splitlines() if KAZAKH_ONLY.search(
            _outside_quotes_and_addresses(line))][:5]  # fmt: skip
    assert "в Абайской областной организации профсоюза" in page
    assert "«Статистическая отчётность в профсоюзных организациях»" in page
    assert "(на казахском языке)" in page  # a review without its Russian title is marked


def test_the_kazakh_text_reads_as_the_source_writes(client, abai_executive):
    client.force_login(abai_executive)
    page = _article(client.get(BASE.format(fmt="", lang="kk")).content.decode())
    text = " ".join(page.split())
    assert "БАҚ-та аз жарияланады:" in text
    assert "бар-жоғы 261 адамды құрайды" in text
    assert "Алайда, тәжірибе көрсеткендей" in text
    assert "Есепті кезеңде" in text
    assert "шегі" not in text
    assert "тек Facebook алаңын ғана пайдаланады" in text
    assert "Атқару комитетінде қаралған мәселелер" in text


def test_the_word_file_has_the_charts_and_a_page_number(client, abai_executive):
    client.force_login(abai_executive)
    for lang in ("kk", "ru"):
        content = client.get(BASE.format(fmt="docx/", lang=lang)).content
        files = zipfile.ZipFile(io.BytesIO(content))
        assert len([n for n in files.namelist() if n.startswith("word/media/")]) >= 2
        footers = "".join(files.read(n).decode() for n in files.namelist() if "footer" in n)
        assert "PAGE" in footers
        document = Document(io.BytesIO(content))
        assert document.paragraphs[0].style.name == "Title"
        assert not [p for p in document.paragraphs if not p.text.strip() and not p._p.xpath(
            ".//w:drawing")]  # fmt: skip


def test_the_excel_tables_hold_numbers(client, abai_executive):
    client.force_login(abai_executive)
    content = client.get(BASE.format(fmt="xlsx/", lang="kk")).content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    values = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert 25116 in values and 261 in values
    first = workbook.worksheets[0]
    assert "АНЫҚТАМА" in first["A1"].value and "2024" in first["A2"].value
    assert first.freeze_panes and first["A4"].font.bold


def test_no_report_text_says_no_data_in_english(client, abai_executive):
    client.force_login(abai_executive)
    for lang in ("kk", "ru"):
        html = client.get(BASE.format(fmt="", lang=lang)).content.decode()
        assert "No data" not in html
        word = _docx_text(client.get(BASE.format(fmt="docx/", lang=lang)).content)
        assert "No data" not in word


def test_the_source_document_is_kept_as_the_central_press_services_issued_report(
    client, abai_staff
):
    client.force_login(abai_staff)
    issued = IssuedReport.objects.get(number="ABAI-2024-SOURCE")
    page = client.get(f"/reports/issued/{issued.pk}/").content.decode()
    assert "Кәсіподақтың Орталық Комитеті аппаратының баспасөз қызметі" in page
    assert "Төраға" not in _article(page)
    assert "бар-жоғы 261 адамды құрайды" in page
    assert client.get(f"/reports/issued/{issued.pk}/pdf/").status_code == 200


def test_an_assessment_is_signed_by_the_central_press_service_and_an_own_report_by_the_chairman(
    client, abai_executive
):
    client.force_login(abai_executive)
    report = report_generate(region=OrgUnit.objects.get(slug="abai"),
                             period=Period(2024, date(2024, 9, 1)), language="ru")  # fmt: skip
    own = _docx_text(render_docx(dict(report)))
    assert "Председатель ____________________ С. Ибраев" in own
    assessment = _docx_text(render_docx(dict(report), kind="assessment"))
    assert "Пресс-служба аппарата Центрального комитета профсоюза" in assessment
    assert "Председатель" not in assessment
