from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications and resources")

    def ready(self) -> None:
        from publications import summary, triggers

        summary.connect_signals()

        pre_migrate.connect(triggers.triggers_drop, sender=self)
        post_migrate.connect(triggers.triggers_create, sender=self)
