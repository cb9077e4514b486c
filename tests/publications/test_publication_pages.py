"""A press officer logs, finds, edits and deletes publications; bad input never half-saves."""

import io
import uuid
from datetime import date, timedelta

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from publications.models import Publication, Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def aksuat_page(aksuat):
    return Resource.objects.get(owner=aksuat)


@pytest.fixture
def urzhar_publication(urzhar):
    page = Resource.objects.get(owner=urzhar)
    return PublicationFactory(resource=page, unit=urzhar, title="Үржар жаңалығы")


def _form(aksuat, page, **overrides) -> dict:
    data = {
        "published_on": "2024-09-01",
        "resource": page.pk,
        "unit": aksuat.pk,
        "title": "Мұғалімдер күні",
        "url": "https://www.facebook.com/aksuat/posts/1",
        "topic": "organizational",
        "kind": "news",
        "language": "kk",
        "submission_token": str(uuid.uuid4()),
        "version": 1,
    }
    return {**data, **overrides}


def test_officer_adds_a_publication(client, aksuat_officer, aksuat, aksuat_page):
    client.force_login(aksuat_officer)
    response = client.post(reverse("publications:create"), _form(aksuat, aksuat_page), follow=True)
    publication = Publication.objects.get(title="Мұғалімдер күні")
    assert response.redirect_chain[-1][0] == publication.get_absolute_url()
    assert publication.created_by == aksuat_officer
    assert publication.region.slug == "abai"
    assert "Мұғалімдер күні" in response.content.decode()


