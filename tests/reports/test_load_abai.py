"""The loader puts every fact of the Abai Анықтама into records; queries over them give the
document's figures back."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Count

from branches.models import OrgUnit
from branches.selectors import member_total
from monitoring.models import AudienceSnapshot, CommitteeReview
from publications.models import MethodologicalMaterial, Publication, Resource

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 9, 1)


def _per_year(queryset) -> dict[int, int]:
    return {
        year: queryset.filter(published_on__year=year).count() for year in (2021, 2022, 2023, 2024)
    }


def test_the_region_has_404_primary_organizations_with_25_116_members_and_9_branches(abai):
    primaries = OrgUnit.objects.filter(path__startswith=abai.path, kind=OrgUnit.Kind.PRIMARY)
    assert primaries.count() == 404
    assert primaries.filter(is_placeholder=True).count() == 404
    assert primaries.filter(parent=abai).exists(), "some are served directly by the region"
    assert member_total(unit=abai, on=AS_OF) == 25116
    branches = OrgUnit.objects.filter(parent=abai, kind=OrgUnit.Kind.BRANCH)
    assert branches.count() == 9
    assert set(branches.values_list("short_name", flat=True)) == {
        "Абай", "Ақсуат", "Аягөз", "Бесқарағай", "Бородулиха", "Жарма", "Көкпекті", "Үржар",
        "Қалалық кәсіподақ комитеті",
    }  # fmt: skip


def test_information_work_is_done_by_the_chief_specialist_without_a_press_secretary(abai):
    assert "бас маман" in abai.information_officer
    assert abai.has_press_secretary is False
    assert abai.chairman == "С. Ибраев"


def test_site_publications_are_20_36_46_and_28_in_the_first_half_of_2024():
    site = Publication.objects.filter(resource__platform__slug="website")
    assert _per_year(site) == {2021: 20, 2022: 36, 2023: 46, 2024: 28}
    assert not site.filter(published_on__gt=date(2024, 6, 30)).exists()
    assert site.filter(details_unknown=False).count() == 0


def test_facebook_publications_by_authoring_unit_match_the_table(abai):
    page = Resource.objects.get(owner=abai, platform__slug="facebook")
    assert page.opened_on == date(2023, 5, 1)
    posts = Publication.objects.filter(resource=page)
    assert not posts.filter(published_on__lt=date(2023, 5, 1)).exists()

    def by_unit(year: int, **extra) -> dict[str, int]:
        rows = (
            posts.filter(published_on__year=year, **extra)
            .values("unit__kind", "unit__short_name")
            .annotate(n=Count("id"))
        )
        return {
            "direct" if row["unit__kind"] == OrgUnit.Kind.PRIMARY else row["unit__short_name"]: (
                row["n"]
            )
            for row in rows
        }

    region, city = "Облыстық кәсіподақ комитеті", "Қалалық кәсіподақ комитеті"
    assert by_unit(2023) == {
        region: 25, city: 9, "Ақсуат": 1, "Аягөз": 1, "Бесқарағай": 2, "Бородулиха": 3,
        "Жарма": 2, "Көкпекті": 3, "Үржар": 2,
    }  # fmt: skip
    assert sum(by_unit(2023).values()) == 48
    assert by_unit(2024, published_on__lte=AS_OF) == {
        region: 17, city: 10, "Ақсуат": 2, "Жарма": 1, "direct": 3,
    }  # fmt: skip
    assert posts.filter(published_on__year=2024).count() == 33
    assert posts.filter(topic=Publication.Topic.LEGAL).count() == 2


def test_press_publications_are_4_7_8_and_6_by_outlet():
    press = Publication.objects.filter(resource__platform__slug="newspaper")
    assert _per_year(press) == {2021: 4, 2022: 7, 2023: 8, 2024: 6}
    assert not press.filter(published_on__gt=AS_OF).exists()

    def by_outlet(year: int) -> dict[str, int]:
        rows = (
            press.filter(published_on__year=year).values("resource__name").annotate(n=Count("id"))
        )
        return {row["resource__name"]: row["n"] for row in rows}

    assert by_outlet(2021) == {
        "Қазақстан кәсіподағы": 1, "Семей таңы": 1, "Білімді Ел": 1, "Уақыт тынысы": 1,
    }  # fmt: skip
    assert by_outlet(2022) == {"Қазақстан кәсіподағы": 5, "Білімді Ел": 1, "Уақыт тынысы": 1}
    assert by_outlet(2024) == {"Семей таңы": 1, "Жаңа уақыт": 2, "Бесқарағай тынысы": 3}


def test_the_chairmans_broadcasts_are_counted_apart_from_the_press():
    broadcasts = Publication.objects.filter(kind=Publication.Kind.BROADCAST)
    assert set(broadcasts.values_list("resource__platform__slug", flat=True)) == {"tv", "radio"}
    assert not broadcasts.filter(resource__platform__slug="newspaper").exists()
    assert all(day.year == 2024 and day <= AS_OF for day in broadcasts.values_list(
        "published_on", flat=True))  # fmt: skip


def test_5_of_9_branches_have_pages_with_their_addresses(abai):
    pages = Resource.objects.filter(
        kind=Resource.Kind.OWN_PAGE, owner__kind=OrgUnit.Kind.BRANCH, owner__parent=abai
    )
    assert pages.values("owner").distinct().count() == 5
    assert {(page.owner.short_name, page.platform.name) for page in pages} == {
        ("Абай", "Instagram"), ("Ақсуат", "Facebook"), ("Бесқарағай", "Facebook"),
        ("Бесқарағай", "Instagram"), ("Бородулиха", "Instagram"), ("Үржар", "Facebook"),
    }  # fmt: skip
    assert all(page.url.startswith("https://www.") for page in pages)


def test_the_regional_page_has_261_followers_on_1_september_2024(abai):
    snapshot = AudienceSnapshot.objects.get(resource__owner=abai)
    assert (snapshot.taken_on, snapshot.followers) == (AS_OF, 261)


def test_five_booklets_and_two_executive_committee_reviews(abai):
    booklets = MethodologicalMaterial.objects.filter(unit=abai, year__range=(2022, 2024))
    assert booklets.count() == 5
    assert booklets.filter(title="Кәсіподақ ұйымдарындағы статистикалық есептілік").exists()
    reviews = CommitteeReview.objects.filter(unit=abai).order_by("year")
    assert [review.year for review in reviews] == [2021, 2024]
    assert reviews[0].tasks.count() == 1
    assert "жеткіліксіз" in reviews[0].assessment


def test_loading_twice_adds_nothing():
    models = [OrgUnit, Publication, Resource, AudienceSnapshot, MethodologicalMaterial]
    before = [model.objects.count() for model in models]
    history_before = Publication.history.count()
    call_command("load_abai", "--demo-users", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [model.objects.count() for model in models] == before
    assert Publication.history.count() == history_before


def test_demo_users_are_refused_by_production_settings(settings):
    from django.core.management.base import CommandError

    settings.ALLOW_DEMO_USERS = False
    with pytest.raises(CommandError):
        call_command("load_abai", "--demo-users")
