"""The dashboards: Abai's figures as the source document gives them, links to the records
behind each number, branch scopes, the national view, and query counts that do not grow."""

import base64
import re
import uuid
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import ReviewTask
from publications.models import Publication, Resource
from publications.summary import summary_rebuild
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

ABAI_2024 = {"year": 2024, "as_of": "2024-09-01"}
NBSP = "\u00a0"


def _dashboard(client, user, slug="abai", params=ABAI_2024):
    client.force_login(user)
    return client.get(reverse("dashboard:unit", args=[slug]), params)


def _row(table, label):
    return next(row for row in table.rows if str(getattr(row.key, "name", "")) == label)


def test_abai_2024_as_of_1_september_shows_the_documents_figures(client, abai_executive):
    response = _dashboard(client, abai_executive)
    figures = response.context["figures"]
    by_platform = figures.by_platform
    assert _row(by_platform, "Сайт").current == 28
    assert _row(by_platform, "Facebook").current == 33
    assert _row(by_platform, "Газет").current == 6
    assert _row(by_platform, "Сайт").by_year == {2021: 20, 2022: 36, 2023: 46, 2024: 28}
    assert figures.followers_total == 261
    assert round(figures.followers_per_hundred, 1) == 1.0
    assert len(figures.branches_with_pages) == 5
    assert len(figures.branches) == 9
    content = response.content.decode()
    assert f"25{NBSP}116" in content
    assert "1,0" in content
    assert "5 / 9" in content or "5 of 9" in content or "5 / 9" in content or "9-дан 5" in content


def test_every_count_links_to_the_publications_and_tallies_behind_it(client, abai_executive):
    response = _dashboard(client, abai_executive)
    content = response.content.decode()
    links = re.findall(r'<a href="(/publications/\?[^"]+)">33</a>', content)
    assert links, "the 33 Facebook publications are a link"
    listed = client.get(links[0].replace("&amp;", "&"))
    assert listed.context["table"].paginator.count == 0  # known only as tallies
    assert listed.context["tallies_total"] == 33
    assert 'data-testid="tallies-beside"' in listed.content.decode()
    for count in ("28", "6"):
        link = re.findall(rf'<a href="(/publications/\?[^"]+)">{count}</a>', content)[0]
        listed = client.get(link.replace("&amp;", "&"))
        assert listed.context["tallies_total"] == int(count)


def test_the_authors_table_links_to_each_units_records(client, abai_executive):
    response = _dashboard(client, abai_executive)
    table = response.context["figures"].by_author_on_own_pages
    direct = next(row for row in table.rows if row.key.served_directly)
    assert direct.current == 3
    from monitoring.templatetags.figures import records_url

    url = records_url(response.context["period"], filters=direct.filters)
    assert client.get(url).context["tallies_total"] == 3


def test_the_previous_span_is_the_same_dates_a_year_before(client, abai_executive):
    page = Resource.objects.get(owner__slug="abai-audany")  # its Instagram: no tallies
    for day in (date(2023, 3, 1), date(2023, 9, 1), date(2023, 9, 2), date(2024, 2, 1),
                date(2024, 9, 1), date(2024, 9, 2)):  # fmt: skip
        PublicationFactory(resource=page, unit=page.owner, published_on=day)
    figures = _dashboard(client, abai_executive, "abai-audany").context["figures"]
    instagram = _row(figures.by_platform, "Instagram")
    assert (instagram.current, instagram.previous, instagram.change) == (2, 2, 0)
    assert instagram.comparable


def test_no_comparison_where_last_year_is_known_only_for_a_longer_span(client, abai_executive):
    """2023's site and page figures are tallies of the whole year (of May to December): the
    same span of 2023 (to 01.09) is not known, so nothing is compared."""
    response = _dashboard(client, abai_executive)
    figures = response.context["figures"]
    for label in ("Сайт", "Facebook", "Газет"):
        row = _row(figures.by_platform, label)
        assert not row.comparable
        assert row.change is None
    assert "салыстыруға болмайды" in response.content.decode()


