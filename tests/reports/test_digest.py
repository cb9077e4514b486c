"""The monthly digest mailed to executives and staff."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from monitoring.models import ReviewTask
from publications.models import Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_executives_and_staff_get_the_months_summary_with_the_reports_pdf(abai, aksuat):
    page = Resource.objects.get(owner=aksuat)
    for day in (date(2024, 7, 3), date(2024, 8, 5), date(2024, 8, 20)):
        PublicationFactory(resource=page, unit=aksuat, published_on=day)
    review = abai.committee_reviews.get(year=2024)
    ReviewTask.objects.create(review=review, description="Telegram арнасын ашу",
                              due_on=date(2024, 7, 1))  # fmt: skip
    call_command("send_digest", month="2024-08", region="abai")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["abai_executive@example.kz", "abai_staff@example.kz"]
    message = mail.outbox[0]
    assert "2024 жылғы тамыз" in message.subject
    body = message.body
    assert "Facebook: 2 (алдыңғы айда – 1)" in body
    # The region's 2024 page figures are tallies of January to September: August alone is not
    # known, so no branch is called silent.
    assert "толық белгісіз" in body
    assert "01.01.2024–01.09.2024" in body
    assert "материал жарияламаған филиалдар" not in body
    assert "Telegram арнасын ашу (01.07.2024)" in body
    name, content, mime = message.attachments[0]
    assert (name, mime) == ("anyqtama-abai-2024-08-31.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_officers_and_other_regions_get_nothing(other_region_staff):
    call_command("send_digest", month="2024-08", stdout=open("/dev/null", "w"))  # noqa: SIM115
    addresses = {address for message in mail.outbox for address in message.to}
    assert "aksuat_officer@example.kz" not in addresses
    assert other_region_staff.email not in addresses
