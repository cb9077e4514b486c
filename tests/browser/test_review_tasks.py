"""Executive committee review tasks are added in place (htmx) in a real browser, and a blank
row never stops a save."""

import re

import pytest

from monitoring.models import CommitteeReview

pytestmark = pytest.mark.browser


def test_staff_add_tasks_in_place_and_save_a_review(login_page, live_server):
    page = login_page("abai_staff", viewport={"width": 1200, "height": 900})
    page.goto(f"{live_server.url}/monitoring/reviews/new/")
    page.select_option("#id_unit", str(CommitteeReview.objects.first().unit_id))
    page.fill("#id_year", "2024")
    page.fill("#id_question", "Ақпараттық жұмыстың жағдайы")
    page.fill("#id_items-0-description", "Telegram арнасын ашу")
    page.click("[data-testid=add-item]")
    page.wait_for_selector("#id_items-1-description")
    assert page.url.endswith("/monitoring/reviews/new/")  # in place: nothing was submitted
    page.fill("#id_items-1-description", "Семинар өткізу")
    page.click("[data-testid=add-item]")
    page.wait_for_selector("#id_items-2-description")  # left blank: ignored on save
    page.click("main button[type=submit]:not([name])")
    page.wait_for_url(re.compile(r"/monitoring/reviews/\d+/$"))
    review = CommitteeReview.objects.get(question="Ақпараттық жұмыстың жағдайы")
    assert set(review.tasks.values_list("description", flat=True)) == {
        "Семинар өткізу",
        "Telegram арнасын ашу",
    }
    tasks = page.locator("[data-testid=review-tasks]").inner_text()
    assert "Семинар өткізу" in tasks and "Telegram арнасын ашу" in tasks
