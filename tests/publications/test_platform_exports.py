"""The platforms' own export files read as posts: recognised from their content, Kazakh and
Russian text kept (and Facebook's mis-encoded text repaired), service messages and drafts left
out and counted, forwards as reposts, media-only posts titled, dates in Almaty's time."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from publications.platform_exports import (
    ExportError,
    export_read,
    language_guess,
    title_from,
)

EXPORTS = Path(__file__).with_name("exports")


def read(name: str):
    return export_read((EXPORTS / name).read_bytes())


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_telegram_channel_export():
    export = read("telegram_result.json")
    assert (export.kind, export.name, export.channel_id) == (
        "telegram", "Абай облыстық кәсіподағы", "1712345678",
    )  # fmt: skip
    assert export.left_out == {"service": 2}
    seminar, forward, photo, video, konkurs = export.posts
    assert seminar.number == 2 and seminar.published_on == date(2024, 3, 12)
    assert seminar.title == "Құқықтық семинар өтті. Еңбек кодексі бойынша сұрақтар қаралды."
    assert "Толығырақ сайтта" in seminar.text and seminar.reactions == 15
    assert forward.is_repost and not seminar.is_repost
    # 23:30 in Almaty is the 13th, whatever the UTC day.
    assert forward.published_on == date(2024, 3, 13)
    assert (photo.title, photo.media, video.title, video.media) == (
        "Фото",
        "photo",
        "Видео",
        "video",
    )
    assert konkurs.reactions is None and language_guess(konkurs.text) == "ru"
    assert language_guess(seminar.text) == "kk"


def test_a_telegram_export_folder_as_downloaded():
    folder = {
        "ChatExport_2024-06-01/result.json": (EXPORTS / "telegram_result.json").read_bytes(),
        "ChatExport_2024-06-01/photos/photo_1@02-04-2024_10-00-00.jpg": b"\xff\xd8\xff",
        "ChatExport_2024-06-01/export_results.html": b"<html></html>",
    }
    export = export_read(zipped(folder))
    assert export.kind == "telegram" and len(export.posts) == 5


def test_facebook_posts_with_their_text_repaired():
    export = read("facebook_your_posts_1.json")
    assert export.kind == "facebook"
    seminar, shared, video, konkurs = export.posts
    assert seminar.title.startswith("Облыстық кәсіподақ құқықтық семинар өткізді.")
    assert seminar.media == "photo" and seminar.published_on == date(2024, 3, 12)
    assert shared.is_repost and not seminar.is_repost
    assert (video.title, video.media) == ("Наурыз мерекесі", "video")
    assert konkurs.title.startswith("Уважаемые коллеги!")
    assert all(post.url == "" for post in export.posts), "the export holds no post's address"


def test_facebook_posts_split_over_files_in_a_zip():
    posts = json.loads((EXPORTS / "facebook_your_posts_1.json").read_text())
    folder = {
        "facebook-abai/your_activity_across_facebook/posts/your_posts__check_ins__photos_and"
        "_videos_1.json": json.dumps(posts[:2]).encode(),
        "facebook-abai/your_activity_across_facebook/posts/your_posts__check_ins__photos_and"
        "_videos_2.json": json.dumps(posts[2:]).encode(),
        "facebook-abai/your_activity_across_facebook/posts/album/0.json": b'{"name": "x"}',
    }
    export = export_read(zipped(folder))
    assert export.kind == "facebook" and len(export.posts) == 4


def test_instagram_posts():
    export = read("instagram_posts_1.json")
    assert export.kind == "instagram"
    seminar, meeting, reel = export.posts
    assert seminar.title == "Құқықтық семинар #кәсіподақ"
    assert meeting.title == "Мектептегі кездесу", "the album's caption, repaired"
    assert (reel.title, reel.media) == ("Видео", "video")


@pytest.mark.parametrize("name", ["site_feed.rss", "site_feed.atom"])
def test_a_site_feed(name):
    export = read(name)
    assert export.kind == "feed" and export.site == "https://abai-kasipodaq.kz/"
    seminar, konkurs = export.posts
    assert (seminar.title, seminar.url, seminar.published_on) == (
        "Құқықтық семинар өтті", "https://abai-kasipodaq.kz/news/seminar-2024/", date(2024, 3, 12),
    )  # fmt: skip
    # 21:30 UTC is 02:30 the next day in Almaty.
    assert konkurs.published_on == date(2024, 5, 21)
    assert export.left_out == ({"no_date": 1} if name.endswith("rss") else {})


def test_a_wordpress_export_gives_published_posts_only():
    export = read("wordpress_export.xml")
    assert export.kind == "wordpress"
    (seminar,) = export.posts
    assert seminar.url == "https://abai-kasipodaq.kz/2024/03/12/seminar/"
    assert export.left_out == {"draft": 1, "not_a_post": 2}


def test_a_sitemap_gives_addresses_and_dates_without_titles():
    export = read("sitemap.xml")
    assert export.kind == "sitemap"
    assert [(p.url, p.published_on, p.title) for p in export.posts] == [
        ("https://abai-kasipodaq.kz/news/seminar-2024/", date(2024, 3, 12), ""),
        ("https://abai-kasipodaq.kz/ru/news/konkurs/", date(2024, 5, 21), ""),
    ]
    assert export.left_out == {"no_date": 1}


def test_a_spreadsheet_or_other_file_is_no_export():
    assert export_read(zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})) is None
    assert export_read(b"\xd0\x9a\xd2\xaf\xd0\xbd\xd1\x96;URL\n") is None
    assert export_read(b'{"some": "thing"}') is None


@pytest.mark.parametrize(
    "data",
    [
        b'{"messages": [',
        b"<rss><channel>",
        b"PK\x03\x04broken",
        # An entity expansion ("billion laughs") is refused, not expanded.
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<rss><channel><title>&b;</title></channel></rss>",
    ],
    ids=["json", "xml", "zip", "entities"],
)
def test_a_broken_export_is_refused(data):
    with pytest.raises(ExportError):
        export_read(data)


def test_a_title_is_the_first_line_cut_at_a_word():
    long = "сөз " * 200
    title = title_from(long + "\nекінші жол", "")
    assert len(title) <= 500 and title.endswith("сөз…")
    assert title_from("\n\n  Бірінші жол  \nекінші", "photo") == "Бірінші жол"
