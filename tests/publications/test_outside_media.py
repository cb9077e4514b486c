"""Outside media belong to a region or are national: a region's staff keep only theirs, the
central press service the national ones, and nobody sees another region's media or people."""

import pytest
from django.urls import reverse

from publications.models import Platform, Resource


@pytest.fixture
def newspaper():
    return Platform.objects.get(slug="newspaper")


@pytest.fixture
def national_medium():
    return Resource.objects.get(name="Қазақстан кәсіподағы")


@pytest.fixture
def other_region_paper(other_region, other_region_staff, newspaper):
    medium = Resource(
        name="Жетісу газеті", platform=newspaper, kind=Resource.Kind.OUTSIDE_MEDIUM,
        level=Resource.Level.REGIONAL, region=other_region,
    )  # fmt: skip
    medium._history_user = other_region_staff
    medium.save()
    return medium


def test_abais_local_papers_are_abais_and_national_ones_no_regions(abai):
    assert Resource.objects.get(name="Семей таңы").region == abai
    assert Resource.objects.get(name="Уақыт тынысы").region == abai
    assert Resource.objects.get(name="Қазақстан кәсіподағы").region is None
    assert Resource.objects.get(name="Білімді Ел").region is None


@pytest.mark.parametrize("view", ["update", "delete"])
def test_regional_staff_cannot_change_a_national_medium(client, abai_staff, national_medium, view):
    client.force_login(abai_staff)
    url = reverse(f"resources:{view}", args=[national_medium.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Өзгертілді"}).status_code == 403
    national_medium.refresh_from_db()
    assert national_medium.name == "Қазақстан кәсіподағы"
    assert national_medium.deleted_at is None


@pytest.mark.parametrize("view", ["detail", "update", "delete"])
def test_regional_staff_do_not_find_another_regions_medium(
    client, abai_staff, other_region_paper, view
):
    client.force_login(abai_staff)
    url = reverse(f"resources:{view}", args=[other_region_paper.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Өзгертілді"}).status_code == 404
    other_region_paper.refresh_from_db()
    assert other_region_paper.name == "Жетісу газеті"
    assert other_region_paper.deleted_at is None


def test_lists_and_choices_show_ones_own_regions_media_and_the_national_ones(
    client, abai_staff, aksuat_officer, other_region_paper
):
    client.force_login(abai_staff)
    listing = client.get(reverse("resources:list"), {"per_page": 200}).content.decode()
    assert "Семей таңы" in listing and "Қазақстан кәсіподағы" in listing
    assert "Жетісу газеті" not in listing
    client.force_login(aksuat_officer)
    form = client.get(reverse("publications:create")).content.decode()
    assert "Семей таңы" in form and "Қазақстан кәсіподағы" in form
    assert "Жетісу газеті" not in form


def test_a_regions_staff_keep_their_own_media(client, abai_staff, abai, newspaper):
    client.force_login(abai_staff)
    data = {"name": "Абай жаңалықтары", "platform": newspaper.pk, "kind": "outside_medium",
            "level": "district"}  # fmt: skip
    assert client.post(reverse("resources:create"), data).status_code == 302
    created = Resource.objects.get(name="Абай жаңалықтары")
    assert created.region == abai
    data = {**data, "name": "Ұлттық газет", "level": "national"}
    response = client.post(reverse("resources:create"), data)
    assert response.status_code == 200
    assert "level" in response.context["form"].errors
    assert not Resource.objects.filter(name="Ұлттық газет").exists()


def test_the_central_press_service_keeps_the_national_media_only(
    client, central_press, national_medium, other_region_paper
):
    client.force_login(central_press)
    url = reverse("resources:update", args=[national_medium.pk])
    assert client.get(url).status_code == 200
    url = reverse("resources:update", args=[other_region_paper.pk])
    assert client.get(url).status_code == 403


def test_a_mediums_history_names_no_one_of_another_region(
    client, central_press, other_region_staff, national_medium
):
    national_medium.name = "Қазақстан кәсіподағы газеті"
    national_medium._history_user = other_region_staff
    national_medium.save()
    client.force_login(central_press)
    page = client.get(national_medium.get_absolute_url()).content.decode()
    assert other_region_staff.username in page
    from django.contrib.auth import get_user_model

    abai_staff = get_user_model().objects.get(username="abai_staff")
    client.force_login(abai_staff)
    page = client.get(national_medium.get_absolute_url()).content.decode()
    assert other_region_staff.username not in page
