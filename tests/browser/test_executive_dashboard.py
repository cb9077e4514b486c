"""The executive committee's view of Abai, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_executive_sees_abai_2024_and_opens_the_33_facebook_publications(login_page, live_server):
    """They are known only as tallies: the list under the filters shows them."""
    page = login_page("abai_executive", viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/dashboard/abai/?year=2024&as_of=2024-09-01")
    page.locator("[data-testid=section-platforms] > summary").click()  # a detail section
    platforms = page.locator("[data-testid=by-platform]")
    facebook = platforms.locator("tr", has_text="Facebook")
    site = platforms.locator("tr", has_text="Сайт")
    press = platforms.locator("tr", has_text="Газет")
    assert facebook.locator("td").nth(3).inner_text().strip() == "33"
    assert site.locator("td").nth(3).inner_text().strip() == "28"
    assert press.locator("td").nth(3).inner_text().strip() == "6"
    followers = page.locator("[data-testid=key-followers]")
    assert followers.locator("[data-testid=key-value]").inner_text().strip() == "261"
    assert "1,0" in page.locator("[data-testid=followers-per-hundred]").inner_text()
    with_pages = page.locator("[data-testid=key-branch-pages] [data-testid=key-value]")
    assert with_pages.inner_text().strip().startswith("5")
    assert "9" in with_pages.inner_text()

    facebook.locator("a", has_text="33").click()
    page.wait_for_url("**/publications/?*")
    assert page.locator("[data-testid=record-count]").inner_text().strip().startswith("0")
    beside = page.locator("[data-testid=tallies-beside]")
    assert "33" in beside.locator("h2").inner_text()
    assert beside.locator("tbody tr").count() == 5  # the units that posted in 2024


def test_aksuat_officer_gets_aksuat_and_not_abai_or_urzhar(login_page, live_server):
    page = login_page("aksuat_officer")
    page.goto(f"{live_server.url}/dashboard/")
    assert page.url.endswith("/dashboard/aksuat/")
    assert "Ақсуат" in page.locator("[data-testid=dashboard-title]").inner_text()
    for slug in ("abai", "urzhar"):
        assert page.goto(f"{live_server.url}/dashboard/{slug}/").status == 404


def test_no_page_breaks_the_content_security_policy(login_page, live_server):
    page = login_page("abai_staff", viewport={"width": 1280, "height": 900})
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    pages = ["/", "/publications/", "/publications/new/", "/dashboard/abai/?year=2024"]
    pages += ["/reports/abai/2024/", "/monitoring/reviews/new/", "/publications/import/"]
    for url in pages:
        page.goto(f"{live_server.url}{url}")
    page.goto(f"{live_server.url}/publications/")
    page.fill("input[name=q]", "сайт")  # htmx runs under the policy
    page.wait_for_timeout(800)
    assert violations == []