def test_the_form_offers_only_the_officers_units_and_pages(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    form = client.get(reverse("publications:create")).context["form"]
    units = form.fields["unit"].queryset
    assert all(unit.path.startswith(aksuat.path) for unit in units)
    resources = form.fields["resource"].queryset
    assert not resources.filter(owner__slug="urzhar").exists()
    assert resources.filter(kind=Resource.Kind.OUTSIDE_MEDIUM).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("unit", "other-branch"),
        ("unit", "999999"),
        ("unit", "abc"),
        ("unit", "-1"),
        ("resource", "urzhar-page"),
        ("url", "javascript:alert(1)"),
        ("url", " JaVaScRiPt:alert(1)"),
        ("url", "data:text/html,<b>x</b>"),
        ("url", "ftp://example.kz/file"),
        ("url", "https://example.kz/" + "a" * 2100),
        ("title", "a" * 10_000),
        ("title", "x\x00y"),
        ("title", "\u200b\u200b"),
        ("published_on", "2024-02-31"),
        ("published_on", "2024-13-01"),
        ("published_on", "future"),
        ("published_on", "2023-04-30"),
        ("views", "-5"),
        ("views", "1e309"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    client, aksuat_officer, abai_staff, aksuat, urzhar, aksuat_page, abai, field, value
):
    values = {
        "other-branch": str(urzhar.pk),
        "urzhar-page": str(Resource.objects.get(owner=urzhar).pk),
        "future": (timezone.localdate() + timedelta(days=1)).isoformat(),
    }
    data = _form(aksuat, aksuat_page, **{field: values.get(value, value)})
    if value == "2023-04-30":  # before the regional page opened (staff may post there)
        client.force_login(abai_staff)
        data["resource"] = Resource.objects.get(owner=abai).pk
        data["unit"] = abai.pk
    else:
        client.force_login(aksuat_officer)
    before = Publication.objects.count()
    response = client.post(reverse("publications:create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Publication.objects.count() == before


def test_a_2048_character_address_is_accepted(client, aksuat_officer, aksuat, aksuat_page):
    client.force_login(aksuat_officer)
    url = "https://www.facebook.com/" + "a" * (2048 - len("https://www.facebook.com/"))
    client.post(reverse("publications:create"), _form(aksuat, aksuat_page, url=url))
    assert Publication.objects.get(title="Мұғалімдер күні").url == url


def test_invisible_characters_are_stripped(client, aksuat_officer, aksuat, aksuat_page):
    client.force_login(aksuat_officer)
    title = "\u200bМұғалімдер\u00a0\u00a0күні\u202e\ufeff"
    client.post(reverse("publications:create"), _form(aksuat, aksuat_page, title=title))
    assert Publication.objects.filter(title="Мұғалімдер күні").exists()


def test_script_in_a_title_is_stored_verbatim_and_shown_inert(
    client, aksuat_officer, aksuat, aksuat_page
):
    client.force_login(aksuat_officer)
    title = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    client.post(reverse("publications:create"), _form(aksuat, aksuat_page, title=title))
    publication = Publication.objects.get(title=title)
    for url in (publication.get_absolute_url(), reverse("publications:list")):
        content = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in content
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_extra_fields_such_as_author_or_region_are_ignored(
    client, aksuat_officer, aksuat, aksuat_page, urzhar
):
    client.force_login(aksuat_officer)
    data = _form(aksuat, aksuat_page, created_by=1, region=urzhar.pk, deleted_at="2024-01-01")
    client.post(reverse("publications:create"), data)
    publication = Publication.objects.get(title="Мұғалімдер күні")
    assert publication.created_by == aksuat_officer
    assert publication.region.slug == "abai"
    assert publication.deleted_at is None


def test_a_double_submit_makes_one_record(client, aksuat_officer, aksuat, aksuat_page):
    client.force_login(aksuat_officer)
    data = _form(aksuat, aksuat_page)
    first = client.post(reverse("publications:create"), data)
    second = client.post(reverse("publications:create"), data)
    assert Publication.objects.filter(title="Мұғалімдер күні").count() == 1
    assert first["Location"] == second["Location"]


def test_a_form_without_csrf_token_is_refused(aksuat_officer, aksuat, aksuat_page):
    client = Client(enforce_csrf_checks=True)
    client.force_login(aksuat_officer)
    response = client.post(reverse("publications:create"), _form(aksuat, aksuat_page))
    assert response.status_code == 403
    assert not Publication.objects.filter(title="Мұғалімдер күні").exists()


def test_two_stale_edits_give_one_conflict_and_lose_nothing(client, aksuat_officer, aksuat):
    publication = PublicationFactory(resource=Resource.objects.get(owner=aksuat), unit=aksuat)
    client.force_login(aksuat_officer)
    url = reverse("publications:update", args=[publication.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    first = client.post(url, {**data, "title": "Бірінші нұсқа"})
    assert first.status_code == 302
    second = client.post(url, {**data, "title": "Екінші нұсқа"})
    assert second.status_code == 409
    assert "Бірінші нұсқа" in second.content.decode()
    publication.refresh_from_db()
    assert publication.title == "Бірінші нұсқа"
    assert publication.version == 2


def test_the_detail_page_shows_who_changed_what(client, aksuat_officer, aksuat, aksuat_page):
    client.force_login(aksuat_officer)
    client.post(reverse("publications:create"), _form(aksuat, aksuat_page))
    publication = Publication.objects.get(title="Мұғалімдер күні")
    url = reverse("publications:update", args=[publication.pk])
    data = _form(aksuat, aksuat_page, title="Ұстаздар күні", version=1)
    client.post(url, data)
    history = client.get(publication.get_absolute_url()).context["history"]
    assert len(history) == 2
    assert history[0]["who"] == aksuat_officer
    change = history[0]["changes"][0]
    assert (change["old"], change["new"]) == ("Мұғалімдер күні", "Ұстаздар күні")


def test_delete_is_soft_counts_nowhere_and_staff_restore_it(
    client, aksuat_officer, abai_staff, aksuat, aksuat_page
):
    publication = PublicationFactory(resource=aksuat_page, unit=aksuat, title="Өшірілетін")
    client.force_login(aksuat_officer)
    client.post(reverse("publications:delete", args=[publication.pk]))
    assert not Publication.objects.filter(pk=publication.pk).exists()
    assert Publication.all_objects.filter(pk=publication.pk).exists()
    listed = client.get(reverse("publications:list"), {"q": "Өшірілетін"})
    assert listed.context["table"].paginator.count == 0
    assert client.get(publication.get_absolute_url()).status_code == 404
    assert client.post(reverse("publications:restore", args=[publication.pk])).status_code == 403

    client.force_login(abai_staff)
    deleted = client.get(reverse("publications:deleted"))
    assert "Өшірілетін" in deleted.content.decode()
    client.post(reverse("publications:restore", args=[publication.pk]))
    assert Publication.objects.filter(pk=publication.pk).exists()
    kinds = [
        entry["kind"] for entry in client.get(publication.get_absolute_url()).context["history"]
    ]
    assert len(kinds) == 3


def test_officer_cannot_open_another_branchs_publication(
    client, aksuat_officer, urzhar_publication
):
    client.force_login(aksuat_officer)
    for name in ("detail", "update", "delete"):
        url = reverse(f"publications:{name}", args=[urzhar_publication.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "x"}).status_code == 404
    urzhar_publication.refresh_from_db()
    assert urzhar_publication.title == "Үржар жаңалығы"


def test_the_executive_reads_but_may_not_write(client, abai_executive, urzhar_publication):
    client.force_login(abai_executive)
    assert client.get(urzhar_publication.get_absolute_url()).status_code == 200
    assert client.get(reverse("publications:create")).status_code == 403
    url = reverse("publications:delete", args=[urzhar_publication.pk])
    assert client.post(url).status_code == 403
    assert Publication.objects.filter(pk=urzhar_publication.pk).exists()


def test_search_ignores_kazakh_letter_case(client, aksuat_officer, aksuat, aksuat_page):
    PublicationFactory(resource=aksuat_page, unit=aksuat, title="«қазақстан кәсіподағы» туралы")
    client.force_login(aksuat_officer)
    response = client.get(reverse("publications:list"), {"q": "ҚАЗАҚСТАН"})
    assert response.context["table"].paginator.count == 1


def test_filters_work_as_plain_links_and_as_htmx(client, abai_staff, aksuat, aksuat_page):
    for day in (date(2024, 2, 1), date(2024, 3, 1)):
        PublicationFactory(resource=aksuat_page, unit=aksuat, published_on=day)
    client.force_login(abai_staff)
    params = {"platform": "", "unit": aksuat.pk, "year": 2024}
    plain = client.get(reverse("publications:list"), params)
    assert "<html" in plain.content.decode()
    htmx = client.get(reverse("publications:list"), params, HTTP_HX_REQUEST="true")
    assert "<html" not in htmx.content.decode()
    assert htmx.context["table"].paginator.count == plain.context["table"].paginator.count == 2
    # The unit's tally of the regional page is listed under them, in both.
    assert htmx.context["tallies_total"] == plain.context["tallies_total"] == 2


def test_facebook_filter_finds_the_regional_pages_2024_tallies(client, abai_executive):
    client.force_login(abai_executive)
    response = client.get(
        reverse("publications:list"),
        {"platform": 1, "published_from": "2024-01-01", "published_to": "2024-09-01"},
    )
    assert response.context["table"].paginator.count == 0
    assert response.context["tallies_total"] == 33


def test_export_is_scoped_filtered_and_writes_formulas_as_text(
    client, aksuat_officer, aksuat, aksuat_page, urzhar_publication
):
    for title in ('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"):
        PublicationFactory(resource=aksuat_page, unit=aksuat, title=title)
    client.force_login(aksuat_officer)
    response = client.get(reverse("publications:export"), {"year": 2024})
    assert response["Content-Disposition"] == 'attachment; filename="publications.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    titles = {row[3].value: row[3] for row in sheet.iter_rows(min_row=2)}
    assert "Үржар жаңалығы" not in titles
    assert titles['=HYPERLINK("http://x","y")'].data_type == "s"
    assert titles["@SUM(1)"].data_type == "s"
    assert (
        len(titles)
        == Publication.objects.filter(
            unit__path__startswith=aksuat.path, published_on__year=2024
        ).count()
    )
    first_date = next(sheet.iter_rows(min_row=2))[0].value
    assert first_date.date() <= timezone.localdate()
