"""Safe on the internet: headers, lockouts, sessions, the security log, error pages."""

import logging
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from branches.middleware import RENEWED_AT
from publications.models import Resource, Tally
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_headers(settings):
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False


@pytest.mark.parametrize(
    "url",
    ["/", "/reports/abai/2024/pdf/?as_of=2024-09-01", "/publications/export.xlsx", "/no-such/"],
    ids=["html", "pdf", "excel", "404"],
)
def test_every_response_carries_the_security_headers(client, abai_staff, production_headers, url):
    client.force_login(abai_staff)
    response = client.get(url, secure=True)
    policy = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                      "base-uri 'none'", "frame-ancestors 'none'"):  # fmt: skip
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "http" not in policy  # no outside source
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_have_no_inline_script(client, abai_staff):
    client.force_login(abai_staff)
    for url in ("/", "/publications/", "/dashboard/abai/", "/reports/abai/2024/"):
        content = client.get(url).content.decode()
        assert "<script>" not in content
        assert "onclick=" not in content and "onload=" not in content


def test_five_failures_lock_the_user_and_address_out_in_kazakh(abai_staff):
    client = Client(REMOTE_ADDR="10.9.8.7")
    for _ in range(5):
        client.post(reverse("login"), {"username": "abai_staff", "password": "wrong-password"})
    response = client.post(
        reverse("login"), {"username": "abai_staff", "password": "kasipodaq-demo"}
    )
    assert response.status_code == 429
    assert "Кіру бұғатталды" in response.content.decode() or "бұғат" in response.content.decode()
    assert "_auth_user_id" not in client.session
    other_address = Client(REMOTE_ADDR="10.9.8.8")
    response = other_address.post(
        reverse("login"), {"username": "abai_staff", "password": "kasipodaq-demo"}
    )
    assert response.status_code == 302


def test_a_deactivated_user_is_out_at_the_next_request(client, aksuat_officer):
    client.force_login(aksuat_officer)
    assert client.get("/").status_code == 200
    aksuat_officer.is_active = False
    aksuat_officer.save()
    assert client.get("/").status_code == 302


def test_an_idle_session_ends_and_a_request_renews_it(client, aksuat_officer, settings):
    client.force_login(aksuat_officer)
    client.get("/")
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    # A request a minute later starts the idle count again; one at once writes nothing.
    session = client.session
    session[RENEWED_AT] = int(time.time()) - settings.SESSION_RENEW_SECONDS
    session.save()
    renewed_before = Session.objects.get().expire_date
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert Session.objects.get().expire_date > renewed_before
    assert any("django_session" in q["sql"] and "UPDATE" in q["sql"] for q in queries)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not any("django_session" in q["sql"] and "UPDATE" in q["sql"] for q in queries)


@pytest.mark.parametrize("password", ["short-pass1", "password1234", "123456789012"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_passphrase_is_accepted():
    validate_password("бұл менің өте ұзын құпия сөйлемім 2024")


def test_the_security_log_records_who_did_what_from_where(client, aksuat_officer, urzhar, caplog):
    caplog.set_level(logging.INFO, logger="security")
    client = Client(REMOTE_ADDR="192.0.2.10")
    client.post(reverse("login"), {"username": "aksuat_officer", "password": "wrong"})
    client.post(reverse("login"), {"username": "aksuat_officer", "password": "kasipodaq-demo"})
    foreign = PublicationFactory(resource=Resource.objects.get(owner=urzhar), unit=urzhar)
    client.get(foreign.get_absolute_url())
    client.get(reverse("publications:export"))
    lines = [record.getMessage() for record in caplog.records if record.name == "security"]
    assert any(line.startswith("login_failed") and "ip=192.0.2.10" in line for line in lines)
    assert any(line.startswith("login user=aksuat_officer ip=192.0.2.10") for line in lines)
    assert any(line.startswith("refused user=aksuat_officer") and "status=404" in line
               for line in lines)  # fmt: skip
    assert any(line.startswith("export user=aksuat_officer") for line in lines)
    assert all("kasipodaq-demo" not in line for line in lines)
    from config.logging import UTCFormatter

    formatted = UTCFormatter().format(caplog.records[-1])
    assert formatted[19] == "Z"  # 2024-09-01T12:00:00Z: UTC


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_error_pages_speak_the_users_language_and_show_no_code(client, aksuat_officer, language):
    client.cookies["django_language"] = language
    client.force_login(aksuat_officer)
    not_found = client.get("/no-such-page/").content.decode()
    expected = {"kk": "Бет табылмады", "ru": "Страница не найдена"}[language]
    assert expected in not_found
    forbidden = client.get(reverse("reviews:create"))
    assert forbidden.status_code == 403
    assert {"kk": "Рұқсат жоқ", "ru": "Доступ запрещён"}[language] in forbidden.content.decode()


def test_a_server_error_shows_the_kazakh_page_without_a_trace(client, aksuat_officer, monkeypatch):
    import branches.views

    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(branches.views, "user_capabilities", broken)
    client.raise_request_exception = False
    client.force_login(aksuat_officer)
    response = client.get("/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Портал қазір жауап бермей тұр" in content
    assert "secret internals" not in content
    assert "Traceback" not in content


def test_no_demo_account_with_its_password_passes_the_deploy_check(settings):
    settings.ALLOW_DEMO_USERS = False
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "branches.E001"]
    assert errors, "the demo users of the test database must be reported"
    assert Tally.objects.exists()
