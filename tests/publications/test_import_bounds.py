"""Bounded imports: a file that unpacks to millions of shared strings is refused before
openpyxl parses it; a file of bad rows gives a grouped, capped list; the preview is parsed once;
and the messages tell an officer nothing of another branch's units, pages and addresses."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from branches.records import imports as import_module
from branches.records.views import PROBLEMS_PER_PAGE
from publications.models import Publication, Resource
from tests.factories import PublicationFactory
from tests.xlsx import KK_HEADERS, aksuat_rows, shared_strings_bomb, xlsx_file

pytestmark = pytest.mark.django_db


def _upload(client, upload):
    return client.post(reverse("publications:import"), {"file": upload}, follow=True)


@pytest.mark.parametrize("strings", [8_500_000, 1_000_000], ids=["110 MB", "13 MB"])
def test_the_shared_strings_file_is_refused_in_under_5_s_with_a_clear_message(
    client, aksuat_officer, strings
):
    client.force_login(aksuat_officer)
    bomb = SimpleUploadedFile("list.xlsx", shared_strings_bomb(strings))
    assert bomb.size < 300_000
    started = time.monotonic()
    response = _upload(client, bomb)
    elapsed = time.monotonic() - started
    assert elapsed < 5, elapsed
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors and ("көп" in errors[0] or "more" in errors[0]), errors


def test_a_file_of_bad_rows_gives_grouped_and_capped_problems(client, aksuat_officer):
    client.force_login(aksuat_officer)
    rows = [["31.02.2024", "жоқ бет", "жоқ ұйым", "", "ftp://x", "?", "?", "?", "?"]] * 400
    response = _upload(client, xlsx_file([KK_HEADERS, *rows]))
    preview = response.context["preview"]
    assert preview.problem_count >= 400 * 5
    assert len(preview.problems) == import_module.MAX_PROBLEMS_SHOWN
    content = response.content.decode()
    assert content.count('data-testid="problem-row"') == PROBLEMS_PER_PAGE, "problems are paged"
    last = client.get(response.request["PATH_INFO"], {"page": 6}).content.decode()
    assert last.count('data-testid="problem-row"') == 300 - 5 * PROBLEMS_PER_PAGE
    groups = {(g.column, g.count) for g in preview.problem_groups}
    assert ("Ұйым", 400) in groups
    assert "2–61…" in content, "the same problem over many rows is one line with a row range"
    assert 'data-testid="problems-hidden"' in content


def test_the_preview_is_parsed_once(client, aksuat_officer, monkeypatch):
    client.force_login(aksuat_officer)
    response = _upload(client, xlsx_file([KK_HEADERS, *aksuat_rows(5)]))
    batch_url = reverse("publications:import_batch", args=[response.context["batch"].pk])
    calls = []
    original = import_module._check
    monkeypatch.setattr(import_module, "_check", lambda *args: calls.append(1) or original(*args))
    for _ in range(3):
        assert client.get(batch_url).context["preview"].ok
    assert calls == []
    client.post(batch_url)
    assert calls == [1], "the confirm checks the file afresh"


def test_not_found_and_not_yours_read_the_same(client, aksuat_officer, urzhar):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(4)
    rows[0][2] = "Үржар аудандық кәсіподақ комитеті"  # another branch's unit
    rows[1][2] = "Үржор аудандық кәсіподақ комитеті"  # no such unit, as near to the user's own
    rows[2][1] = "Үржар аудандық кәсіподақ комитеті (Facebook)"  # another branch's page
    rows[3][1] = "Үржор аудандық кәсіподақ комитеті (Facebook)"  # no such page
    preview = _upload(client, xlsx_file([KK_HEADERS, *rows])).context["preview"]
    reasons = {p.row: p.reason for p in preview.problems}
    assert reasons[2] == reasons[3]
    assert reasons[4] == reasons[5]


def test_another_branchs_address_is_not_reported_as_recorded(client, aksuat_officer, urzhar):
    client.force_login(aksuat_officer)
    rows = aksuat_rows(1)
    PublicationFactory(resource=Resource.objects.get(owner=urzhar), unit=urzhar, url=rows[0][4])
    preview = _upload(client, xlsx_file([KK_HEADERS, *rows])).context["preview"]
    assert preview.ok
    assert len(preview.new) == 1 and not preview.skipped
    assert Publication.objects.filter(url=rows[0][4]).count() == 1


def test_an_export_past_the_limit_is_a_400_that_says_so(client, abai_staff, monkeypatch):
    from branches.records import excel

    monkeypatch.setattr(excel, "EXPORT_MAX_ROWS", 3)
    page = Resource.objects.get(owner__slug="aksuat")
    for _ in range(4):
        PublicationFactory(resource=page, unit=page.owner)
    client.force_login(abai_staff)
    response = client.get("/publications/export.xlsx")
    assert response.status_code == 400
    assert 'data-testid="error-message"' in response.content.decode()
    narrow = client.get("/publications/export.xlsx", {"per_page": "1", "q": "жоқ-мұндай-сөз"})
    assert narrow.status_code == 200
    assert narrow["Content-Disposition"].startswith("attachment")


def test_two_cells_far_apart_are_refused_before_the_sheet_is_laid_out(client, aksuat_officer):
    import io

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(KK_HEADERS)
    workbook.active["XFD20000"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(aksuat_officer)
    started = time.monotonic()
    response = _upload(client, SimpleUploadedFile("far.xlsx", buffer.getvalue()))
    assert time.monotonic() - started < 5
    assert response.context["form"].errors["file"]
