"""Production settings for the live gunicorn of `make faults` and `make loadtest` only: they sign
in as the demo users, which production proper refuses to start with."""

from config.settings.production import *  # noqa: F403

ALLOW_DEMO_USERS = True
