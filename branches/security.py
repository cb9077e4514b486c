"""The security log: logins, lockouts, refused access, imports, exports and report downloads,
each with the user, the address and the UTC time (never a password or a token)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from python_ipware import IpWare

logger = logging.getLogger("security")
SIGNED_IN_AT = "signed_in_at"


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
    address the outermost one saw (each proxy appends to X-Forwarded-For, so anything a client
    writes there itself lies further left and is ignored). Axes, the sign-in rate limit and
    the security log all use this."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # python-ipware counts the proxies listed in the header; the nearest one is REMOTE_ADDR.
        ipware = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1)
        address, _trusted = ipware.get_client_ip(request.META)
        if address is not None:
            return str(address)
    return request.META.get("REMOTE_ADDR") or None  # none: a request made in-process


def security_event(event: str, request: HttpRequest | None, **details) -> None:
    """One line of the security log: event, user, address, then the details given."""
    user = getattr(request, "user", None)
    username = user.get_username() if user is not None and user.is_authenticated else "-"
    extra = " ".join(f"{key}={value}" for key, value in details.items())
    address = client_address(request) or "-"
    logger.info("%s user=%s ip=%s %s", event, username, address, extra)


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
    security_event("login", request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:
    security_event("logout", request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))[:150].replace(" ", "_")
    security_event("login_failed", request, username=username or "-")


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    security_event("lockout", request, username=str(username)[:150].replace(" ", "_"))


class RefusedAccessLogMiddleware:
    """Logs every 403 and every 404 a signed-in user gets (another branch's record is a 404)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code in (403, 404) and request.user.is_authenticated:
            security_event(
                "refused", request, status=response.status_code, method=request.method,
                path=request.path[:300],
            )  # fmt: skip
        return response
