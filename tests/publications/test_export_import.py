"""Posts brought in from the platforms' own export files and from pasted links, through the
same preview as an Excel file: what is stored (dates, addresses, reposts, language, topic),
what is left out, and a second import adding nothing."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from publications.models import Platform, Publication, Resource, TopicRule
from tests.factories import ResourceFactory
from tests.xlsx import xlsx_file

pytestmark = pytest.mark.django_db
EXPORTS = Path(__file__).with_name("exports")
TELEGRAM = (EXPORTS / "telegram_result.json").read_bytes()


def upload(client, name: str, content: bytes | None = None, **options):
    data = content if content is not None else (EXPORTS / name).read_bytes()
    response = client.post(
        reverse("publications:import"), {"file": SimpleUploadedFile(name, data), **options},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    return response


def confirm(client, response):
    batch = response.context["batch"]
    return client.post(reverse("publications:import_batch", args=[batch.pk]), follow=True)


@pytest.fixture
def aksuat_telegram(aksuat):
    return ResourceFactory(
        name="Ақсуат кәсіподағы Telegram", platform=Platform.objects.get(slug="telegram"),
        owner=aksuat, url="https://t.me/aksuat_kasipodaq",
    )  # fmt: skip


def test_a_telegram_export_is_previewed_then_stored_then_adds_nothing(
    client, aksuat_officer, aksuat, aksuat_telegram
):
    client.force_login(aksuat_officer)
    preview = upload(client, "result.json", TELEGRAM, resource=aksuat_telegram.pk)
    text = preview.content.decode()
    assert "Telegram" in text and "Ақсуат кәсіподағы Telegram" in text
    assert preview.context["preview"].ok and len(preview.context["preview"].new) == 5
    assert 'data-testid="confirm-import"' in text
    confirm(client, preview)
    stored = Publication.objects.filter(resource=aksuat_telegram).order_by("published_on", "pk")
    channel = "https://t.me/aksuat_kasipodaq"
    assert [p.url for p in stored] == [f"{channel}/{n}" for n in (2, 3, 4, 5, 6)]
    seminar, forward, photo, video, konkurs = stored
    assert seminar.published_on == date(2024, 3, 12) and seminar.reactions == 15
    assert seminar.topic == Publication.Topic.LEGAL, "«Құқықтық», «кодекс»: legal"
    assert seminar.language == "kk" and konkurs.language == "ru"
    assert forward.is_repost and not seminar.is_repost
    assert (photo.title, video.title, video.kind) == ("Фото", "Видео", "video")
    assert all(p.unit == aksuat for p in stored)
    # The channel's id is kept: its next export finds the page without a choice.
    assert Resource.objects.get(pk=aksuat_telegram.pk).external_id == "1712345678"
    again = upload(client, "result.json", TELEGRAM)
    assert len(again.context["preview"].new) == 0
    assert again.context["preview"].skipped_already == 5


def test_an_export_folder_zipped_as_downloaded(client, aksuat_officer, aksuat_telegram):
    client.force_login(aksuat_officer)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ChatExport/result.json", TELEGRAM)
        archive.writestr("ChatExport/photos/photo_1.jpg", b"\xff\xd8\xff")
    preview = upload(client, "ChatExport.zip", buffer.getvalue())
    assert len(preview.context["preview"].new) == 5, "the only Telegram page is found by itself"


def test_which_page_is_asked_when_several_fit(client, abai_staff, abai, aksuat, aksuat_telegram):
    ResourceFactory(name="Абай Telegram", platform=aksuat_telegram.platform, owner=abai,
                    url="https://t.me/abai_kasipodaq")  # fmt: skip
    client.force_login(abai_staff)
    response = upload(client, "result.json", TELEGRAM)
    errors = response.context["form"].errors["file"][0]
    assert "Абай Telegram" in errors and "Ақсуат кәсіподағы Telegram" in errors
    assert not Publication.objects.filter(resource__platform__slug="telegram").exists()


def test_a_facebook_export_is_repaired_and_imports_once(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    preview = upload(client, "your_posts_1.json",
                     (EXPORTS / "facebook_your_posts_1.json").read_bytes())  # fmt: skip
    assert len(preview.context["preview"].new) == 4
    confirm(client, preview)
    page = Resource.objects.get(owner=aksuat, platform__slug="facebook")
    titles = list(
        Publication.objects.filter(resource=page, import_batch__isnull=False)
        .order_by("published_on")
        .values_list("title", "is_repost", "language")
    )
    assert titles[0][0].startswith("Облыстық кәсіподақ құқықтық семинар өткізді.")
    assert titles[1][1] is True, "«…поделился публикацией» is a repost"
    assert titles[3][2] == "ru"
    again = upload(client, "your_posts_1.json",
                   (EXPORTS / "facebook_your_posts_1.json").read_bytes())  # fmt: skip
    assert len(again.context["preview"].new) == 0


def test_a_region_s_own_topic_words_are_used(client, aksuat_officer, abai, aksuat, aksuat_telegram):
    TopicRule.objects.create(unit=abai, topic="culture_sport", words="семинар")
    client.force_login(aksuat_officer)
    preview = upload(client, "result.json", TELEGRAM)
    seminar = next(p for p in preview.context["preview"].new if "семинар" in p.title)
    assert seminar.topic == "culture_sport"


@pytest.mark.parametrize("name", ["site_feed.rss", "site_feed.atom", "wordpress_export.xml"])
def test_a_site_s_feed_or_wordpress_export(client, aksuat_officer, aksuat, name):
    site = ResourceFactory(name="Ақсуат сайты", platform=Platform.objects.get(slug="website"),
                           owner=aksuat, url="https://abai-kasipodaq.kz/")  # fmt: skip
    client.force_login(aksuat_officer)
    preview = upload(client, name)
    confirm(client, preview)
    stored = Publication.objects.filter(resource=site)
    assert "https://abai-kasipodaq.kz/news/seminar-2024/" in {p.url for p in stored} or (
        "https://abai-kasipodaq.kz/2024/03/12/seminar/" in {p.url for p in stored}
    )
    assert stored.count() == (1 if "wordpress" in name else 2)


def test_a_sitemap_is_sent_to_the_paste_page(client, aksuat_officer):
    client.force_login(aksuat_officer)
    response = upload(client, "sitemap.xml")
    assert "Paste links" in response.context["form"].errors["file"][0] or (
        "сілтеме" in response.context["form"].errors["file"][0].lower()
    )


def test_a_broken_or_unknown_file_gets_a_clear_message(client, aksuat_officer):
    client.force_login(aksuat_officer)
    broken = upload(client, "result.json", b'{"messages": [')
    assert broken.context["form"].errors["file"]
    unknown = upload(client, "data.json", json.dumps({"a": 1}).encode())
    assert "Telegram" in unknown.context["form"].errors["file"][0]
    assert Publication.objects.filter(import_batch__isnull=False).count() == 0


def paste(client, text: str):
    return client.post(reverse("publications:paste"), {"links": text})


def grid_post(client, response, changes: dict[int, dict]):
    formset = response.context["formset"]
    data = {
        "links-TOTAL_FORMS": str(formset.total_form_count()),
        "links-INITIAL_FORMS": "0",
    }
    for index, form in enumerate(formset):
        for name in form.fields:
            value = form.initial.get(name, "")
            data[f"links-{index}-{name}"] = "" if value is None else str(value)
        for name, value in changes.get(index, {}).items():
            data[f"links-{index}-{name}"] = value
    return client.post(reverse("publications:paste"), data, follow=True)


def test_pasted_links_find_their_pages_and_go_to_the_preview(client, aksuat_officer, aksuat):
    client.force_login(aksuat_officer)
    text = (
        "12.03.2024 https://www.facebook.com/aksuat.audandyk.kasipodak.komiteti/posts/111 "
        "Құқықтық семинар\n"
        "not a link\n"
        "https://m.facebook.com/aksuat.audandyk.kasipodak.komiteti/posts/222?mibextid=Zb\n"
    )
    grid = paste(client, text)
    forms = grid.context["formset"].forms
    assert len(forms) == 2
    page = Resource.objects.get(owner=aksuat, platform__slug="facebook")
    assert forms[0].initial["resource"] == page.pk == forms[1].initial["resource"]
    assert forms[0].initial["published_on"] == date(2024, 3, 12)
    assert forms[0].initial["title"] == "Құқықтық семинар"
    assert forms[0].initial["topic"] == "legal"
    # The second has no date or title: the grid refuses it until they are filled in.
    refused = grid_post(client, grid, {})
    assert refused.context["formset"].errors[1]
    preview = grid_post(client, grid, {1: {"published_on": "2024-03-20", "title": "Жиналыс"}})
    assert len(preview.context["preview"].new) == 2
    confirm(client, preview)
    stored = Publication.objects.filter(resource=page, import_batch__isnull=False)
    assert stored.count() == 2
    # Pasting them again finds nothing new.
    assert paste(client, text).context["form"].errors["links"]


def test_an_instagram_export(client, aksuat_officer, aksuat):
    instagram = Platform.objects.get(slug="instagram")
    page = ResourceFactory(name="Ақсуат Instagram", platform=instagram, owner=aksuat,
                           url="https://www.instagram.com/aksuat_kasipodaq/")  # fmt: skip
    client.force_login(aksuat_officer)
    preview = upload(client, "posts_1.json", (EXPORTS / "instagram_posts_1.json").read_bytes())
    confirm(client, preview)
    stored = Publication.objects.filter(resource=page).order_by("published_on")
    assert [p.title for p in stored] == [
        "Құқықтық семинар #кәсіподақ",
        "Мектептегі кездесу",
        "Видео",
    ]
    assert [p.language for p in stored][:2] == ["kk", "kk"]
    again = upload(client, "posts_1.json", (EXPORTS / "instagram_posts_1.json").read_bytes())
    assert len(again.context["preview"].new) == 0


def test_the_suggestions_can_be_changed_before_anything_is_written(
    client, aksuat_officer, aksuat_telegram
):
    client.force_login(aksuat_officer)
    preview = upload(client, "result.json", TELEGRAM)
    batch = preview.context["batch"]
    assert 'data-testid="rows-for-editing"' in preview.content.decode()
    response = client.get(reverse("publications:import_rows", args=[batch.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(rows) == 6 and not Publication.objects.filter(resource=aksuat_telegram).exists()
    konkurs = next(row for row in rows if str(row[3]).startswith("Уважаемые"))
    konkurs[5] = "Жастар"  # the officer changes the suggested topic
    changed = upload(client, "changed.xlsx", xlsx_file(rows).read())
    assert changed.context["preview"].ok
    confirm(client, changed)
    stored = Publication.objects.get(resource=aksuat_telegram, title__startswith="Уважаемые")
    assert (stored.topic, stored.language) == ("youth", "ru")
    assert stored.url == "https://t.me/aksuat_kasipodaq/6"
    assert Publication.objects.filter(resource=aksuat_telegram).count() == 5