def test_charts_are_svg_pictures_without_script_in_kazakh(client, abai_executive):
    charts = _dashboard(client, abai_executive).context["charts"]
    svg = base64.b64decode(charts["platforms"].split(",", 1)[1]).decode()
    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "Сайт" in svg
    assert "2024" in svg


def test_officer_gets_the_branch_dashboard_and_404_for_others(client, aksuat_officer):
    client.force_login(aksuat_officer)
    assert client.get(reverse("dashboard:home"))["Location"] == reverse(
        "dashboard:unit", args=["aksuat"]
    )
    response = client.get(reverse("dashboard:unit", args=["aksuat"]), ABAI_2024)
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.organization.branches == 0
    assert sum(row.current for row in figures.by_platform.rows) == 2  # Aksuat's two posts
    for slug in ("abai", "urzhar"):
        assert client.get(reverse("dashboard:unit", args=[slug])).status_code == 404


def test_overdue_tasks_are_marked(client, abai_executive, abai):
    review = abai.committee_reviews.get(year=2024)
    ReviewTask.objects.create(
        review=review, description="Telegram арнасын ашу", due_on=date(2024, 10, 1)
    )
    content = _dashboard(client, abai_executive, params={"year": 2024}).content.decode()
    assert "text-danger fw-semibold" in content


def test_the_national_view_puts_the_regions_side_by_side(client, central_press, other_region):
    client.force_login(central_press)
    response = client.get(reverse("dashboard:home"), {**ABAI_2024, "sort": "region"})
    rows = response.context["rows"]
    abai = next(row.figures for row in rows if row.region.slug == "abai")
    assert (abai.members, abai.followers, abai.branches_with_pages) == (25116, 261, 5)
    assert abai.publications == 67
    names = [row.region.display_name for row in rows]
    assert names == sorted(names)


def _publications(count: int, page: Resource) -> None:
    rows = []
    run = uuid.uuid4().hex[:8]
    for i in range(count):
        publication = Publication(
            resource=page, unit=page.owner, title=f"x{i}", url=f"https://e.kz/{page.pk}/{run}/{i}",
            published_on=date(2023, 1, 1) + timedelta(days=i % 600),
        )  # fmt: skip
        publication.fill_derived_fields()
        rows.append(publication)
    Publication.objects.bulk_create(rows)
    summary_rebuild()  # bulk inserts send no signals


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_dashboard_query_counts_do_not_grow_with_data(
    client, abai_executive, central_press, aksuat, urzhar
):
    pages = [Resource.objects.get(owner=aksuat), Resource.objects.get(owner=urzhar)]
    region, national = reverse("dashboard:unit", args=["abai"]), reverse("dashboard:home")

    def counts():
        client.force_login(abai_executive)
        first = _queries(client, region, ABAI_2024)
        client.force_login(central_press)
        return first, _queries(client, national, ABAI_2024)

    for page in pages:
        _publications(5, page)
    few = counts()
    for page in pages:
        _publications(500, page)
    cache.clear()  # bulk inserts send no signals; measure the computation again
    assert counts() == few
    assert few[0] <= 40
    assert few[1] <= 30  # the league reads the period and the same span a year before


def test_cached_figures_change_as_soon_as_a_record_does(
    client, abai_executive, aksuat, django_capture_on_commit_callbacks
):
    first = _dashboard(client, abai_executive).context["figures"]
    again = _dashboard(client, abai_executive).context["figures"]
    assert again.content.total == first.content.total
    with django_capture_on_commit_callbacks(execute=True):
        PublicationFactory(resource=Resource.objects.get(owner=aksuat), unit=aksuat,
                           published_on=date(2024, 8, 1))  # fmt: skip
    after = _dashboard(client, abai_executive).context["figures"]
    assert after.content.total == first.content.total + 1
