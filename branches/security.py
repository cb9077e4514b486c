"""The security log: logins, lockouts, refused access, imports, exports and report downloads,
each with the user, the address and the UTC time (never a password or a token)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("security")


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return "-"
    return request.META.get("REMOTE_ADDR", "-")


def security_event(event: str, request: HttpRequest | None, **details) -> None:
    """One line of the security log: event, user, address, then the details given."""
    user = getattr(request, "user", None)
    username = user.get_username() if user is not None and user.is_authenticated else "-"
    extra = " ".join(f"{key}={value}" for key, value in details.items())
    logger.info("%s user=%s ip=%s %s", event, username, client_address(request), extra)


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
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
