"""The Анықтама for Abai, 2024 as of 01.09.2024: every figure of the source document, in the
page, the PDF and the Word file; issuing freezes it; a locked year refuses edits."""

import io
import re
import uuid
from datetime import date

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from branches.models import PeriodLock
from publications.models import Publication, Resource
from reports.management.commands.load_abai import SOURCE_NUMBER
from reports.models import IssuedReport, ReportRules
from reports.render import StaticFilesOnly, pdf_from_html
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

URL = "/reports/abai/2024/"
AS_OF = {"as_of": "2024-09-01"}


def _flat(text: str) -> str:
    """Whitespace of any kind (NBSP, line breaks of a PDF) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _html(client, user, params=AS_OF):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return _flat(response.content.decode())


def _pdf_text(content: bytes) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return _flat(" ".join(parts))


def assert_the_documents_figures(text: str) -> None:
    text = text.replace("&quot;", '"').replace("&#x27;", "'")
    for phrase in [
        "404 бастауыш кәсіподақ ұйымын", "25 116 адамды құрайтын", "9 филиалды",
        "2021 жылы – 20, 2022 жылы – 36, 2023 жылы – 46, 2024 жылдың бірінші жартысында – 28",
        "2023 жылдың мамырынан", "261", "1,0 %",
        "барлығы 48 материал", "Облыстық кәсіподақ комитеті – 25", "Қалалық кәсіподақ комитеті – 9",
        "Ақсуат – 1", "Аягөз – 1", "Бесқарағай – 2", "Бородулиха – 3", "Жарма – 2",
        "Көкпекті – 3", "Үржар – 2",
        "барлығы 33 материал", "Облыстық кәсіподақ комитеті – 17",
        "Қалалық кәсіподақ комитеті – 10", "Ақсуат – 2", "Жарма – 1",
        "Облыстық комитеттің тікелей қызметіндегі бастауыш кәсіподақ ұйымдары – 3",
        "парақшалар тек 5 ұйымда ғана бар", "9 филиалының",
        "Абай аудандық кәсіподақ комитеті (Instagram)",
        "Бесқарағай аудандық кәсіподақ комитеті (Facebook, Instagram)",
        "5 әдістемелік материал", "«Кәсіподақ ұйымдарындағы статистикалық есептілік»",
        "«Кәсіподақ қызметінің негізгі бағыттары»",
        "2021 жылы – 4 материал", "2022 жылы – 7 материал", "2023 жылы – 8 материал",
        "(01.09.2024 жағдай бойынша) – 6 материал", "«Семей таңы» – 1", "«Жаңа уақыт» – 2",
        "«Бесқарағай тынысы» – 3", "«Қазақстан кәсіподағы» – 5",
        "2021 жылы облыстық ұйымның Атқару комитеті", "2024 жылы облыстық ұйымның Атқару",
        "жазылушылар санын арттыру", "Instagram және Telegram",
        "құқықтық тақырыптар бойынша семинарлар",
    ]:  # fmt: skip
        assert phrase.casefold() in text.casefold(), phrase


def test_the_html_report_has_every_figure_of_the_document(client, abai_staff):
    assert_the_documents_figures(_html(client, abai_staff))


def test_the_pdf_has_every_figure_and_looks_like_a_document(client, abai_staff):
    client.force_login(abai_staff)
    response = client.get(URL + "pdf/", AS_OF)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert_the_documents_figures(_pdf_text(response.content))
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595  # A4 in points
    assert round(float(page.mediabox.height)) == 842
    fonts = {str(font) for p in reader.pages for font in _fonts(p)}
    assert any("DejaVu-Sans" in font for font in fonts), fonts  # embedded subsets
    assert f"1 / {len(reader.pages)}" in _flat(reader.pages[0].extract_text())


def _fonts(page):
    resources = page["/Resources"]
    for font in resources.get("/Font", {}).values():
        yield font.get_object()["/BaseFont"]


def test_the_word_file_has_every_figure(client, abai_staff):
    client.force_login(abai_staff)
    response = client.get(URL + "docx/", AS_OF)
    assert_the_documents_figures(_docx_text(response.content))


def test_the_excel_file_has_one_sheet_per_section_with_tables(client, abai_staff):
    client.force_login(abai_staff)
    response = client.get(URL + "xlsx/", AS_OF)
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) >= 8
    media = next(name for name in workbook.sheetnames if name.startswith("9."))
    rows = list(workbook[media].iter_rows(values_only=True))
    assert ("«Қазақстан кәсіподағы»", 1, 5, 2, "–") in rows


def test_the_russian_report_has_russian_text_and_plurals(client, abai_staff):
    text = _html(client, abai_staff, {**AS_OF, "lang": "ru"})
    assert "СПРАВКА" in text
    assert "404 первичные профсоюзные организации" in text
    assert "размещено 48 материалов" in text
    assert "размещено 33 материала" in text
    assert "семинаров на правовые темы" in text


def test_findings_quote_their_figures_and_thresholds(client, abai_staff, abai):
    text = _html(client, abai_staff)
    assert "әр 100 мүшеге бар-жоғы 1 жазылушыдан келеді, ал межесі – кемінде 5" in text
    rules = ReportRules.objects.create(region=abai, legal_share_min=1)
    rules.platforms.set([])
    text = _html(client, abai_staff)
    assert "құқықтық тақырыптар бойынша семинарлар" not in text
    assert "басқа да парақшаларды ашу" not in text


def test_staff_edit_a_sentence_and_issue_a_frozen_report(
    client, abai_staff, abai, aksuat, django_capture_on_commit_callbacks
):
    client.force_login(abai_staff)
    client.post(URL, {**AS_OF, "lang": "kk", "text-staff": "Өңделген сөйлем."})
    assert "Өңделген сөйлем." in _html(client, abai_staff)
    response = client.post(URL + "issue/", {**AS_OF, "lang": "kk", "lock": "on"})
    issued = IssuedReport.objects.exclude(number=SOURCE_NUMBER).get()
    assert response["Location"] == issued.get_absolute_url()
    assert issued.number == "ABAI-2024-001"
    assert "Өңделген сөйлем." in _pdf_text(issued.pdf.read())
    assert "Өңделген сөйлем." in _docx_text(issued.docx.read())
    frozen = client.get(issued.get_absolute_url()).context["report"]
    frozen_pdf = issued.pdf.open("rb").read()

    PeriodLock.objects.update(unlocked_at=timezone.now())  # staff unlocked the year
    page = Resource.objects.get(owner=aksuat)
    with django_capture_on_commit_callbacks(execute=True):
        PublicationFactory(resource=page, unit=aksuat, published_on=date(2024, 8, 1))
    assert client.get(issued.get_absolute_url()).context["report"] == frozen
    issued.refresh_from_db()
    assert issued.pdf.open("rb").read() == frozen_pdf
    fresh = client.get(URL, AS_OF).context["report"]

    def content_text(report):
        return next(s for s in report["sections"] if s["key"] == "content")["text"]

    assert "барлығы 67 материал" in content_text(frozen)
    assert "барлығы 68 материал" in content_text(fresh)
    listed = client.get(reverse("reports:index")).content.decode()
    assert "ABAI-2024-001" in listed


def test_a_locked_year_refuses_edits_until_staff_unlock_it(
    client, abai_staff, aksuat_officer, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    PublicationFactory(resource=page, unit=aksuat, published_on=date(2024, 3, 1))
    client.force_login(abai_staff)
    client.post(URL + "issue/", {**AS_OF, "lang": "kk", "lock": "on"})
    lock = PeriodLock.objects.get(year=2024)
    assert IssuedReport.objects.exclude(number=SOURCE_NUMBER).get().lock == lock
    data = {
        "published_on": "2024-08-01", "resource": page.pk, "unit": aksuat.pk,
        "title": "Кешіккен жаңалық", "topic": "legal", "kind": "news", "language": "kk",
        "submission_token": str(uuid.uuid4()),
    }  # fmt: skip
    client.force_login(aksuat_officer)
    response = client.post(reverse("publications:create"), data)
    assert response.status_code == 200
    assert "2024" in " ".join(response.context["form"].non_field_errors())
    assert not Publication.objects.filter(title="Кешіккен жаңалық").exists()
    existing = Publication.objects.filter(unit=aksuat, published_on__year=2024).first()
    client.post(reverse("publications:delete", args=[existing.pk]))
    assert Publication.objects.filter(pk=existing.pk).exists()

    client.force_login(aksuat_officer)
    assert client.post(reverse("reports:unlock", args=["abai", lock.pk])).status_code == 404
    client.force_login(abai_staff)
    client.post(reverse("reports:unlock", args=["abai", lock.pk]))
    lock.refresh_from_db()
    assert lock.unlocked_by == abai_staff
    client.force_login(aksuat_officer)
    client.post(reverse("publications:create"), data)
    assert Publication.objects.filter(title="Кешіккен жаңалық").exists()


def test_who_may_read_and_issue(client, abai_executive, aksuat_officer, central_press):
    client.force_login(aksuat_officer)
    assert client.get(URL).status_code == 404
    assert client.get(URL + "pdf/").status_code == 404
    client.force_login(abai_executive)
    assert client.get(URL + "docx/").status_code == 200
    assert client.post(URL + "issue/", {"lang": "kk"}).status_code == 403
    assert client.post(URL, {"text-staff": "x"}).status_code == 403
    assert not IssuedReport.objects.exclude(number=SOURCE_NUMBER).exists()
    client.force_login(central_press)
    client.post(URL + "issue/", {**AS_OF, "lang": "kk"})
    issued = IssuedReport.objects.exclude(number=SOURCE_NUMBER).get()
    assert "баспасөз қызметі" in issued.content["signature_body"]


def test_the_pdf_fetches_nothing_but_the_apps_static_files(client, abai_staff, aksuat):
    page = Resource.objects.get(owner=aksuat)
    page.url = "http://127.0.0.1:5432/"
    page.save()
    fetcher = StaticFilesOnly()
    from monitoring.periods import Period
    from reports.render import render_pdf
    from reports.services import report_generate

    report = report_generate(region=aksuat.region, period=Period(2024, date(2024, 9, 1)),
                             language="kk")  # fmt: skip
    render_pdf(report, fetcher=fetcher)
    assert fetcher.refused == []
    hostile = (
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:5432/x.css"></head><body>'
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:5432/">'
        '<img src="/static/css/report.css"></body></html>'
    )
    fetcher = StaticFilesOnly()
    assert pdf_from_html(hostile, fetcher=fetcher).startswith(b"%PDF")
    assert set(fetcher.refused) == {
        "http://127.0.0.1:5432/x.css", "file:///etc/passwd", "http://127.0.0.1:5432/",
    }  # fmt: skip


def test_saving_the_whole_form_keeps_only_the_edited_section(client, abai_staff):
    from reports.models import ReportDraft

    client.force_login(abai_staff)
    report = client.get(URL, AS_OF).context["report"]
    texts = {f"text-{s['key']}": s["text"] for s in report["sections"]}
    texts["text-staff"] = "Басқаша жазылған сөйлем."
    client.post(URL, {**AS_OF, "lang": "kk", **texts})
    draft = ReportDraft.objects.get(language="kk", as_of=date(2024, 9, 1))
    assert draft.texts == {"staff": "Басқаша жазылған сөйлем."}
