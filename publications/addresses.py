"""Web addresses as people paste them, and the one key that says two of them are the same post.

«facebook.com/x/posts/1/», «http://m.facebook.com/x/posts/1?mibextid=Zb» and
«https://www.facebook.com/x/posts/1» are one post: the key drops the scheme, www./m./mobile.,
a trailing slash, the fragment and tracking parameters, and sorts what query is left (w3lib).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from w3lib.url import canonicalize_url, safe_url_string, url_query_cleaner

from branches.text import clean_text

TRACKING = re.compile(
    r"^(utm_\w*|mibextid|igsh|igshid|fbclid|gclid|yclid|si|feature|ref|ref_src|__tn__|__cft__.*"
    r"|rdid|share_url|sfnsn|extid|app|s|t|_rdr|hl)$",
    re.IGNORECASE,
)
# Sub-domains that show the same page (a phone's, a language's, a region's edition).
_SAME_PAGE_PREFIX = re.compile(r"^(www\d?|m|mobile|web|touch|business|l|lm|ru|kk)\.")
HOST_ALIASES = {
    "fb.com": "facebook.com",
    "fb.me": "facebook.com",
    "instagr.am": "instagram.com",
    "telegram.me": "t.me",
    "telegram.dog": "t.me",
    "youtu.be": "youtube.com",
}
# The hosts a platform's pages live on: an address elsewhere is not a post of that page.
PLATFORM_HOSTS = {
    "facebook": {"facebook.com", "fb.watch"},
    "instagram": {"instagram.com"},
    "telegram": {"t.me"},
    "youtube": {"youtube.com"},
    "tiktok": {"tiktok.com"},
    "vk": {"vk.com", "vk.ru"},
    "x": {"x.com", "twitter.com"},
    "twitter": {"x.com", "twitter.com"},
    "threads": {"threads.net"},
}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_LOOKS_LIKE_HOST = re.compile(r"^([\w-]+\.)+[a-z]{2,}(:\d+)?(/|\?|$)", re.IGNORECASE)


def url_clean(text: str) -> str:
    """The address as it will be stored: spaces gone, https:// added where a host starts it."""
    text = clean_text(text or "").replace(" ", "")
    if not text:
        return ""
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text) and _LOOKS_LIKE_HOST.match(text):
        text = "https://" + text
    return text


def url_host(url: str) -> str:
    """The host as compared: lower case, no port, no www./m./mobile., aliases made one."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    while _SAME_PAGE_PREFIX.match(host) and host.count(".") >= 2:
        host = _SAME_PAGE_PREFIX.sub("", host, count=1)
    return HOST_ALIASES.get(host, host)


def url_key(url: str) -> str:
    """The key duplicates are decided on: host + path + the query that names the content."""
    url = url_clean(url)
    if not url:
        return ""
    url = safe_url_string(url)  # «…/Семинар» and «…/%D0%A1…» are one address
    parts = urlsplit(url)
    if not parts.hostname:
        return url.casefold()
    host = url_host(url)
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k]
    if (parts.hostname or "").lower().endswith("youtu.be"):
        query.append(("v", path.lstrip("/")))
        path = "/watch"
    kept = url_query_cleaner(
        "http://x/?" + urlencode(query),
        [k for k, _v in query if TRACKING.match(k)],
        remove=True,
    )
    canonical = canonicalize_url(kept, keep_fragments=False)
    query_text = urlsplit(canonical).query
    return f"{host}{path}" + (f"?{query_text}" if query_text else "")


def url_fits_platform(url: str, platform_slug: str) -> bool:
    """Whether the address can be a post of a page on this platform (only the platforms whose
    hosts are known are checked; a website or a newspaper may be anywhere)."""
    hosts = PLATFORM_HOSTS.get(platform_slug)
    if not hosts or not url:
        return True
    host = url_host(url)
    return any(host == known or host.endswith("." + known) for known in hosts)
