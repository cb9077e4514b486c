"""The first screens: the national league table, its weights, the dashboard's key figures and
the press officer's home."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import AudienceSnapshot, LeagueWeights
from publications.models import Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_the_national_view_opens_on_the_latest_year_with_data_with_regions_by_name(
    client, central_press, other_region
):
    """Abai's records end in 2024 (this year has none): the view opens there, not on this
    year, and names each region by its own name («Абай облысы»), not its committee's."""
    client.force_login(central_press)
    response = client.get(reverse("dashboard:home"))
    assert response.context["period"].year == 2024
    content = response.content.decode()
    assert "Абай облысы" in content
    names = [row.region.proper_name for row in response.context["rows"]]
    assert "Абай облысы" in names
    abai = next(row for row in response.context["rows"] if row.region.slug == "abai")
    assert abai.rank == 1  # the only region with records
    assert f'href="{reverse("dashboard:unit", args=["abai"])}?year=2024"' in content


def test_a_later_publication_moves_the_national_view_to_its_year(client, central_press, aksuat):
    page = Resource.objects.get(owner=aksuat)
    PublicationFactory(resource=page, unit=aksuat, published_on=date(2025, 3, 1))
    client.force_login(central_press)
    assert client.get(reverse("dashboard:home")).context["period"].year == 2025


def test_the_league_table_shows_its_method_and_central_press_sets_the_weights(
    client, central_press, abai_executive
):
    client.force_login(central_press)
    page = client.get(reverse("dashboard:home")).content.decode()
    assert 'data-testid="league-method"' in page
    url = reverse("dashboard:weights")
    weights = {"regularity": 50, "volume": 10, "pages": 10, "kazakh": 10, "followers": 20}
    assert client.post(url, weights).status_code == 302
    saved = LeagueWeights.objects.get()
    assert saved.as_dict() == weights
    assert saved.updated_by == central_press

    refused = client.post(url, dict.fromkeys(weights, 0))
    assert refused.status_code == 200
    assert "Кемінде бір көрсеткіштің салмағы" in refused.content.decode()
    assert LeagueWeights.objects.get().as_dict() == weights  # nothing half-saved

    client.force_login(abai_executive)
    assert client.post(url, weights).status_code == 403


def test_the_dashboards_key_figures_say_unknown_and_link_to_their_records(client, abai_executive):
    client.force_login(abai_executive)
    response = client.get(
        reverse("dashboard:unit", args=["abai"]), {"year": 2024, "as_of": "2024-09-01"}
    )
    cards = {card.key: card for card in response.context["cards"]}
    assert cards["publications"].value == 67
    assert cards["followers"].value == 261
    # The one follower count is a card that says so, not a chart with a single dot.
    assert cards["followers"].previous is None
    assert "01.09.2024" in cards["followers"].note
    assert response.context["charts"]["followers"] is None
    assert cards["publications"].url.startswith(reverse("publications:list"))
    content = response.content.decode()
    assert 'data-testid="key-publications"' in content
    assert 'data-testid="section-platforms"' in content


def test_the_officers_home_shows_their_month_what_is_due_and_what_they_logged(
    client, aksuat_officer, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    today = timezone.localdate()
    AudienceSnapshot.objects.create(
        resource=page, taken_on=today - timedelta(days=200), followers=40
    )
    mine = PublicationFactory(
        resource=page, unit=aksuat, published_on=today, created_by=aksuat_officer
    )
    year_before = today.replace(day=1, year=today.year - 1)
    PublicationFactory(resource=page, unit=aksuat, published_on=year_before)
    PublicationFactory(resource=page, unit=aksuat, published_on=year_before)
    client.force_login(aksuat_officer)
    response = client.get(reverse("home"))
    overview = response.context["overview"]
    this_month = overview.months[0]
    assert (this_month.count, this_month.year_before, this_month.change) == (1, 2, -1)
    assert today.replace(day=1) not in overview.silent_months
    assert [item.text for item in overview.recent] == [mine.title]
    due = " ".join(item.text for item in overview.due)
    assert (today - timedelta(days=200)).strftime("%d.%m.%Y") in due  # older than a quarter
    content = response.content.decode()
    for testid in ("action-add", "action-import", "action-paste", "my-month", "due", "recent"):
        assert f'data-testid="{testid}"' in content


def test_an_executive_home_has_no_officers_month(client, abai_executive):
    client.force_login(abai_executive)
    response = client.get(reverse("home"))
    assert response.context["overview"] is None
    assert 'data-testid="action-add"' not in response.content.decode()
