"""A platform's export and pasted links as the rows of an import: the page they belong to
found (or chosen), each post's address built, the language and the topic suggested. The rows
then go through the same checks and preview as an Excel file's."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from branches.records.reader import Sheet
from branches.text import fold
from publications.addresses import url_host, url_key
from publications.models import DEFAULT_TOPIC_WORDS, Publication, Resource, TopicRule
from publications.platform_exports import Export, ExportError, export_read, language_guess

# Which platform's pages an export can belong to.
EXPORT_PLATFORMS = {
    "telegram": "telegram",
    "facebook": "facebook",
    "instagram": "instagram",
    "feed": "website",
    "wordpress": "website",
    "sitemap": "website",
}
EXPORT_NAMES = {
    "telegram": "Telegram",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "feed": "RSS / Atom",
    "wordpress": "WordPress",
    "sitemap": "sitemap.xml",
}
_TELEGRAM_NAME = re.compile(r"^t\.me/(?!c/|joinchat/|\+)([A-Za-z0-9_]{4,})")


def export_sheet(data: bytes, *, pages: Iterable[Resource], chosen: Resource | None,
                 rules: dict[str, list[str]]) -> Sheet | None:  # fmt: skip
    """The rows of a platform's export in `data`, or None if `data` is no export."""
    try:
        export = export_read(data)
    except ExportError:
        raise ValidationError(
            _(
                "This file looks like a platform's export but cannot be read: it is cut short "
                "or damaged. Download it again."
            )
        ) from None
    if export is None:
        return None
    if export.kind == "sitemap":
        raise ValidationError(
            _(
                "A sitemap lists addresses without titles: upload it on the «Paste links» page, "
                "where you fill the titles in."
            )
        )
    resource = export_resource(export, pages=list(pages), chosen=chosen)
    base = _telegram_base(resource) if export.kind == "telegram" else ""
    rows = []
    for number, post in enumerate(export.posts, start=1):
        url = post.url or (f"{base}/{post.number}" if base and post.number else "")
        rows.append((number, {
            "published_on": post.published_on,
            "resource": resource,
            "unit": resource.owner,
            "title": post.title,
            "url": url,
            "is_repost": post.is_repost,
            "language": language_guess(f"{post.title}\n{post.text}") or None,
            "topic": topic_suggest(f"{post.title}\n{post.text}", rules),
            "reactions": post.reactions,
            "views": post.views,
            "kind": "video" if post.media == "video" else None,
        }))  # fmt: skip
    left_out = ", ".join(
        f"{_left_out_label(reason)}: {count}" for reason, count in sorted(export.left_out.items())
    )
    source = _("%(kind)s export «%(name)s» → %(page)s") % {
        "kind": EXPORT_NAMES[export.kind],
        "name": export.name or export.site or "—",
        "page": resource.name,
    }
    if left_out:
        source += " · " + _("not publications, left out: %(what)s") % {"what": left_out}
    return Sheet(header_row=0, positions=dict.fromkeys(rows[0][1], 0) if rows else {},
                 rows=rows, name=EXPORT_NAMES[export.kind], source=source,
                 facts={"page": resource.pk, "page_id": export.channel_id})  # fmt: skip


def export_page_learn(facts: dict[str, Any]) -> None:
    """Keep the platform's id of the page an export was imported for (a Telegram channel's),
    so that its next export finds the page by it, even after a rename."""
    if facts.get("page") and facts.get("page_id"):
        Resource.objects.filter(pk=facts["page"], external_id="").update(
            external_id=facts["page_id"]
        )


def _left_out_label(reason: str) -> str:
    return {
        "service": _("service messages"),
        "draft": _("drafts"),
        "not_a_post": _("pages and media files"),
        "no_date": _("entries without a date"),
        "no_address": _("entries without an address"),
    }.get(reason, reason)


def export_resource(export: Export, *, pages: list[Resource], chosen: Resource | None) -> Resource:
    """The page the export is of: the one chosen, or the only one that fits by the platform's
    id, the name, or the site's address, or the user's only page on that platform."""
    platform = EXPORT_PLATFORMS[export.kind]
    fitting = [r for r in pages if r.platform.slug == platform and r.owner_id]
    if chosen is not None:
        if chosen not in fitting:
            raise ValidationError(
                _("This is a %(kind)s export; the chosen page «%(page)s» is not on that platform.")
                % {"kind": EXPORT_NAMES[export.kind], "page": chosen.name}
            )
        return chosen
    for matches in (
        [r for r in fitting if export.channel_id and r.external_id == export.channel_id],
        [r for r in fitting if export.name and fold(r.name) == fold(export.name)],
        [r for r in fitting if export.site and r.url and url_host(r.url) == url_host(export.site)],
        _by_post_hosts(export, fitting),
        fitting,
    ):
        if len(matches) == 1:
            return matches[0]
    if not fitting:
        raise ValidationError(
            _(
                "This is a %(kind)s export, and you have no %(platform)s page to log it for. "
                "Staff add pages under Resources."
            )
            % {"kind": EXPORT_NAMES[export.kind], "platform": platform.title()}
        )
    raise ValidationError(
        _("This is a %(kind)s export of «%(name)s». Choose which of your pages it is: %(pages)s.")
        % {
            "kind": EXPORT_NAMES[export.kind],
            "name": export.name or export.site or "—",
            "pages": ", ".join(f"«{r.name}»" for r in fitting[:10]),
        }
    )


