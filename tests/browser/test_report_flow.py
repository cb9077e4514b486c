"""Regional staff prepare, edit and issue the Анықтама in a real browser."""

import re
from datetime import date

import pytest

from publications.models import Publication, Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.browser


def test_staff_edit_issue_download_and_the_issued_report_stays(login_page, live_server, tmp_path):
    page = login_page("abai_staff", viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/reports/abai/2024/?as_of=2024-09-01")
    assert "01.09.2024 жағдай бойынша" in page.locator("[data-testid=report]").inner_text()

    page.click("[data-testid=edit-report] summary")
    page.fill("#text-staff", "Ақпараттық жұмыспен бас маман айналысады (өңделген сөйлем).")
    page.click("[data-testid=edit-report] button[type=submit]")
    page.wait_for_load_state()
    assert "(өңделген сөйлем)" in page.locator("[data-testid=report]").inner_text()

    page.uncheck("#id_lock")
    page.click("[data-testid=issue]")
    page.wait_for_url(re.compile(r"/reports/issued/\d+/$"))
    issued_url = page.url
    frozen = page.locator(".report").inner_text()
    assert "(өңделген сөйлем)" in frozen

    for link, suffix in (
        ("[data-testid=issued-pdf]", ".pdf"),
        ("[data-testid=issued-docx]", ".docx"),
    ):
        with page.expect_download() as download:
            page.click(link)
        path = tmp_path / f"issued{suffix}"
        download.value.save_as(path)
        assert path.stat().st_size > 1000

    aksuat = Resource.objects.get(owner__slug="aksuat")
    PublicationFactory(resource=aksuat, unit=aksuat.owner, published_on=date(2024, 8, 20))
    assert Publication.objects.filter(published_on__year=2024).count() == 1

    page.goto(issued_url)
    assert page.locator(".report").inner_text() == frozen
    page.goto(f"{live_server.url}/reports/abai/2024/?as_of=2024-09-01")
    fresh = page.locator("[data-testid=report]").inner_text()
    assert "барлығы 68 материал" in fresh
    assert "барлығы 67 материал" in frozen
