"""Chooses the interface language: the user's choice, else Kazakh or Russian from the browser,
else Kazakh. English is only ever an explicit choice (it exists for developers)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

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
