"""Followers, executive committee reviews with tasks, and targets, through their forms."""

from datetime import date

import pytest
from django.urls import reverse

from monitoring.models import AudienceSnapshot, CommitteeReview, ReviewTask, Target
from publications.models import Resource

pytestmark = pytest.mark.django_db


def _token() -> str:
    import uuid

    return str(uuid.uuid4())


def test_officer_records_followers_of_the_branch_page(client, aksuat_officer, aksuat):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    data = {"resource": page.pk, "taken_on": "2024-09-01", "followers": "1 250",
            "submission_token": _token()}  # fmt: skip
    response = client.post(reverse("snapshots:create"), data)
    assert response.context["form"].errors["followers"]  # «1 250» is not a form number
    data["followers"] = "1250"
    client.post(reverse("snapshots:create"), data)
    assert AudienceSnapshot.objects.get(resource=page).followers == 1250


def test_a_second_count_for_the_same_page_and_date_is_refused(client, aksuat_officer, aksuat):
    page = Resource.objects.get(owner=aksuat)
    AudienceSnapshot.objects.create(resource=page, taken_on=date(2024, 9, 1), followers=10)
    client.force_login(aksuat_officer)
    data = {"resource": page.pk, "taken_on": "2024-09-01", "followers": "12"}
    response = client.post(reverse("snapshots:create"), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert AudienceSnapshot.objects.filter(resource=page).count() == 1


def test_officer_cannot_record_followers_of_another_branchs_page(client, aksuat_officer, urzhar):
    page = Resource.objects.get(owner=urzhar)
    client.force_login(aksuat_officer)
    data = {"resource": page.pk, "taken_on": "2024-09-01", "followers": "12"}
    response = client.post(reverse("snapshots:create"), data)
    assert "resource" in response.context["form"].errors
    assert not AudienceSnapshot.objects.filter(resource=page).exists()


def test_staff_record_a_review_with_its_tasks(client, abai_staff, abai):
    client.force_login(abai_staff)
    data = {
        "unit": abai.pk, "year": 2024, "held_on": "2024-05-15",
        "question": "Филиалдардың ақпараттық жұмысы", "decisions": "Telegram арнасын ашу",
        "submission_token": _token(),
        "items-TOTAL_FORMS": 2, "items-INITIAL_FORMS": 0,
        "items-0-description": "Telegram арнасын ашу", "items-0-due_on": "2024-12-01",
        "items-0-state": "open",
        "items-1-description": "", "items-1-state": "open",
    }  # fmt: skip
    response = client.post(reverse("reviews:create"), data)
    assert response.status_code == 302, response.context["form"].errors
    review = CommitteeReview.objects.get(question="Филиалдардың ақпараттық жұмысы")
    task = ReviewTask.objects.get(review=review)
    assert (task.due_on, task.created_by) == (date(2024, 12, 1), abai_staff)


def test_a_review_date_must_fall_in_its_year(client, abai_staff, abai):
    client.force_login(abai_staff)
    data = {"unit": abai.pk, "year": 2023, "held_on": "2024-05-15", "question": "Q",
            "items-TOTAL_FORMS": 0, "items-INITIAL_FORMS": 0}  # fmt: skip
    response = client.post(reverse("reviews:create"), data)
    assert "held_on" in response.context["form"].errors


def test_officers_may_not_write_reviews_or_targets(client, aksuat_officer):
    client.force_login(aksuat_officer)
    assert client.get(reverse("reviews:create")).status_code == 403
    assert client.post(reverse("targets:create"), {"year": 2024}).status_code == 403


def test_staff_set_a_target_once_per_unit_year_and_metric(client, abai_staff, abai):
    client.force_login(abai_staff)
    data = {"unit": abai.pk, "year": 2025, "metric": "publications", "value": "120"}
    client.post(reverse("targets:create"), {**data, "submission_token": _token()})
    response = client.post(reverse("targets:create"), {**data, "submission_token": _token()})
    assert response.status_code == 200
    assert Target.objects.filter(unit=abai, year=2025).count() == 1


def test_a_legal_share_target_is_at_most_100(client, abai_staff, abai):
    client.force_login(abai_staff)
    data = {"unit": abai.pk, "year": 2025, "metric": "legal_share", "value": "120"}
    response = client.post(reverse("targets:create"), data)
    assert "value" in response.context["form"].errors
