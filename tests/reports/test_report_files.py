"""Report files: a repeat download comes from the cache until the figures or the text change,
renders are limited per user with a clear 429, and report text has a length limit."""

import pytest
from django.test import Client

from reports import services
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db
PDF = "/reports/abai/2024/pdf/?as_of=2024-09-01"


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDF renders."""
    calls = []
    original = services.RENDERERS["pdf"]
    monkeypatch.setitem(services.RENDERERS, "pdf", lambda r: calls.append(1) or original(r))
    return calls


def test_a_second_pdf_download_is_served_from_the_cache(client, abai_executive, renders):
    client.force_login(abai_executive)
    first = client.get(PDF)
    second = client.get(PDF)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content.startswith(b"%PDF")
    assert renders == [1]
    assert second["Cache-Control"] == "private, no-store"
    # Another reader downloads the same file without a render too.
    other = Client()
    other.force_login(abai_executive)
    assert other.get(PDF).status_code == 200 and renders == [1]


def test_a_changed_record_or_text_renders_anew(
    client, abai_staff, abai, renders, django_capture_on_commit_callbacks
):
    client.force_login(abai_staff)
    client.get(PDF)
    with django_capture_on_commit_callbacks(execute=True):
        PublicationFactory(unit=abai, resource=abai.resources.first())
    client.get(PDF)
    assert renders == [1, 1]
    client.post("/reports/abai/2024/", {"as_of": "2024-09-01", "commentary": "Жаңа түсініктеме."})
    client.get(PDF)
    assert renders == [1, 1, 1]
    assert client.get("/reports/abai/2024/pdf/?as_of=2024-09-01&lang=ru").status_code == 200
    assert len(renders) == 4, "each language is its own file"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_renders_are_limited_per_user_with_a_clear_429(client, abai_executive, settings, language):
    settings.REPORT_RENDER_RATE = "2/h"  # an hour: no window ends mid-test
    client.cookies["django_language"] = language
    client.force_login(abai_executive)
    for as_of in ("2024-09-01", "2024-09-02"):
        assert client.get(f"/reports/abai/2024/pdf/?as_of={as_of}").status_code == 200
    limited = client.get("/reports/abai/2024/pdf/?as_of=2024-09-03")
    assert limited.status_code == 429
    expected = {"kk": "минут", "ru": "минут"}[language]
    assert expected in limited.content.decode()
    assert "error-429" in limited.content.decode()
    assert client.get(PDF).status_code == 200, "a cached file is not limited"


def test_report_text_has_a_length_limit(client, abai_staff):
    client.force_login(abai_staff)
    response = client.post(
        "/reports/abai/2024/?as_of=2024-09-01", {"commentary": "ә" * 3_500_000}, follow=True
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("20 000" in m for m in messages), messages
    from reports.models import ReportDraft

    assert not ReportDraft.objects.filter(commentary__startswith="әәә").exists()


def test_downloads_are_limited_per_user_even_from_the_cache(
    client, abai_executive, abai_staff, settings, renders
):
    settings.REPORT_DOWNLOAD_RATE = "3/h"
    client.force_login(abai_executive)
    statuses = [client.get(PDF).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert renders == [1], "the limited download renders nothing"
    other = Client()
    other.force_login(abai_staff)
    assert other.get(PDF).status_code == 200, "another user has their own count"
