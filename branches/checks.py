"""A check at error level (every `manage.py` command, and gunicorn's start through
config/wsgi.py): no demo account with its published password may exist where demo users are
refused (production)."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security)
def no_demo_accounts(app_configs, **kwargs) -> list[Error]:
    if settings.ALLOW_DEMO_USERS:
        return []
    from django.contrib.auth import get_user_model

    from branches.demo import DEMO_PASSWORD, DEMO_USERS

    names = [row[0] for row in DEMO_USERS]
    try:
        users = list(get_user_model().objects.filter(username__in=names, is_active=True))
    except DatabaseError:  # no database yet: nothing to find
        return []
    exposed = [user.username for user in users if user.check_password(DEMO_PASSWORD)]
    if not exposed:
        return []
    return [
        Error(
            f"Demo accounts with the published password exist: {', '.join(exposed)}.",
            hint="Deactivate them or set their passwords before serving the site.",
            id="branches.E001",
        )
    ]
