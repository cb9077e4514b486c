"""A press officer's day, in a real browser on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from publications.models import Publication
from tests.xlsx import KK_HEADERS, aksuat_rows, xlsx_file

pytestmark = pytest.mark.browser


def _save(upload, path):
    path.write_bytes(upload.read())
    return str(path)


def test_aksuat_officer_logs_a_publication_and_imports_a_list(login_page, live_server, tmp_path):
    page = login_page("aksuat_officer")

    # A publication, from a phone.
    page.goto(f"{live_server.url}/publications/new/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.fill("#id_published_on", "2024-09-01")
    page.select_option(
        "#id_resource", label="Facebook: Ақсуат аудандық кәсіподақ комитеті (Facebook)"
    )
    page.fill("#id_title", "Ұстаздар күніне арналған семинар")
    page.fill("#id_url", "https://www.facebook.com/aksuat/posts/teachers-day")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/publications/\d+/$"))
    assert "Ұстаздар күніне арналған семинар" in page.content()
    assert Publication.objects.filter(title="Ұстаздар күніне арналған семинар").count() == 1

    # An Excel list with 3 bad rows out of 50: all 3 are shown, nothing is saved; the one
    # button that writes offers the 47 valid rows.
    rows = aksuat_rows(50, prefix="Клип")
    rows[9][0] = "31.02.2024"
    rows[19][2] = "Үржар аудандық кәсіподақ комитеті"
    rows[29][4] = "ftp://example.kz/clip"
    before = Publication.objects.count()
    page.goto(f"{live_server.url}/publications/import/")
    page.set_input_files("#id_file", _save(xlsx_file([KK_HEADERS, *rows]), tmp_path / "bad.xlsx"))
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-testid=import-problems]")
    assert page.locator("[data-testid=problem-row]").count() == 3
    assert page.locator("[data-testid=confirm-import]").count() == 1
    assert "47" in page.locator("[data-testid=confirm-import]").inner_text()
    assert Publication.objects.count() == before

    # The fixed file saves 50.
    good = _save(xlsx_file([KK_HEADERS, *aksuat_rows(50, prefix="Клип")]), tmp_path / "good.xlsx")
    page.goto(f"{live_server.url}/publications/import/")
    page.set_input_files("#id_file", good)
    page.click("main button[type=submit]")
    page.click("[data-testid=confirm-import]")
    page.wait_for_selector("[data-testid=import-done]")
    assert Publication.objects.count() == before + 50

    # The same file again saves 0.
    page.goto(f"{live_server.url}/publications/import/")
    page.set_input_files("#id_file", good)
    page.click("main button[type=submit]")
    page.click("[data-testid=confirm-import]")
    page.wait_for_selector("[data-testid=import-done]")
    assert Publication.objects.count() == before + 50

    # The list filters in place and finds them.
    page.goto(f"{live_server.url}/publications/")
    page.fill("input[name=q]", "КЛИП")
    expect(page.locator("[data-testid=record-count]")).to_contain_text("50")

    # Urzhar's officer sees none of it.
    urzhar = login_page("urzhar_officer")
    urzhar.goto(f"{live_server.url}/publications/?q=клип")
    assert "Клип" not in urzhar.content()
    mine = Publication.objects.get(title="Ұстаздар күніне арналған семинар")
    response = urzhar.goto(f"{live_server.url}/publications/{mine.pk}/")
    assert response.status == 404


def test_an_officer_pastes_ten_links_fills_them_in_and_saves_them(login_page, live_server):
    page = login_page("aksuat_officer")
    before = Publication.objects.count()
    base = "https://www.facebook.com/aksuat.audandyk.kasipodak.komiteti/posts"
    lines = [f"0{day}.10.2024 {base}/{900 + day} Жиналыс {day}" for day in range(1, 10)]
    lines.append(f"{base}/999?mibextid=Zb")  # no date, no title: filled in on the grid
    page.goto(f"{live_server.url}/publications/paste/")
    page.fill("#id_links", "\n".join(lines))
    page.click("[data-testid=paste-form] button[type=submit]")
    page.wait_for_selector("[data-testid=paste-grid]")
    assert page.locator("[data-testid=pasted-link]").count() == 10
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.fill("#id_links-9-published_on", "2024-10-20")
    page.fill("#id_links-9-title", "Құқықтық кеңес")
    page.select_option("#id_links-9-topic", "legal")
    page.click("[data-testid=paste-check]")
    page.click("[data-testid=confirm-import]")
    page.wait_for_selector("[data-testid=import-done]")
    assert Publication.objects.count() == before + 10
    advice = Publication.objects.get(title="Құқықтық кеңес")
    assert (advice.topic, advice.published_on.isoformat()) == ("legal", "2024-10-20")
    assert advice.url_key == "facebook.com/aksuat.audandyk.kasipodak.komiteti/posts/999"
    assert Publication.objects.filter(title="Жиналыс 3", published_on="2024-10-03").exists()
