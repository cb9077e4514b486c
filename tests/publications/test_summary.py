"""The monthly summary that figures read is always what the publications say: after a form,
an edit that moves a post to another month or unit, a soft delete, a restore and an import."""

from datetime import date

import pytest
from django.urls import reverse

from publications.models import Publication, PublicationMonth, Resource
from publications.summary import month_aggregates, summary_rebuild
from tests.factories import PublicationFactory
from tests.xlsx import KK_HEADERS, aksuat_rows, xlsx_file

pytestmark = pytest.mark.django_db


def _kept() -> set[tuple]:
    return set(
        PublicationMonth.objects.values_list(
            "author", "served_directly", "resource", "month", "n", "reposts", "topic_legal",
            "views",
        )
    )  # fmt: skip


def _counted() -> set[tuple]:
    before = _kept()
    summary_rebuild()
    after = _kept()
    return before, after


def assert_summary_is_true():
    before, after = _counted()
    assert before == after


def test_a_form_an_edit_a_move_a_delete_and_a_restore_keep_the_summary_true(
    client, aksuat_officer, abai_staff, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    primary = aksuat.children.filter(kind="primary").first()
    publication = PublicationFactory(
        resource=page, unit=aksuat, published_on=date(2024, 3, 5), topic="legal", views=10
    )
    assert_summary_is_true()
    row = PublicationMonth.objects.get(author=aksuat, month=date(2024, 3, 1))
    assert (row.n, row.topic_legal, row.views) == (1, 1, 10)

    publication.published_on = date(2024, 4, 1)  # to another month
    publication.unit = primary  # credited to the branch still
    publication.save()
    assert not PublicationMonth.objects.filter(author=aksuat, month=date(2024, 3, 1)).exists()
    assert PublicationMonth.objects.get(author=aksuat, month=date(2024, 4, 1)).n == 1
    assert_summary_is_true()

    client.force_login(aksuat_officer)
    client.post(reverse("publications:delete", args=[publication.pk]))
    assert not PublicationMonth.objects.filter(author=aksuat, month=date(2024, 4, 1)).exists()
    client.force_login(abai_staff)
    client.post(reverse("publications:restore", args=[publication.pk]))
    assert PublicationMonth.objects.get(author=aksuat, month=date(2024, 4, 1)).n == 1
    assert_summary_is_true()


def test_an_import_keeps_the_summary_true(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    response = client.post(
        reverse("publications:import"), {"file": xlsx_file([KK_HEADERS, *aksuat_rows(40)])},
        follow=True,
    )  # fmt: skip
    batch = response.context["batch"]
    client.post(reverse("publications:import_batch", args=[batch.pk]))
    assert Publication.objects.filter(unit=aksuat).count() == 40
    assert sum(PublicationMonth.objects.filter(author=aksuat).values_list("n", flat=True)) == 40
    assert_summary_is_true()


def test_the_summary_columns_are_the_publications_aggregates(aksuat):
    page = Resource.objects.get(owner=aksuat)
    for day, topic, repost in (
        (date(2024, 5, 2), "legal", True),
        (date(2024, 5, 9), "youth", False),
    ):
        PublicationFactory(resource=page, unit=aksuat, published_on=day, topic=topic,
                           is_repost=repost)  # fmt: skip
    raw = Publication.objects.filter(unit=aksuat, published_on__month=5).aggregate(
        **month_aggregates()
    )
    row = PublicationMonth.objects.get(author=aksuat, month=date(2024, 5, 1))
    assert (row.n, row.reposts, row.topic_legal, row.topic_youth) == (
        raw["n"], raw["reposts"], raw["topic_legal"], raw["topic_youth"],
    )  # fmt: skip
