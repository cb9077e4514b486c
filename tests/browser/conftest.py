"""A real Chromium (Debian's) driven by Playwright against the live test server.

These tests are transactional (the server runs in a thread), so pytest-django runs them after
the others; each loads the Abai data it needs, as the database is emptied after each."""

import os

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
    # test body are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def abai_data(transactional_db):
    call_command("load_abai", "--demo-users", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def login_page(browser, live_server, client, abai_data):
    """A new phone-sized page signed in as the given user (by session cookie, as force_login)."""
    from django.contrib.auth import get_user_model

    contexts = []

    def open_as(username: str, viewport=PHONE):
        client.force_login(get_user_model().objects.get(username=username))
        context = browser.new_context(viewport=viewport, locale="kk-KZ")
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()
