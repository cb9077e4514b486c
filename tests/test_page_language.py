"""Every page of the access matrix, rendered in Kazakh and in Russian, shows no English word: the
only Latin-script words a user reads are names (of people, units, pages, outlets), addresses,
platform names and the few words listed in `EXPECTED_LATIN` (Excel, PDF, Word…).

Each URL is opened by one role that gets the page (200), with GET and, where the matrix says a
POST answers with a page, with an empty POST (so that forms show their error messages); the
Excel files a user downloads are read cell by cell the same way."""

import io
import re
from html.parser import HTMLParser

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from branches.models import Assignment, OrgUnit
from publications.models import MethodologicalMaterial, Platform, Publication, Resource
from reports.models import IssuedReport
from tests import test_access_matrix as matrix
from tests.factories import AssignmentFactory
from tests.test_access_matrix import URLS, _expected, _url_kwargs

objects = matrix.objects  # the fixture: one record of each kind, as the access matrix uses

# Latin-script words a Kazakh or Russian user expects to read: file kinds, formats and programs, the
# language codes of the language switch (each marked with its own `lang`), the schemes an
# address must start with, and the name of the union's mobile app.
EXPECTED_LATIN = {
    "Excel", "PDF", "Word", "xlsx", "xls", "ods", "csv", "pdf", "docx",
    "JSON", "RSS", "Atom", "WordPress", "sitemap", "xml", "zip",
    "KK", "RU", "EN",
    "http", "https",
    "Bilim", "kasipodagy",
}  # fmt: skip

# Roles tried in this order for each page: the first that gets a 200 renders it.
ROLE_ORDER = ["abai_staff", "aksuat_officer", "admin", "central_press", "abai_executive",
              "urzhar_officer", "other_region_staff", "anonymous"]  # fmt: skip

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Addresses are names too: links, e-mail addresses, file names.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:xlsx|xls|ods|csv|pdf|docx)\b")
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class _VisibleText(HTMLParser):
    """The text a reader (or a screen reader) meets: text nodes outside script and style, the
    labels in attributes, and the captions of buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        self.parts += [value for name, value in attrs.items() if name in READ_ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def names_in_the_records() -> set[str]:
    """Latin-script words that are names: of users, units, platforms, pages and outlets, titles
    of publications and materials (what people entered), and the numbers of issued reports."""
    words: set[str] = set()
    sources = [
        *get_user_model().objects.values_list("username", "first_name", "last_name"),
        *OrgUnit.objects.values_list("name", "name_ru", "short_name", "short_name_ru", "slug"),
        *Platform.objects.values_list("name", "name_ru", "slug"),
        *Resource.objects.values_list("name", "url"),
        *Publication.all_objects.values_list("title"),
        *MethodologicalMaterial.all_objects.values_list("title"),
        *IssuedReport.objects.values_list("number"),
    ]
    for values in sources:
        for value in values:
            words |= set(LATIN_WORD.findall(str(value or "")))
    return words


def unexpected_latin(text: str, names: set[str]) -> set[str]:
    text = ADDRESS.sub(" ", text)
    return {
        word
        for word in LATIN_WORD.findall(text)
        if word not in EXPECTED_LATIN and word not in names and word.strip("’'-") not in names
    }


def _pages():
    """(url name, method, role): each URL and method once, with the first role that gets 200."""
    for name in sorted(URLS):
        for method in ("GET", "POST"):
            for role_name in ROLE_ORDER:
                if _expected(name, method, role_name) == 200:
                    yield name, method, role_name
                    break


def _client_for(client, role_name, other_region, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if role_name == "other_region_staff":
        client.force_login(
            AssignmentFactory(unit=other_region, role=Assignment.Role.REGIONAL_STAFF).user
        )
    elif role_name != "anonymous":
        client.force_login(Assignment.objects.get(user__username=role_name).user)
    return client


def _xlsx_text(content: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    return " ".join([*workbook.sheetnames, *cells])


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(("name", "method", "role_name"), list(_pages()))
def test_the_page_shows_no_english(
    client, objects, other_region, name, method, role_name, language
):
    client = _client_for(client, role_name, other_region, language)
    url = reverse(name, kwargs=_url_kwargs(name, objects))
    response = client.get(url) if method == "GET" else client.post(url, {})
    assert response.status_code == 200, f"{method} {url} as {role_name}"
    content_type = response.headers["Content-Type"]
    if content_type.startswith("text/html"):
        text = visible_text(response.content.decode())
    elif "spreadsheetml" in content_type:
        text = _xlsx_text(b"".join(response) if response.streaming else response.content)
    else:
        return  # PDF and Word: drawn from the same report as its page, which is checked
    found = unexpected_latin(text, names_in_the_records())
    assert not found, f"English on {method} {url} ({language}, {role_name}): {sorted(found)}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_lists_pagination_and_a_failed_sign_in_show_no_english(client, abai_staff, language):
    """The second page of the publications list (pagination), a form with wrong values (URL,
    whole number, year range), and a failed sign-in: messages that come from the libraries."""
    names = names_in_the_records()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(reverse("login"), {"username": "abai_staff", "password": "wrong"})
    assert response.status_code == 200
    found = unexpected_latin(visible_text(response.content.decode()), names)
    assert not found, found

    client.force_login(abai_staff)
    pages = [
        client.get(reverse("publications:list"), {"page": 2}),
        client.post(
            reverse("publications:create"),
            {"url": "not an address", "views": "1.5", "shares": "-1", "published_on": "x"},
        ),
        client.post(reverse("materials:create"), {"year": "3000", "title": "x"}),
        client.post(reverse("targets:create"), {"year": "1000", "value": "-1"}),
    ]
    for response in pages:
        assert response.status_code == 200
        found = unexpected_latin(visible_text(response.content.decode()), names)
        assert not found, f"{response.request['PATH_INFO']} ({language}): {sorted(found)}"
