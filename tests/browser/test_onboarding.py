"""A second region brought on by its own people, in a real browser: the administrator makes the
region and invites its staff; staff set their password with the link, add a branch, import
primary organizations, add a page and invite the branch's officer; the officer logs a
publication; the region's executive sees it on the dashboard; the central press service sees
both regions by their own names."""

import re

import pytest
from django.utils import timezone

from branches.models import OrgUnit
from publications.models import Platform, Publication
from tests.xlsx import xlsx_file

pytestmark = pytest.mark.browser
PASSWORD = "Жетісу-құпия-сөз-2026"


def _invite(page, base, *, username, role, unit_id) -> str:
    page.goto(f"{base}/units/people/invite/?unit={unit_id}")
    page.fill("#id_username", username)
    page.fill("#id_first_name", username.title())
    page.select_option("#id_role", role)
    page.select_option("#id_unit", str(unit_id))
    page.click("[data-testid=save]")
    return page.locator("[data-testid=set-password-link]").inner_text()


def _set_password_and_sign_in(browser, base, link, username):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="kk-KZ")
    page = context.new_page()
    page.goto(link)
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))
    return context, page


def test_a_region_is_brought_on_by_its_own_people(browser, login_page, live_server, tmp_path):
    base = live_server.url
    admin = login_page("admin", viewport={"width": 1200, "height": 900})

    # The administrator makes the region and invites its staff.
    admin.goto(f"{base}/units/regions/new/")
    admin.fill("#id_name", "Жетісу облыстық кәсіподақ ұйымы")
    admin.fill("#id_name_ru", "Жетысуская областная организация профсоюза")
    admin.fill("#id_short_name", "Жетісу облысы")
    admin.fill("#id_short_name_ru", "Жетысуская область")
    admin.fill("#id_slug", "zhetisu")
    admin.click("[data-testid=save]")
    admin.wait_for_url(re.compile(r"/units/people/invite/"))
    region = OrgUnit.objects.get(slug="zhetisu")
    link = _invite(admin, base, username="zhetisu_staff", role="regional_staff", unit_id=region.pk)

    # Staff set their password with the link and sign in.
    staff_context, staff = _set_password_and_sign_in(browser, base, link, "zhetisu_staff")

    # A branch, by form.
    staff.goto(f"{base}/units/branches/new/")
    staff.fill("#id_name", "Талдықорған қалалық кәсіподақ комитеті")
    staff.fill("#id_short_name", "Талдықорған")
    staff.select_option("#id_committee", "city")
    staff.fill("#id_slug", "taldykorgan")
    staff.click("[data-testid=save]")
    staff.wait_for_url(re.compile(r"/units/branches/"))
    branch = OrgUnit.objects.get(slug="taldykorgan")
    assert branch.region == region

    # Primary organizations, by the existing import.
    rows = [["Атауы", "Филиал", "Мүшелер саны"]]
    rows += [[f"№{n} мектеп БКҰ", "Талдықорған", 50] for n in range(1, 4)]
    upload = tmp_path / "primaries.xlsx"
    upload.write_bytes(xlsx_file(rows).read())
    staff.goto(f"{base}/units/primaries/import/")
    staff.set_input_files("#id_file", str(upload))
    staff.click("main button[type=submit]")
    staff.click("[data-testid=confirm-import]")
    staff.wait_for_selector("[data-testid=import-done]")
    assert OrgUnit.objects.filter(parent=branch, kind=OrgUnit.Kind.PRIMARY).count() == 3

    # The branch's page.
    staff.goto(f"{base}/resources/new/")
    staff.fill("#id_name", "Талдықорған ҚКК (Facebook)")
    staff.select_option("#id_platform", str(Platform.objects.get(slug="facebook").pk))
    staff.select_option("#id_kind", "own_page")
    staff.select_option("#id_owner", str(branch.pk))
    staff.fill("#id_url", "https://www.facebook.com/taldykorgan-union")
    staff.click("main button[type=submit]")
    staff.wait_for_url(re.compile(r"/resources/\d+/$"))

    # The onboarding page says what is still missing: no officer yet.
    staff.goto(f"{base}/units/zhetisu/onboarding/")
    officers = staff.locator("[data-step=officers]")
    assert officers.get_attribute("data-done") == "no"
    assert "Талдықорған" in officers.inner_text()
    assert staff.locator("[data-step=primaries]").get_attribute("data-done") == "yes"

    # The branch's officer, invited by the region, logs a publication.
    link = _invite(staff, base, username="taldykorgan_officer", role="branch_officer",
                   unit_id=branch.pk)  # fmt: skip
    executive_link = _invite(staff, base, username="zhetisu_executive", role="executive",
                             unit_id=region.pk)  # fmt: skip
    officer_context, officer = _set_password_and_sign_in(browser, base, link, "taldykorgan_officer")
    officer.goto(f"{base}/publications/new/")
    today = timezone.localdate()
    officer.fill("#id_published_on", today.isoformat())
    officer.select_option("#id_resource", label="Facebook: Талдықорған ҚКК (Facebook)")
    officer.fill("#id_title", "Жетісудағы ұстаздар семинары")
    officer.fill("#id_url", "https://www.facebook.com/taldykorgan-union/posts/1")
    officer.click("main button[type=submit]")
    officer.wait_for_url(re.compile(r"/publications/\d+/$"))
    assert Publication.objects.get(title="Жетісудағы ұстаздар семинары").region == region
    staff.goto(f"{base}/units/zhetisu/onboarding/")
    assert staff.locator("[data-step=officers]").get_attribute("data-done") == "yes"

    # The region's executive sees it on the dashboard.
    executive_context, executive = _set_password_and_sign_in(
        browser, base, executive_link, "zhetisu_executive"
    )
    executive.goto(f"{base}/dashboard/")
    executive.wait_for_url(re.compile(r"/dashboard/zhetisu/"))
    assert executive.locator("[data-testid=primaries]").text_content().strip() == "3"
    assert executive.locator("[data-testid=members]").text_content().strip() == "150"
    row = executive.locator("[data-testid=completeness] tbody tr", has_text="Талдықорған")
    assert row.locator("td.table-success").text_content().strip() == "1"

    # The central press service sees both regions, each by its own name.
    press = login_page("central_press", viewport={"width": 1200, "height": 900})
    press.goto(f"{base}/dashboard/?year={today.year}")
    national = press.locator("[data-testid=national]").inner_text()
    assert "Абай облысы" in national and "Жетісу облысы" in national
    for context in (staff_context, officer_context, executive_context):
        context.close()
