"""The report names what staff marked: notable publications (a seminar) and who spoke on air,
in Kazakh and, marked as Kazakh where written in it, in Russian."""

from datetime import date

import pytest

from publications.models import Platform, Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db
URL = "/reports/abai/2024/?as_of=2024-09-01"


def test_a_notable_seminar_and_the_people_on_air_are_named(client, abai_staff, abai):
    page = abai.resources.filter(platform__slug="facebook").first()
    PublicationFactory(
        unit=abai, resource=page, published_on=date(2024, 3, 5), topic="legal",
        title="Келісу комиссиясы бойынша семинар", is_notable=True,
    )  # fmt: skip
    radio = Resource.objects.get(platform__kind=Platform.Kind.RADIO)
    PublicationFactory(
        unit=abai, resource=radio, published_on=date(2024, 4, 10),
        title="Эфир", participants="төраға С. Ибраев",
    )  # fmt: skip
    client.force_login(abai_staff)
    kk = " ".join(client.get(URL).content.decode().split())
    assert "атап өткен жөн: «Келісу комиссиясы бойынша семинар» (05.03.2024)" in kk
    assert "10.04.2024 «Жергілікті радио» эфиріне төраға С. Ибраев қатысты." in kk
    ru = " ".join(client.get(URL + "&lang=ru").content.decode().split())
    assert "«Келісу комиссиясы бойынша семинар» (на казахском языке) (05.03.2024)" in ru
    assert "в эфире «Местное радио» выступили: «төраға С. Ибраев» (на казахском языке)" in ru
