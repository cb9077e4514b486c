"""Every list, dashboard and report page, walked with hostile values for each of its query
parameters: each answer is a page (200), a redirect or a 400 with a message, never a 500. A
year outside the portal's (before 2000, after this one) is a 404: no such page."""

import pytest
from django.test import Client

from monitoring.records import REVIEWS, SNAPSHOTS, TARGETS
from publications.records import MATERIALS, PUBLICATIONS, RESOURCES, TALLIES

pytestmark = pytest.mark.django_db

HOSTILE = [
    "-1", "0", "10000", "99999999999999999999999", "1e400", "NaN", "abc", "2024-02-30",
    "1.5", "' OR 1=1--", "\x00", "ҚАЗАҚ" * 300, "",
]  # fmt: skip
TABLE = ["page", "per_page", "sort"]
PERIOD = ["year", "as_of"]


def _record_pages():
    for record_type in (PUBLICATIONS, TALLIES, MATERIALS, RESOURCES, SNAPSHOTS, REVIEWS, TARGETS):
        params = [*TABLE, *record_type.filterset_class.base_filters]
        yield f"/{_prefix(record_type.namespace)}/", params
    yield "/publications/export.xlsx", list(PUBLICATIONS.filterset_class.base_filters)
    yield "/tallies/export.xlsx", list(TALLIES.filterset_class.base_filters)


def _prefix(namespace: str) -> str:
    return {
        "snapshots": "monitoring/audience",
        "reviews": "monitoring/reviews",
        "targets": "monitoring/targets",
    }.get(namespace, namespace)


PAGES = [
    *_record_pages(),
    ("/units/primaries/", TABLE),
    ("/dashboard/abai/", PERIOD),
    ("/dashboard/aksuat/", PERIOD),
    ("/reports/", []),
    ("/reports/abai/2024/", ["as_of", "lang"]),
    ("/reports/abai/2024/xlsx/", ["as_of", "lang"]),
]


@pytest.mark.parametrize(("path", "params"), PAGES, ids=[path for path, _ in PAGES])
def test_no_parameter_value_gives_a_server_error(abai_staff, path, params):
    client = Client(raise_request_exception=False)
    client.force_login(abai_staff)
    failures = []
    for param in params:
        for value in HOSTILE:
            response = client.get(path, {param: value})
            no_such_year = param == "year" and path.startswith("/dashboard/") and value in (
                "-1", "0", "10000")  # fmt: skip
            if no_such_year and response.status_code == 404:
                continue
            if response.status_code not in (200, 302, 400):
                failures.append(f"{param}={value[:30]!r}: {response.status_code}")
            elif response.status_code == 400:
                assert "error-400" in response.content.decode()
    assert not failures, failures


def test_the_national_view_takes_no_bad_parameter(central_press):
    client = Client(raise_request_exception=False)
    client.force_login(central_press)
    for param in ["year", "as_of", "sort"]:
        for value in HOSTILE:
            allowed = (200, 400, 404) if param == "year" and value in ("-1", "0", "10000") else (
                200, 400)  # fmt: skip
            assert client.get("/dashboard/", {param: value}).status_code in allowed, (
                param,
                value,
            )
