"""The publications list costs the same few queries with 10 or 100 000 publications."""

import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publications.models import Publication, Resource

pytestmark = pytest.mark.django_db

MAX_QUERIES = 19  # with the tallies the filters select, listed under the publications


def _add(count: int, page: Resource) -> None:
    publications = []
    run = uuid.uuid4().hex[:8]
    for i in range(count):
        publication = Publication(
            resource=page, unit=page.owner, published_on=date(2024, 1, 1) + timedelta(i % 240),
            title=f"Жаңалық {i}", url=f"https://www.facebook.com/p/{page.pk}/{run}/{i}",
        )  # fmt: skip
        publication.fill_derived_fields()
        publications.append(publication)
    Publication.objects.bulk_create(publications, batch_size=5000)


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow_with_data(
    client, aksuat, abai_staff, aksuat_officer, abai_executive
):
    page = Resource.objects.get(owner=aksuat)
    url = reverse("publications:list")
    filtered = {"q": "жаңалық", "platform": page.platform_id, "unit": aksuat.pk, "page": 2}
    users = (abai_staff, aksuat_officer, abai_executive)

    def counts() -> list[int]:
        result = []
        for user in users:
            client.force_login(user)
            result += [_queries(client, url), _queries(client, url, filtered)]
        return result

    _add(10, page)
    few = counts()
    _add(100_000 - 10, page)
    assert counts() == few
    assert max(few) <= MAX_QUERIES
