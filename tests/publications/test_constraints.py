"""Rules the database itself keeps, whatever code writes to it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from branches.models import MemberCount
from monitoring.models import AudienceSnapshot
from publications.models import Resource
from tests.factories import PrimaryFactory, PublicationFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _refused(action) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


def test_a_publication_cannot_precede_the_opening_of_its_page(abai):
    page = Resource.objects.get(owner=abai, platform__slug="facebook")
    _refused(lambda: PublicationFactory(resource=page, unit=abai, published_on=date(2023, 4, 30)))
    assert PublicationFactory(resource=page, unit=abai, published_on=date(2023, 5, 1)).pk


def test_a_page_cannot_be_dated_after_its_publications(abai):
    page = Resource.objects.get(owner=abai, platform__slug="facebook")
    PublicationFactory(resource=page, unit=abai, published_on=date(2023, 6, 1))
    page.opened_on = date(2024, 1, 1)
    _refused(page.save)


def test_moving_a_publication_before_the_page_opened_is_refused(abai):
    page = Resource.objects.get(owner=abai, platform__slug="facebook")
    publication = PublicationFactory(resource=page, unit=abai, published_on=date(2023, 6, 1))
    publication.published_on = date(2020, 1, 1)
    _refused(publication.save)


def test_counts_are_not_negative(aksuat):
    _refused(lambda: MemberCount.objects.create(unit=PrimaryFactory(), members=-1,
                                                counted_on=date(2024, 1, 1)))  # fmt: skip
    page = ResourceFactory(owner=aksuat)
    _refused(lambda: AudienceSnapshot.objects.create(resource=page, taken_on=date(2024, 1, 1),
                                                     followers=-5))  # fmt: skip
    _refused(lambda: PublicationFactory(resource=page, views=-1))


def test_one_snapshot_per_page_and_date(aksuat):
    page = ResourceFactory(owner=aksuat)
    AudienceSnapshot.objects.create(resource=page, taken_on=date(2024, 1, 1), followers=10)
    _refused(
        lambda: AudienceSnapshot.objects.create(
            resource=page, taken_on=date(2024, 1, 1), followers=11
        )
    )


def test_an_own_page_needs_an_owner_and_an_outside_medium_has_none(aksuat):
    _refused(lambda: ResourceFactory(owner=None))
    _refused(lambda: ResourceFactory(owner=aksuat, kind=Resource.Kind.OUTSIDE_MEDIUM))


def test_a_publication_knows_its_region_and_search_key(abai, aksuat):
    publication = PublicationFactory(resource=ResourceFactory(owner=aksuat), title="ҚАЗАҚСТАН")
    assert publication.region == abai
    assert "қазақстан" in publication.search_text
