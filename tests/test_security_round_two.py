"""The second round of the outside probe: client addresses behind the proxy, the sign-in rate
limit, bounded page sizes, the password flows, the absolute session lifetime, private caching
and the start-up refusal of demo accounts."""

import logging
import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from branches.security import SIGNED_IN_AT
from publications.models import Resource
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db
WRONG = {"username": "abai_staff", "password": "wrong-password"}
RIGHT = {"username": "abai_staff", "password": "kasipodaq-demo"}


def _behind_proxy(address: str) -> Client:
    """A client as nginx passes it on: REMOTE_ADDR is the proxy, the address is appended."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.mark.parametrize("login_url", ["/login/", "/admin/login/"])
def test_a_lockout_from_one_address_leaves_the_user_free_from_another(one_proxy, login_url):
    stranger = _behind_proxy("203.0.113.66")
    for _ in range(5):
        stranger.post(login_url, WRONG)
    assert stranger.post(login_url, RIGHT).status_code == 429
    # The real user, through the same proxy from their own address, signs in.
    assert _behind_proxy("198.51.100.7").post("/login/", RIGHT).status_code == 302


def test_a_forged_forwarded_header_does_not_change_the_address(one_proxy):
    # A client writes its own X-Forwarded-For; nginx appends the address it really saw.
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"):
        _behind_proxy(f"{forged}, 203.0.113.66").post("/login/", WRONG)
    assert _behind_proxy("192.0.2.9, 203.0.113.66").post("/login/", RIGHT).status_code == 429


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for _ in range(5):
        _behind_proxy("203.0.113.66").post("/login/", WRONG)
    assert _behind_proxy("198.51.100.7").post("/login/", RIGHT).status_code == 429


def test_the_security_log_has_the_real_address(one_proxy, caplog):
    caplog.set_level(logging.INFO, logger="security")
    _behind_proxy("198.51.100.7").post("/login/", RIGHT)
    lines = [r.getMessage() for r in caplog.records if r.name == "security"]
    assert any(line.startswith("login user=abai_staff ip=198.51.100.7") for line in lines)


def test_one_address_trying_many_usernames_is_slowed(one_proxy, settings):
    settings.SIGN_IN_RATE = "10/h"  # an hour: no window ends mid-test
    client = _behind_proxy("203.0.113.77")
    statuses = [
        client.post("/login/", {"username": f"user{n}", "password": "x"}).status_code
        for n in range(12)
    ]
    assert statuses[:10] == [200] * 10
    response = client.post("/login/", RIGHT)
    assert response.status_code == 429
    assert "error-429" in response.content.decode()
    assert _behind_proxy("198.51.100.8").post("/login/", RIGHT).status_code == 302


def test_per_page_is_at_most_200_and_nonsense_gives_the_default(client, abai_staff, aksuat):
    page = Resource.objects.get(owner=aksuat)
    for _ in range(210):
        PublicationFactory(resource=page, unit=aksuat)
    client.force_login(abai_staff)
    response = client.get("/publications/", {"per_page": "100000"})
    assert response.status_code == 200
    assert response.context["table"].paginator.per_page == 200
    assert len(response.context["table"].page.object_list) <= 200
    assert response.context["table"].paginator.count > 200
    for nonsense in ("-1", "0", "abc"):
        response = client.get("/publications/", {"per_page": nonsense})
        assert response.context["table"].paginator.per_page == 50
    response = client.get("/units/primaries/", {"per_page": "100000"})
    assert response.context["table"].paginator.per_page == 200


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_bad_filter_value_is_a_400_page_that_says_so(client, abai_staff, language):
    client.cookies["django_language"] = language
    client.force_login(abai_staff)
    response = client.get("/publications/", {"year": "10000"})
    assert response.status_code == 400
    message = re.search(r'data-testid="error-message">([^<]+)<', response.content.decode())
    expected = {"kk": "Сүзгі", "ru": "фильтр"}[language]
    assert message and expected.lower() in message.group(1).lower()


def test_the_password_change_flow(client, aksuat_officer):
    client.force_login(aksuat_officer)
    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(
        reverse("password_change"),
        {"old_password": "kasipodaq-demo", "new_password1": "жаңа ұзын құпия сөз 2025",
         "new_password2": "жаңа ұзын құпия сөз 2025"},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/").status_code == 200, "the session stays signed in"
    aksuat_officer.refresh_from_db()
    assert aksuat_officer.check_password("жаңа ұзын құпия сөз 2025")


def test_the_password_change_needs_a_signed_in_user(client):
    assert client.get(reverse("password_change")).status_code == 302


def test_the_password_reset_flow_and_the_same_answer_for_an_unknown_address(client, aksuat_officer):
    aksuat_officer.email = "aksuat@example.kz"
    aksuat_officer.save()
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.kz"})
    known = client.post(reverse("password_reset"), {"email": "aksuat@example.kz"})
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "тағы бір ұзын құпия сөз", "new_password2": "тағы бір ұзын құпия сөз"},
    )
    assert response.status_code == 302
    aksuat_officer.refresh_from_db()
    assert aksuat_officer.check_password("тағы бір ұзын құпия сөз")
    assert not client.get(link, follow=True).context["validlink"], "a link works once"


def test_a_session_ends_after_its_absolute_lifetime(client, aksuat_officer, settings):
    settings.SESSION_MAX_DAYS = 7
    client.post("/login/", {"username": "aksuat_officer", "password": "kasipodaq-demo"})
    assert client.get("/").status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 6 * 24 * 60 * 60
    session.save()
    assert client.get("/").status_code == 200, "six days in, still signed in"
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 8 * 24 * 60 * 60
    session.save()
    assert client.get("/").status_code == 302, "eight days in, out however busy"


@pytest.mark.parametrize(
    "url", ["/", "/publications/", "/publications/export.xlsx", "/reports/abai/2024/pdf/"]
)
def test_signed_in_pages_and_downloads_are_never_cached(client, abai_staff, url):
    client.force_login(abai_staff)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_production_refuses_to_start_with_a_demo_password(settings):
    from django.core.exceptions import ImproperlyConfigured

    import config.wsgi

    settings.ALLOW_DEMO_USERS = False
    with pytest.raises(ImproperlyConfigured, match="Demo accounts"):
        config.wsgi._refuse_unsafe_start()
    settings.ALLOW_DEMO_USERS = True
    config.wsgi._refuse_unsafe_start()
