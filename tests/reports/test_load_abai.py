"""The loader puts every fact of the Abai Анықтама into records; queries over them give the
document's figures back."""

from datetime import date

import pytest
from django.core.management import call_command

from branches.models import OrgUnit
from branches.selectors import member_total
from monitoring.models import AudienceSnapshot, CommitteeReview
from publications.models import MethodologicalMaterial, Publication, Resource, Tally
from reports.models import ReportDraft

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 9, 1)


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


def _spans(tallies) -> dict[tuple[date, date], int]:
    return {(t.starts_on, t.ends_on): t.count for t in tallies}


def test_no_publication_is_made_up_every_count_is_a_tally():
    assert not Publication.all_objects.exists()
    assert Tally.objects.filter(source__contains="01.09.2024").count() == Tally.objects.count()


def test_the_site_is_one_tally_a_year_and_2024_is_its_first_half():
    site = Tally.objects.filter(platform__slug="website")
    assert _spans(site) == {
        (date(2021, 1, 1), date(2021, 12, 31)): 20, (date(2022, 1, 1), date(2022, 12, 31)): 36,
        (date(2023, 1, 1), date(2023, 12, 31)): 46, (date(2024, 1, 1), date(2024, 6, 30)): 28,
    }  # fmt: skip


def test_facebook_tallies_by_authoring_unit_match_the_table(abai):
    page = Resource.objects.get(owner=abai, platform__slug="facebook")
    assert page.opened_on == date(2023, 5, 1)
    tallies = Tally.objects.filter(resources=page)

    def by_unit(first: date, last: date) -> dict[str, int]:
        rows = tallies.filter(starts_on=first, ends_on=last).select_related("unit")
        return {
            "direct" if t.unit.kind == OrgUnit.Kind.PRIMARY else t.unit.label: t.count for t in rows
        }

    region, city = "Облыстық кәсіподақ комитеті", "Қалалық кәсіподақ комитеті"
    assert by_unit(date(2023, 5, 1), date(2023, 12, 31)) == {
        region: 25, city: 9, "Ақсуат": 1, "Аягөз": 1, "Бесқарағай": 2, "Бородулиха": 3,
        "Жарма": 2, "Көкпекті": 3, "Үржар": 2,
    }  # fmt: skip
    assert by_unit(date(2024, 1, 1), AS_OF) == {
        region: 17, city: 10, "Ақсуат": 2, "Жарма": 1, "direct": 3,
    }  # fmt: skip
    assert tallies.count() == 14, "nothing else is on the page"
    # Only the two legal seminars are known of the topics; reposts and language never.
    assert sum(t.topic_legal or 0 for t in tallies) == 2
    assert not tallies.filter(reposts__isnull=False).exists()
    assert not tallies.filter(kazakh__isnull=False).exists()


def test_press_is_4_7_8_and_6_and_2023_keeps_the_sources_groups():
    press = Tally.objects.filter(platform__slug="newspaper").prefetch_related("resources")

    def by_outlet(year: int) -> dict[tuple[str, ...], int]:
        return {
            tuple(sorted(r.name for r in t.resources.all())): t.count
            for t in press.filter(starts_on__year=year)
        }

    assert {y: sum(by_outlet(y).values()) for y in (2021, 2022, 2023, 2024)} == {
        2021: 4, 2022: 7, 2023: 8, 2024: 6,
    }  # fmt: skip
    assert by_outlet(2023) == {
        ("Қазақстан кәсіподағы",): 2,
        ("Семей вести", "Семей таңы"): 2,
        ("Бесқарағай тынысы", "Жаңа уақыт", "Уақыт тынысы"): 4,
    }
    assert by_outlet(2024) == {("Семей таңы",): 1, ("Жаңа уақыт",): 2, ("Бесқарағай тынысы",): 3}
    assert not press.filter(ends_on__gt=AS_OF).exists()


def test_no_broadcast_is_counted_the_2024_commentary_says_it_in_staffs_words(abai):
    assert not Tally.objects.filter(platform__kind__in=["tv", "radio"]).exists()
    draft = ReportDraft.objects.get(region=abai, year=2024, as_of=AS_OF, language="kk")
    assert "эфирлеріне қатысты" in draft.commentary
    assert not draft.texts, "the generated sections keep following the records"


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
    models = [OrgUnit, Tally, Resource, AudienceSnapshot, MethodologicalMaterial, ReportDraft]
    before = [model.objects.count() for model in models]
    history_before = Tally.history.count()
    call_command("load_abai", "--demo-users", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [model.objects.count() for model in models] == before
    assert Tally.history.count() == history_before


def test_demo_users_are_refused_by_production_settings(settings):
    from django.core.management.base import CommandError

    settings.ALLOW_DEMO_USERS = False
    with pytest.raises(CommandError):
        call_command("load_abai", "--demo-users")
