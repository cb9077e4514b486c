"""`python manage.py send_digest` (for cron, on the 1st): each region's executives and staff get
a Kazakh summary of the month before, with the current Анықтама's PDF attached."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from branches.models import OrgUnit
from reports.digest import digest_send


class Command(BaseCommand):
    help = "Mail each region's monthly digest to its executive committee members and staff."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--month", help="YYYY-MM; the month before this one by default")
        parser.add_argument("--region", help="one region's slug; all regions by default")

    def handle(self, *args, month: str | None, region: str | None, **options) -> None:
        if month:
            try:
                first = date.fromisoformat(f"{month}-01")
            except ValueError:
                raise CommandError("--month is YYYY-MM, e.g. 2024-08") from None
        else:
            first = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
        regions = OrgUnit.objects.filter(kind=OrgUnit.Kind.REGION, is_demo=False)
        if region:
            regions = regions.filter(slug=region)
        total = 0
        for unit in regions:
            sent = digest_send(region=unit, month=first)
            total += sent
            self.stdout.write(f"{unit.slug}: {sent} sent")
        self.stdout.write(f"Digest of {first:%m.%Y}: {total} messages.")
