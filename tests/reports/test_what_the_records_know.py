"""The report and the dashboard say what the records know and nothing more: counts known only
as totals are tallies, unknown is never zero, comparisons only where the grain allows, and
periods that do not exist are refused."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.selectors.publications import share_rounded, shares_rounded
from publications.models import Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _text(client, user, path, params=None) -> str:
    client.force_login(user)
    response = client.get(path, params or {})
    assert response.status_code == 200, path
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " "))


def _report(client, user, year, language="kk", **params) -> str:
    return _text(client, user, f"/reports/abai/{year}/", {"lang": language, **params})


def _section(text: str, title: str, following: str) -> str:
    start = text.index(title)
    return text[start : text.index(following, start + len(title))]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_2024_report_builds_no_share_on_unknowns(client, abai_staff, language):
    text = _report(client, abai_staff, 2024, language, as_of="2024-09-01")
    kk = language == "kk"
    content = _section(text, "Материалдардың мазмұны" if kk else "Содержание материалов",
                       "Бұқаралық ақпарат" if kk else "Средства массовой")  # fmt: skip
    # Reposts and the language are never stated by the source: no figure, no share.
    assert "Репост –" not in content and "Репостов –" not in content
    assert ("Репостқа қатысты деректер жоқ" if kk else "Данных о репостах нет") in content
    assert ("Тіліне қатысты деректер жоқ" if kk else "Данных о языке нет") in content
    assert "0,0 %" not in content
    # Topics: 66 of 67 unknown, so no topic mix; the legal share is over the 33 whose legal
    # count the source gives (the page's posts), not over all.
    assert ("67 материалдың 66-сының тақырыбы белгісіз" if kk
            else "Тема 66 из 67 материалов неизвестна") in content  # fmt: skip
    assert "Ұйымдастырушылық" not in content and "Организационн" not in content
    assert "3,0 %" in content and "33" in content


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_2024_report_compares_nothing_for_the_site_and_counts_no_broadcast(
    client, abai_staff, language
):
    text = _report(client, abai_staff, 2024, language, as_of="2024-09-01")
    kk = language == "kk"
    site = _section(text, "Сайттағы материалдар" if kk else "Материалы на сайте",
                    "Әлеуметтік желілер" if kk else "Социальные сети")  # fmt: skip
    assert "сол кезеңімен" not in site and "тем же периодом" not in site
    assert ("2024 жылдың бірінші жартысында – 28" if kk
            else "в первом полугодии 2024 года – 28") in site  # fmt: skip
    assert "өткен жылдың сол кезеңімен салыстырғанда материалдар азайды" not in text
    media = _section(text, "Бұқаралық ақпарат" if kk else "Средства массовой",
                     "Газетке жазылу" if kk else "Подписка")  # fmt: skip
    assert "рет қатысты" not in media and "эфир" not in media
    # The source's words on broadcasts are staff's commentary, not a count.
    assert ("эфирлеріне қатысты" if kk else "в эфирах") in text


def test_the_2023_and_2022_reports_give_the_members_with_their_date(client, abai_staff):
    for year in (2022, 2023):
        text = _report(client, abai_staff, year)
        assert "25 116 адамды құрайтын" in text
        assert "Мүшелер саны кейінгі дерек бойынша, 01.01.2024 жағдайында" in text
        assert "0 адам" not in text


def test_the_2022_report_does_not_mention_the_page_that_opened_in_2023(client, abai_staff):
    text = _report(client, abai_staff, 2022)
    social = _section(text, "Әлеуметтік желілер", "Филиалдардың парақшалары")
    assert "261" not in text
    assert "2023 жылдың мамырынан" not in text
    assert "парақшасы жоқ" in social


def test_the_2023_report_gives_the_later_follower_count_as_later_and_builds_nothing_on_it(
    client, abai_staff
):
    text = _report(client, abai_staff, 2023)
    assert "0 жазылушы" not in text
    assert "кейінгі дерек бойынша 01.09.2024 жағдайында парақшаның 261 жазылушысы бар" in text
    assert "жазылушылар санын арттыру" not in text, "no finding on a count from after 2023"


def test_a_year_with_no_records_says_so_once(client, abai_staff):
    client.force_login(abai_staff)
    report = client.get("/reports/abai/2019/").context["report"]
    said = " ".join(section["text"] for section in report["sections"])
    assert said.count("ешқандай дерек тіркелмеген") == 1
    assert len(report["sections"]) == 1
    text = _report(client, abai_staff, 2019)
    assert "барлығы 0 материал" not in text
    assert "– –" not in text
    dashboard = _text(client, abai_staff, "/dashboard/abai/", {"year": 2019})
    assert "Бұл кезеңде ештеңе тіркелмеген" in dashboard


def test_the_reports_index_links_every_year_with_records_newest_first(client, abai_executive):
    client.force_login(abai_executive)
    html = client.get(reverse("reports:index")).content.decode()
    years = re.findall(r'href="/reports/abai/(\d{4})/"', html)
    assert years == ["2024", "2023", "2022", "2021"]


@pytest.mark.parametrize("path", ["/reports/abai/{year}/", "/dashboard/abai/?year={year}"])
def test_years_outside_the_portal_are_404_and_bad_dates_are_400(client, abai_staff, path):
    client.force_login(abai_staff)
    for year in (1900, 2999, timezone.localdate().year + 1):
        assert client.get(path.format(year=year)).status_code == 404
    joiner = "&" if "?" in path else "?"
    base = path.format(year=2024)
    for bad in ("garbage", "2023-09-01", "2024-02-30", "2024-13-01"):
        response = client.get(f"{base}{joiner}as_of={bad}")
        assert response.status_code == 400, bad
    assert client.get(f"{base}{joiner}as_of=2024-09-01").status_code == 200
    if "?" in path:
        assert client.get("/dashboard/abai/?year=abc").status_code == 400


def test_shares_are_rounded_half_up_and_the_parts_add_up_to_100():
    assert share_rounded(1, 102) == Decimal("1.0")
    assert share_rounded(2, 3) == Decimal("66.7")
    parts = shares_rounded([68, 1, 0, 0])
    assert parts == [Decimal("98.6"), Decimal("1.4"), Decimal("0.0"), Decimal("0.0")]
    assert sum(shares_rounded([1, 1, 1])) == 100
    assert shares_rounded([0, 0]) == [None, None]


def test_a_topic_mix_known_for_some_items_is_a_share_of_those(client, abai_staff, aksuat):
    page = Resource.objects.get(owner=aksuat)
    for topic in ("legal", "organizational", "organizational"):
        PublicationFactory(resource=page, unit=aksuat, published_on=date(2024, 3, 1), topic=topic)
    text = _report(client, abai_staff, 2024, as_of="2024-09-01")
    content = _section(text, "Материалдардың мазмұны", "Бұқаралық ақпарат")
    assert "барлығы 70 материал" in content
    assert "70 материалдың 67-сінің тақырыбы белгісіз" in content
    assert "ұйымдастырушылық – 66,7 %" in content
    assert "құқықтық – 33,3 %" in content
