"""The central press service writes and issues its own assessment of a region; it never
rewrites the region's own report text, nor locks or unlocks the region's years."""

import pytest
from django.urls import reverse

from branches.models import PeriodLock
from reports.models import IssuedReport, ReportDraft

REPORT = "/reports/abai/2024/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_central_presss_issue_leaves_the_regions_period_open(client, central_press):
    client.force_login(central_press)
    response = client.post(reverse("reports:issue", args=["abai", 2023]), {"lock": "on"})
    assert response.status_code == 302
    issued = IssuedReport.objects.get(issued_by=central_press)
    assert issued.kind == IssuedReport.Kind.ASSESSMENT
    assert issued.lock is None
    assert not PeriodLock.objects.filter(region__slug="abai", year=2023).exists()
    assert "баспасөз қызметі" in issued.content["signature_body"]
    assert issued.content["chairman"] == ""


def test_the_regions_own_issue_locks_and_is_signed_by_its_chairman(client, abai_staff):
    client.force_login(abai_staff)
    client.post(reverse("reports:issue", args=["abai", 2023]), {"lock": "on"})
    issued = IssuedReport.objects.get(issued_by=abai_staff)
    assert issued.kind == IssuedReport.Kind.OWN
    assert PeriodLock.objects.filter(region__slug="abai", year=2023, unlocked_at=None).exists()
    assert issued.content["chairman"] == "С. Ибраев"


def test_central_presss_text_stays_out_of_the_regions_own_report(client, central_press, abai_staff):
    client.force_login(central_press)
    client.post(REPORT, {"text-findings": "Орталық Комитеттің бағасы.", "lang": "kk"})
    assert ReportDraft.objects.get(region__slug="abai", kind="assessment")
    assert "Орталық Комитеттің бағасы." in client.get(REPORT).content.decode()
    client.force_login(abai_staff)
    assert "Орталық Комитеттің бағасы." not in client.get(REPORT).content.decode()
    for draft in ReportDraft.objects.filter(region__slug="abai", kind="own"):
        assert "Орталық Комитеттің бағасы." not in str(draft.texts)


def test_central_press_cannot_unlock_a_regions_year(client, central_press, abai_staff, abai):
    lock = PeriodLock.objects.create(region=abai, year=2023, locked_by=abai_staff)
    client.force_login(central_press)
    response = client.post(reverse("reports:unlock", args=["abai", lock.pk]))
    assert response.status_code == 403
    lock.refresh_from_db()
    assert lock.unlocked_at is None


def test_both_kinds_are_listed_with_their_author(client, central_press, abai_staff):
    client.force_login(central_press)
    client.post(reverse("reports:issue", args=["abai", 2023]))
    client.force_login(abai_staff)
    client.post(reverse("reports:issue", args=["abai", 2023]))
    page = client.get(reverse("reports:index")).content.decode()
    # The two, beside the source Анықтама kept in the archive (issued outside the portal).
    assert page.count('data-testid="issued-row"') == 3
    assert "ABAI-2024-SOURCE" in page
    assert "central_press" in page or central_press.get_full_name() in page
    assert "abai_staff" in page or abai_staff.get_full_name() in page
