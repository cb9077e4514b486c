from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BranchesConfig(AppConfig):
    name = "branches"
    verbose_name = _("Organization units and people")

    def ready(self) -> None:
        from branches import checks, security  # noqa: F401 (signal receivers and checks)
