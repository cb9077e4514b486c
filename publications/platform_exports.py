"""Posts from the platforms' own export files: Telegram Desktop's "Export chat history" (JSON),
Facebook's and Instagram's "Download your information" (JSON), a site's RSS or Atom feed, a
WordPress export (WXR) and a sitemap. Each is recognised from its content, not its name, alone
or in the .zip of its export folder as downloaded. This module only reads: it returns the posts
as `ExportedPost`s, and the import decides which resource they belong to and what is new.

Layouts read (as the platforms wrote them in 2023–2026 and as public parsers document them):
- Telegram: `result.json`, top level `name`, `type`, `id`, `messages`; each message `id`,
  `type` (`message` or `service`), `date`, `date_unixtime`, `text` (a string, or a list of
  strings and `{type, text}` entities), optional `forwarded_from`, `photo`, `file`,
  `media_type`, `reactions` (`[{count, ...}]`).
- Facebook: `your_posts_1.json`, `profile_posts_1.json`,
  `your_posts__check_ins__photos_and_videos_1.json` (a list), or `{"status_updates_v2": [...]}`
  and similar one-key objects; each post `timestamp`, `data[].post`, `title`,
  `attachments[].data[].media.uri`. The export holds no post's own address. Text written as
  UTF-8 bytes escaped as Latin-1 (`\\u00d0\\u009a…`) is repaired.
- Instagram: `posts_1.json` / `content/posts_1.json` (a list of `{media: [{uri,
  creation_timestamp, title}], title?, creation_timestamp?}`), `reels.json` / `ig_reels_media`.
- RSS 2.0 and Atom 1.0 feeds, WordPress WXR (published posts only), `sitemap.xml` (`urlset`).

Everything is bounded: the file and each member of a .zip are read only up to MAX_BYTES, XML
goes through defusedxml (no entities, no external references)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from defusedxml import ElementTree
from django.conf import settings

MAX_BYTES = 50 * 1024 * 1024  # a year of a busy channel's JSON is a few MB
MAX_MEMBERS = 20_000
TITLE_MAX = 500
KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


class ExportError(ValueError):
    """The file is an export the portal knows, but it cannot be read as one."""


@dataclass(frozen=True)
class ExportedPost:
    published_on: date
    title: str
    text: str = ""
    url: str = ""
    # The post's number within its channel (Telegram): the address is the channel's plus it.
    number: int | None = None
    is_repost: bool = False
    reactions: int | None = None
    views: int | None = None
    media: str = ""  # "photo", "video" or "" (text)


@dataclass
class Export:
    kind: str  # telegram, facebook, instagram, feed, wordpress, sitemap
    name: str = ""  # the channel's, page's or site's own name, where the file has one
    channel_id: str = ""  # Telegram's numeric channel id
    site: str = ""  # the site's address (feeds and WordPress)
    posts: list[ExportedPost] = field(default_factory=list)
    # What was read and is not a post: {"service": 3, "draft": 2}
    left_out: dict[str, int] = field(default_factory=dict)

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1


def export_read(data: bytes) -> Export | None:
    """The export in `data` (a file or the .zip of an export folder), or None if `data` is no
    export this module knows (a spreadsheet, say). Raises ExportError for a broken one."""
    if len(data) > MAX_BYTES:
        raise ExportError("too large")
    if data[:4] == b"PK\x03\x04":
        return _zip_read(data)
    return _file_read(data)


def _zip_read(data: bytes) -> Export | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ExportError("broken zip") from error
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_MEMBERS:
        raise ExportError("too many files")
    names = {m.filename.lower(): m for m in members}
    if any(name.endswith(("[content_types].xml", "xl/workbook.xml")) for name in names):
        return None  # an .xlsx: a spreadsheet, not an export
    found: Export | None = None
    for name in sorted(names, key=_member_rank):
        if _member_rank(name) >= len(MEMBER_ORDER):
            break
        member = names[name]
        if member.file_size > MAX_BYTES:
            raise ExportError("too large")
        export = _file_read(archive.read(member))
        if export is None:
            continue
        if found is None:
            found = export
        elif export.kind == found.kind:  # Facebook splits posts over _1, _2, … files
            found.posts.extend(export.posts)
            for reason, count in export.left_out.items():
                found.left_out[reason] = found.left_out.get(reason, 0) + count
    return found


MEMBER_ORDER = (
    re.compile(r"(^|/)result\.json$"),
    re.compile(
        r"(^|/)(your_posts|profile_posts|your_posts__check_ins__photos_and_videos)_\d+\.json$"
    ),
    re.compile(r"(^|/)posts/[^/]+\.json$"),
    re.compile(r"(^|/)content/(posts|reels)_?\d*\.json$"),
    re.compile(r"(^|/)(posts_\d+|reels)\.json$"),
    re.compile(r"\.(xml|rss|atom)$"),
)


def _member_rank(name: str) -> int:
    for rank, pattern in enumerate(MEMBER_ORDER):
        if pattern.search(name):
            return rank
    return len(MEMBER_ORDER)


def _file_read(data: bytes) -> Export | None:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ExportError("broken JSON") from error
        return _json_read(document)
    if head[:1] == b"<":
        try:
            root = ElementTree.fromstring(data)
        except Exception as error:  # defusedxml refusals and parse errors alike
            raise ExportError("broken XML") from error
        return _xml_read(root)
    return None


# --- JSON: Telegram, Facebook, Instagram -----------------------------------------------------


def _json_read(document) -> Export | None:
    if isinstance(document, dict) and isinstance(document.get("messages"), list):
        return _telegram(document)
    posts = document
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        if len(lists) != 1:
            return None
        posts = lists[0]
    if not isinstance(posts, list) or not all(isinstance(post, dict) for post in posts):
        return None
    if any("timestamp" in post for post in posts):
        return _facebook(posts)
    if any("media" in post or "creation_timestamp" in post for post in posts):
        return _instagram(posts)
    return None


def _telegram(document: dict) -> Export:
    export = Export("telegram", name=str(document.get("name") or ""),
                    channel_id=str(document.get("id") or ""))  # fmt: skip
    for message in document["messages"]:
        if not isinstance(message, dict) or message.get("type") != "message":
            export.leave_out("service")
            continue
        moment = _moment(message.get("date_unixtime"), message.get("date"))
        if moment is None:
            export.leave_out("no_date")
            continue
        text = _telegram_text(message.get("text"))
        media = _telegram_media(message)
        reactions = message.get("reactions")
        export.posts.append(
            ExportedPost(
                published_on=moment,
                title=title_from(text, media),
                text=text,
                number=_int(message.get("id")),
                is_repost=bool(message.get("forwarded_from")),
                reactions=sum(_int(r.get("count")) or 0 for r in reactions if isinstance(r, dict))
                if isinstance(reactions, list) else None,
                media=media,
            )
        )  # fmt: skip
    return export


def _telegram_text(text) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in text
            if isinstance(part, str | dict)
        )
    return ""


def _telegram_media(message: dict) -> str:
    kind = str(message.get("media_type") or "")
    if "photo" in message:
        return "photo"
    if kind in ("video_file", "animation", "video_message") or str(
        message.get("mime_type", "")
    ).startswith("video/"):
        return "video"
    return "photo" if message.get("file") and kind != "voice_message" else ""


def _facebook(posts: list[dict]) -> Export:
    export = Export("facebook")
    for post in posts:
        moment = _moment(post.get("timestamp"))
        if moment is None:
            export.leave_out("no_date")
            continue
        texts = [
            _repaired(item["post"])
            for item in post.get("data") or []
            if isinstance(item, dict) and isinstance(item.get("post"), str)
        ]
        text = "\n".join(t for t in texts if t)
        heading = _repaired(str(post.get("title") or ""))
        media = ""
        for attachment in post.get("attachments") or []:
            for item in (attachment or {}).get("data") or []:
                if isinstance(item, dict) and item.get("media") and not media:
                    uri = str((item["media"] or {}).get("uri", ""))
                    media = "video" if uri.lower().endswith((".mp4", ".mov")) else "photo"
                    text = text or _repaired(str((item["media"] or {}).get("description") or ""))
        # The export holds no post's own address; a shared link's address is someone else's.
        shared = bool(re.search(r"(shared|бөлісті|поделил)", heading, re.I))
        export.posts.append(
            ExportedPost(
                published_on=moment,
                title=title_from(text, media) if (text or media) else title_from(heading, ""),
                text=text or heading,
                is_repost=shared,
                media=media,
            )
        )
    return export


def _instagram(posts: list[dict]) -> Export:
    export = Export("instagram")
    for post in posts:
        media_items = [m for m in post.get("media") or [] if isinstance(m, dict)]
        first = media_items[0] if media_items else {}
        moment = _moment(post.get("creation_timestamp") or first.get("creation_timestamp"))
        if moment is None:
            export.leave_out("no_date")
            continue
        text = _repaired(str(post.get("title") or first.get("title") or ""))
        uri = str(first.get("uri", "")).lower()
        media = "video" if uri.endswith((".mp4", ".mov")) else "photo"
        export.posts.append(
            ExportedPost(published_on=moment, title=title_from(text, media), text=text, media=media)
        )
    return export


# --- XML: RSS, Atom, WordPress, sitemap ------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
WP = re.compile(r"^\{http://wordpress\.org/export/[^}]+\}")


def _xml_read(root) -> Export | None:
    tag = root.tag
    if tag == "rss" or tag.endswith("}RDF"):
        channel = root.find("channel")
        if channel is None:
            return None
        if any(WP.match(element.tag) for element in channel):
            return _wordpress(channel)
        return _rss(channel)
    if tag == f"{ATOM}feed":
        return _atom(root)
    if tag in (f"{SITEMAP}urlset", "urlset"):
        return _sitemap(root)
    return None


def _rss(channel) -> Export:
    export = Export("feed", name=_text(channel.find("title")), site=_text(channel.find("link")))
    for item in channel.findall("item"):
        moment = _rfc822(_text(item.find("pubDate")))
        link = _text(item.find("link"))
        if moment is None or not link:
            export.leave_out("no_date" if moment is None else "no_address")
            continue
        title = _text(item.find("title")) or _strip_tags(_text(item.find("description")))
        export.posts.append(ExportedPost(published_on=moment, title=title_from(title, ""),
                                         text=title, url=link))  # fmt: skip
    return export


def _atom(feed) -> Export:
    site = next(
        (link.get("href", "") for link in feed.findall(f"{ATOM}link")
         if link.get("rel", "alternate") == "alternate"),
        "",
    )  # fmt: skip
    export = Export("feed", name=_text(feed.find(f"{ATOM}title")), site=site)
    for entry in feed.findall(f"{ATOM}entry"):
        moment = _iso(_text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated")))
        link = next(
            (link.get("href", "") for link in entry.findall(f"{ATOM}link")
             if link.get("rel", "alternate") == "alternate"),
            "",
        )  # fmt: skip
        if moment is None or not link:
            export.leave_out("no_date" if moment is None else "no_address")
            continue
        title = _text(entry.find(f"{ATOM}title"))
        export.posts.append(ExportedPost(published_on=moment, title=title_from(title, ""),
                                         text=title, url=link))  # fmt: skip
    return export


def _wordpress(channel) -> Export:
    export = Export("wordpress", name=_text(channel.find("title")),
                    site=_text(channel.find("link")))  # fmt: skip
    for item in channel.findall("item"):
        fields = {
            WP.sub("", element.tag): _text(element) for element in item if WP.match(element.tag)
        }
        if fields.get("post_type", "post") != "post":
            export.leave_out("not_a_post")
            continue
        if fields.get("status", "publish") != "publish":
            export.leave_out("draft")
            continue
        moment = _rfc822(_text(item.find("pubDate"))) or _iso(fields.get("post_date", ""))
        link = _text(item.find("link"))
        if moment is None or not link:
            export.leave_out("no_date" if moment is None else "no_address")
            continue
        title = _text(item.find("title"))
        export.posts.append(ExportedPost(published_on=moment, title=title_from(title, ""),
                                         text=title, url=link))  # fmt: skip
    return export


def _sitemap(root) -> Export:
    export = Export("sitemap")
    for entry in list(root.findall(f"{SITEMAP}url")) + list(root.findall("url")):
        link = _text(entry.find(f"{SITEMAP}loc")) or _text(entry.find("loc"))
        moment = _iso(_text(entry.find(f"{SITEMAP}lastmod")) or _text(entry.find("lastmod")))
        if moment is None or not link:
            export.leave_out("no_date" if moment is None else "no_address")
            continue
        export.posts.append(ExportedPost(published_on=moment, title="", url=link))
    return export


# --- values --------------------------------------------------------------------------------


def title_from(text: str, media: str) -> str:
    """The first line of the text, cut at a word within TITLE_MAX characters; for media
    without text, "Фото" or "Видео" (the same word in Kazakh and Russian)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not line:
        return {"photo": "Фото", "video": "Видео"}.get(media, "")
    if len(line) <= TITLE_MAX:
        return line
    cut = line[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,.;:–-")
    return f"{cut}…"


def language_guess(text: str) -> str:
    """ "kk" for a text with a letter only Kazakh has, "ru" for other Cyrillic, "" otherwise."""
    if any(letter in KAZAKH_ONLY for letter in text):
        return "kk"
    return "ru" if CYRILLIC.search(text) else ""


def _repaired(text: str) -> str:
    """Facebook writes UTF-8 bytes as Latin-1 characters: "Ð\x9aÐ°Ð·" for "Қаз"."""
    if text and all(ord(ch) < 256 for ch in text) and re.search(r"[\u00c0-\u00ff]", text):
        try:
            return text.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return text
    return text


def _local(moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def _moment(unix, text=None) -> date | None:
    number = _int(unix)
    if number is not None and number > 0:
        try:
            return _local(datetime.fromtimestamp(number, tz=ZoneInfo("UTC")))
        except (OverflowError, OSError, ValueError):
            return None
    return _iso(str(text)) if text else None


def _iso(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return _local(moment) if moment.tzinfo else moment.date()


def _rfc822(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return _local(moment) if moment.tzinfo else moment.date()


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _strip_tags(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
