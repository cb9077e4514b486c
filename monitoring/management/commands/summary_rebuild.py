"""Recount the monthly summary of publications from the publications themselves (after a bulk
load outside the portal, or to check it: the figures do not change)."""

from django.core.management.base import BaseCommand

from monitoring.cache import figures_changed
from publications.summary import summary_rebuild


class Command(BaseCommand):
    help = "Recount the monthly summary of publications that the figures read."

    def handle(self, *args, **options) -> None:
        rows = summary_rebuild()
        figures_changed()
        self.stdout.write(f"Summary rebuilt: {rows} rows.")
