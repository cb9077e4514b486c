"""Excel import of publications: a template, a preview that lists every problem, a confirm
that writes all rows or none, and files that are refused before they are parsed."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from branches.models import ImportBatch
from publications.models import Publication
from tests.xlsx import KK_HEADERS, aksuat_rows, xlsx_file, zip_bomb

pytestmark = pytest.mark.django_db

RU_HEADERS = [
    "Заголовок",
    "Дата",
    "Организация",
    "Ресурс",
    "Ссылка",
    "Тема",
    "Вид",
    "Репост",
    "Язык",
]


def _upload(client, upload):
    return client.post(reverse("publications:import"), {"file": upload}, follow=True)


def _confirm(client, response):
    batch = response.context["batch"]
    return client.post(reverse("publications:import_batch", args=[batch.pk]), follow=True)


def _aksuat_count(aksuat) -> int:
    return Publication.objects.filter(unit__path__startswith=aksuat.path).count()


def test_the_template_has_kazakh_headers(client, aksuat_officer):
    client.force_login(aksuat_officer)
    response = client.get(reverse("publications:import_template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["Күні", "Ақпараттық ресурс", "Ұйым", "Атауы"]


def test_a_good_file_is_previewed_then_imported_whole_then_adds_nothing_again(
    client, aksuat_officer, aksuat
):
    client.force_login(aksuat_officer)
    before = _aksuat_count(aksuat)
    rows = [KK_HEADERS, *aksuat_rows(50)]
    preview = _upload(client, xlsx_file(rows))
    assert preview.context["preview"].ok
    assert len(preview.context["preview"].new) == 50
    assert _aksuat_count(aksuat) == before, "nothing is saved before the confirm"
    done = _confirm(client, preview)
    assert "import-done" in done.content.decode()
    assert _aksuat_count(aksuat) == before + 50
    imported = Publication.objects.filter(title="Семинар №1").get()
    assert imported.created_by == aksuat_officer
    assert imported.history.first().history_user == aksuat_officer
    assert imported.topic == Publication.Topic.LEGAL

    again = _upload(client, xlsx_file(rows))
    assert len(again.context["preview"].new) == 0
    assert len(again.context["preview"].skipped) == 50
    _confirm(client, again)
    assert _aksuat_count(aksuat) == before + 50


def test_every_bad_row_is_listed_and_nothing_is_saved(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(50)
    rows[16][0] = "31.02.2024"  # a date that does not exist
    rows[30][1] = "Жоқ ресурс"  # an unknown resource
    rows[44][4] = "javascript:alert(1)"  # not an http address
    before = _aksuat_count(aksuat)
    response = _upload(client, xlsx_file([KK_HEADERS, *rows]))
    problems = response.context["preview"].problems
    assert [(p.row, p.column) for p in problems] == [
        (18, "Күні"),
        (32, "Ақпараттық ресурс"),
        (46, "Сілтеме"),
    ]
    assert "31.02.2024" in response.content.decode()
    assert response.context["preview"].new  # the good rows were checked too
    confirm = _confirm(client, response)
    assert confirm.context["preview"].problems
    assert _aksuat_count(aksuat) == before
    assert ImportBatch.objects.get().status == ImportBatch.Status.PREVIEWED


def test_russian_headers_in_another_order_are_matched_by_name(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    rows = [[r[3], r[0], r[2], r[1], r[4], "Правовая", "Новость", "нет", "Русский"]
            for r in aksuat_rows(3)]  # fmt: skip
    response = _upload(client, xlsx_file([RU_HEADERS, *rows]))
    assert response.context["preview"].ok, response.context["preview"].problems
    _confirm(client, response)
    publication = Publication.objects.get(title="Семинар №2")
    assert publication.language == "ru"
    assert publication.topic == "legal"


def test_dates_as_text_excel_serials_and_iso_are_read(client, aksuat_officer):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(3)
    rows[0][0], rows[1][0], rows[2][0] = "01.09.2024", 45536, "2024-09-01"
    response = _upload(client, xlsx_file([KK_HEADERS, *rows]))
    assert response.context["preview"].ok
    assert {p.published_on for p in response.context["preview"].new} == {date(2024, 9, 1)}


def test_future_dates_and_dates_before_the_page_opened_are_refused(client, abai_staff, abai):
    client.force_login(abai_staff)
    page = "Абай облыстық кәсіподақ ұйымы (Facebook)"
    rows = [
        ["01.01.2099", page, "Абай облыстық кәсіподақ ұйымы", "Болашақ", ""],
        ["30.04.2023", page, "Абай облыстық кәсіподақ ұйымы", "Ертерек", ""],
    ]
    response = _upload(client, xlsx_file([KK_HEADERS[:5], *rows]))
    reasons = [p.reason for p in response.context["preview"].problems]
    assert len(reasons) == 2
    assert "01.05.2023" in reasons[1]


def test_an_officers_rows_for_another_branch_reject_the_file(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(4)
    rows[2][2] = "Үржар аудандық кәсіподақ комитеті"
    rows[3][1] = "Үржар аудандық кәсіподақ комитеті (Facebook)"
    before = Publication.objects.count()
    response = _upload(client, xlsx_file([KK_HEADERS, *rows]))
    problems = response.context["preview"].problems
    assert [(p.row, p.column) for p in problems] == [(4, "Ұйым"), (5, "Ақпараттық ресурс")]
    _confirm(client, response)
    assert Publication.objects.count() == before


def test_duplicates_inside_the_file_are_skipped(client, aksuat_officer):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(2)
    response = _upload(client, xlsx_file([KK_HEADERS, *rows, rows[0]]))
    assert len(response.context["preview"].new) == 2
    assert response.context["preview"].skipped[0][0] == 4


def test_a_formula_title_is_stored_as_text(client, aksuat_officer):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(1)
    rows[0][3] = "None"
    rows[0][4] = ""
    response = _upload(client, xlsx_file([KK_HEADERS, *rows]))
    _confirm(client, response)
    assert Publication.objects.filter(title="None").exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: xlsx_file([KK_HEADERS], name="x.xlsx").__class__("x.xlsx", b""), "бос"),
        (lambda: xlsx_file([]).__class__("x.xlsx", b"%PDF-1.4 not a workbook"), ".xlsx"),
        (zip_bomb, ""),
    ],
    ids=["empty", "renamed-pdf", "zip-bomb"],
)
def test_files_that_are_not_a_plain_xlsx_are_refused_before_parsing(
    client, aksuat_officer, upload, message
):
    client.force_login(aksuat_officer)
    response = _upload(client, upload())
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors
    assert message.casefold() in " ".join(errors).casefold()
    assert not ImportBatch.objects.exists()


def test_more_than_10_000_rows_are_refused(client, aksuat_officer):
    client.force_login(aksuat_officer)
    rows = [["01.03.2024", "x", "y", f"t{i}"] for i in range(10_001)]
    response = _upload(client, xlsx_file([KK_HEADERS[:4], *rows]))
    assert "10 000" in " ".join(response.context["form"].errors["file"])


def test_a_file_without_the_required_columns_names_them(client, aksuat_officer):
    client.force_login(aksuat_officer)
    response = _upload(client, xlsx_file([["Күні", "Басқа"], ["01.03.2024", "x"]]))
    error = " ".join(response.context["form"].errors["file"])
    assert "Ақпараттық ресурс" in error
    assert "Атауы" in error


def test_another_users_upload_is_invisible(client, aksuat_officer, urzhar_officer):
    client.force_login(aksuat_officer)
    response = _upload(client, xlsx_file([KK_HEADERS, *aksuat_rows(2)]))
    batch = response.context["batch"]
    client.force_login(urzhar_officer)
    assert client.get(reverse("publications:import_batch", args=[batch.pk])).status_code == 404
    assert client.post(reverse("publications:import_batch", args=[batch.pk])).status_code == 404


def test_the_executive_may_not_import(client, abai_executive):
    client.force_login(abai_executive)
    assert client.get(reverse("publications:import")).status_code == 403
    response = client.post(reverse("publications:import"), {"file": xlsx_file([KK_HEADERS])})
    assert response.status_code == 403