def _by_post_hosts(export: Export, fitting: list[Resource]) -> list[Resource]:
    hosts = {url_host(post.url) for post in export.posts if post.url}
    return [r for r in fitting if r.url and hosts and hosts <= {url_host(r.url)}]


def _telegram_base(resource: Resource) -> str:
    match = _TELEGRAM_NAME.match(url_key(resource.url)) if resource.url else None
    return f"https://t.me/{match.group(1)}" if match else ""


def topic_rules(*, region_id: int | None) -> dict[str, list[str]]:
    """The region's topic words by topic, or the defaults where it keeps none."""
    rules = {
        rule.topic: rule.word_list
        for rule in TopicRule.objects.filter(unit_id=region_id) if region_id
    }  # fmt: skip
    if rules:
        order = [code for code, _label in Publication.Topic.choices]
        return dict(sorted(rules.items(), key=lambda item: order.index(item[0])))
    return {topic: _words(words) for topic, words in DEFAULT_TOPIC_WORDS.items()}


def _words(text: str) -> list[str]:
    return [word.strip().casefold() for word in text.split(",") if word.strip()]


def topic_suggest(text: str, rules: dict[str, list[str]]) -> str | None:
    """The first topic one of whose words begins a word of the text; None if none does."""
    words = set(re.findall(r"\w+", text.casefold()))
    phrase = " ".join(re.findall(r"\w+", text.casefold()))
    for topic, stems in rules.items():
        for stem in stems:
            if (" " in stem and stem in phrase) or any(word.startswith(stem) for word in words):
                return topic
    return None


# --- pasted links --------------------------------------------------------------------------

MAX_PASTED = 200
_URL = re.compile(r"(?:https?://|www\.|(?:m|mobile)\.facebook\.com|t\.me/|facebook\.com/|"
                  r"instagram\.com/|youtu\.be/|youtube\.com/)\S+", re.IGNORECASE)  # fmt: skip
_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def sitemap_lines(data: bytes) -> list[dict[str, Any]]:
    """A sitemap's addresses with their dates, newest first."""
    try:
        export = export_read(data)
    except ExportError:
        export = None
    if export is None or export.kind != "sitemap":
        raise ValidationError(_("This is not a sitemap.xml file."))
    posts = sorted(export.posts, key=lambda post: post.published_on, reverse=True)
    return [{"url": p.url, "published_on": p.published_on, "title": ""} for p in posts]


def pasted_lines(text: str) -> list[dict[str, Any]]:
    """Each pasted line's address, and the date and words beside it, if any:
    «12.03.2024 https://t.me/abai/45 Семинар» → address, 12.03.2024, «Семинар»."""
    lines = []
    for line in text.splitlines():
        found = _URL.search(line)
        if not found:
            continue
        url = found.group(0).rstrip(").,;»\"'")
        rest = (line[: found.start()] + " " + line[found.end() :]).strip()
        day = None
        when = _DATE.search(rest)
        if when:
            day = _pasted_date(when)
            if day is not None:
                rest = (rest[: when.start()] + " " + rest[when.end() :]).strip()
        title = re.sub(r"^[\s\-–—|;,:]+|[\s\-–—|;,:]+$", "", rest)
        lines.append({"url": url, "published_on": day, "title": title})
    return lines


def _pasted_date(match: re.Match) -> date | None:
    try:
        if match.group(4):
            return date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        year = int(match.group(3))
        year += 2000 if year < 100 else 0
        return date(year, int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def pasted_resource(url: str, pages: list[Resource]) -> Resource | None:
    """The page an address is a post of: the one whose own address begins it, else the only
    page of the user's on the address's host."""
    key = url_key(url)
    host = url_host(url if "://" in url else f"https://{url}")
    owned = [r for r in pages if r.url]
    by_prefix = [r for r in owned if key.startswith(url_key(r.url).rstrip("/") + "/")]
    if len(by_prefix) == 1:
        return by_prefix[0]
    by_host = [r for r in owned if url_host(r.url) == host]
    if len(by_host) == 1:
        return by_host[0]
    return None
