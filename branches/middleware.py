"""Chooses the interface language: the user's choice, else Kazakh or Russian from the browser,
else Kazakh. English is only ever an explicit choice (it exists for developers). Also: the
absolute session lifetime, private caching, and the per-address sign-in limit."""

import functools
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django_ratelimit.core import is_ratelimited

from branches.security import SIGNED_IN_AT, client_address, security_event

RENEWED_AT = "renewed_at"

BROWSER_LANGUAGES = {"kk", "ru"}


def language_from_request(request: HttpRequest) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in supported:
        return chosen
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = accepted.split("-")[0].lower()
        if code in BROWSER_LANGUAGES:
            return code
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class SessionLifetimeMiddleware:
    """Ends a session SESSION_MAX_DAYS after its sign-in, however busy it has been. Renews the
    idle timeout (SESSION_COOKIE_AGE) on a request at most once a SESSION_RENEW_SECONDS, so
    that a reader's pages do not write the session each time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            now = int(time.time())
            if signed_in_at is None:  # a session from before this rule: its count starts now
                request.session[SIGNED_IN_AT] = now
            elif now - signed_in_at > settings.SESSION_MAX_DAYS * 24 * 60 * 60:
                security_event("session_expired", request)
                logout(request)
                return self.get_response(request)
            if now - request.session.get(RENEWED_AT, 0) >= settings.SESSION_RENEW_SECONDS:
                request.session[RENEWED_AT] = now  # a change: the session and its cookie are saved
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Nothing a signed-in user sees, and no download, is kept by a browser or a proxy cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        download = "attachment" in response.get("Content-Disposition", "")
        if download or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "private, no-store"
        return response


class SignInRateLimitMiddleware:
    """At most SIGN_IN_RATE sign-in and password-reset submissions per client address, whatever
    the usernames (django-axes locks a username and address pair; this stops one address from
    trying many usernames)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path_info in _limited_paths():
            limited = is_ratelimited(
                request, group="sign-in", key=lambda _group, req: client_address(req) or "-",
                rate=settings.SIGN_IN_RATE, method="POST", increment=True,
            )  # fmt: skip
            if limited:
                security_event("rate_limited", request, path=request.path[:100])
                return too_many_requests(request)
        return self.get_response(request)


@functools.cache
def _limited_paths() -> frozenset[str]:
    return frozenset(reverse(name) for name in ("login", "admin:login", "password_reset"))


def too_many_requests(request: HttpRequest, message: str = "") -> HttpResponse:
    """The 429 page, in the user's language."""
    context = {"message": message or _("Too many attempts from your address. Wait a minute.")}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = "60"
    return response
