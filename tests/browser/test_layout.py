"""Every role's main pages on a 375-pixel phone and a 1280-pixel screen: nothing scrolls
sideways, the bar is one line on the wide screen, the dashboard answers on its first screen,
and a list is cards on the phone. One browser for the module (the session's)."""

import pytest

from publications.models import Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
WIDE = {"width": 1280, "height": 800}
ABAI_2024 = "/dashboard/abai/?year=2024&as_of=2024-09-01"
MAIN_PAGES = {
    "aksuat_officer": ["/", "/dashboard/", "/publications/", "/publications/new/",
                       "/monitoring/audience/", "/tallies/"],
    "abai_staff": ["/", "/dashboard/abai/?year=2024", "/publications/", "/monitoring/reviews/",
                   "/resources/", "/reports/"],
    "abai_executive": ["/", ABAI_2024, "/publications/", "/materials/"],
    "central_press": ["/", "/dashboard/", "/publications/"],
}  # fmt: skip

NAVBAR_TOPS = """() => Array.from(document.querySelectorAll(
    '[data-testid=navbar] .navbar-brand, [data-testid=main-menu] > li, [data-testid=user-menu]'
)).map(element => Math.round(element.getBoundingClientRect().top))"""


@pytest.mark.parametrize("role", sorted(MAIN_PAGES))
def test_no_main_page_scrolls_sideways_and_the_bar_is_one_line_when_wide(
    login_page, live_server, role
):
    for viewport in (PHONE, WIDE):
        page = login_page(role, viewport=viewport)
        for url in MAIN_PAGES[role]:
            assert page.goto(f"{live_server.url}{url}").status == 200, url
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= page.evaluate("window.innerWidth"), f"{url} at {viewport['width']}"
            toggler = page.locator("[data-testid=navbar] .navbar-toggler")
            if viewport is WIDE:
                tops = page.evaluate(NAVBAR_TOPS)
                assert len(tops) >= 3 and max(tops) - min(tops) <= 12, f"{url}: {tops}"
                assert page.locator("[data-testid=navbar]").bounding_box()["height"] <= 64
                assert not toggler.is_visible()
            else:
                assert toggler.is_visible()  # the menu folds away on a phone


def test_the_executives_key_figures_are_on_the_first_screen_and_print_on_a4(
    login_page, live_server
):
    page = login_page("abai_executive", viewport=WIDE)
    page.goto(f"{live_server.url}{ABAI_2024}")
    cards = page.locator("[data-testid=key-figures] .key-figure")
    assert cards.count() == 4
    for i in range(cards.count()):
        box = cards.nth(i).bounding_box()
        assert box["y"] + box["height"] <= 800
    assert "261" in page.locator("[data-testid=key-followers]").inner_text()
    # The detail sections are folded; opening one shows its table.
    section = page.locator("[data-testid=section-media]")
    assert not section.locator("[data-testid=press]").is_visible()
    section.locator("summary").click()
    assert section.locator("[data-testid=press]").is_visible()
    page.locator("[data-testid=key-publications] a").click()
    page.wait_for_url("**/publications/?*")
    page.go_back()
    page.emulate_media(media="print")
    assert not page.locator("[data-testid=navbar]").is_visible()
    assert not page.locator("[data-testid=sections]").is_visible()
    assert page.locator("[data-testid=key-figures]").is_visible()
    assert len(page.pdf(format="A4")) > 1000


def test_a_list_is_cards_on_a_phone_with_the_rest_behind_a_tap(login_page, live_server):
    page_resource = Resource.objects.get(owner__slug="aksuat")
    PublicationFactory(
        resource=page_resource, unit=page_resource.owner, title="Ұстаздар күні: семинар"
    )
    page = login_page("aksuat_officer", viewport=PHONE)
    page.goto(f"{live_server.url}/publications/")
    card = page.locator("[data-testid=record-cards] details").first
    assert card.is_visible()
    summary = card.locator("summary").inner_text()
    assert "Ұстаздар күні: семинар" in summary and "01.03.2024" in summary
    assert not card.locator("dl").is_visible()
    card.locator("summary").click(position={"x": 5, "y": 5})
    assert card.locator("dl").is_visible()
    assert not page.locator("table").first.is_visible()  # the wide table waits for 768 px


def test_the_national_view_opens_on_the_latest_year_with_regions_by_name(login_page, live_server):
    page = login_page("central_press", viewport=WIDE)
    page.goto(f"{live_server.url}/dashboard/")
    assert "2024" in page.locator("[data-testid=national-period]").inner_text()
    names = page.locator("[data-testid=region-name]").all_inner_texts()
    assert "Абай облысы" in names
    assert page.locator("[data-testid=league-chart]").is_visible()
    page.locator("[data-testid=region-name]", has_text="Абай").click()
    page.wait_for_url("**/dashboard/abai/?year=2024")
