"""Synthetic data at a country's scale, for benchmarks and demos: plausible regions, branches,
primary organizations with members, pages with monthly follower counts, and publications
spread over 2021 to today. Every unit it makes is marked `is_demo`; the Abai records are
left alone.

    python manage.py generate_demo_data --regions 17 --publications 100000
    python manage.py generate_demo_data --reset     # remove the demo data

`--publications` is the total wanted: a second run with the same figure adds nothing. On
PostgreSQL publications go in by COPY (a million in well under a minute); elsewhere in bulk.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from branches.models import MemberCount, OrgUnit
from monitoring.cache import figures_changed
from monitoring.models import AudienceSnapshot
from monitoring.periods import month_end
from publications.models import Platform, Publication, Resource, Tally
from publications.summary import summary_rebuild

# The real regions of Kazakhstan other than Abai (whose records are real), then the three cities
# of republican significance: (Kazakh stem, Russian adjective, is a city).
REGION_NAMES = [
    ("Ақмола", "Акмолинская", False), ("Ақтөбе", "Актюбинская", False),
    ("Алматы", "Алматинская", False), ("Атырау", "Атырауская", False),
    ("Батыс Қазақстан", "Западно-Казахстанская", False), ("Жамбыл", "Жамбылская", False),
    ("Жетісу", "Жетысуская", False), ("Қарағанды", "Карагандинская", False),
    ("Қостанай", "Костанайская", False), ("Қызылорда", "Кызылординская", False),
    ("Маңғыстау", "Мангистауская", False), ("Павлодар", "Павлодарская", False),
    ("Солтүстік Қазақстан", "Северо-Казахстанская", False), ("Түркістан", "Туркестанская", False),
    ("Ұлытау", "Улытауская", False), ("Шығыс Қазақстан", "Восточно-Казахстанская", False),
    ("Астана", "Астана", True), ("Алматы", "Алматы", True), ("Шымкент", "Шымкент", True),
]  # fmt: skip


def region_names(number: int) -> dict:
    """The names of the demo region `number` (from 1): a real region's or city's, in Kazakh and
    Russian; past the 19, the same again with a number."""
    kk, ru, city = REGION_NAMES[(number - 1) % len(REGION_NAMES)]
    suffix = "" if number <= len(REGION_NAMES) else f" {number}"
    if city:
        return {
            "name": f"{kk}{suffix} қалалық кәсіподақ ұйымы (демо)",
            "name_ru": f"Городская организация профсоюза г. {ru}{suffix} (демо)",
            "short_name": f"{kk} қаласы{suffix}",
            "short_name_ru": f"г. {ru}{suffix}",
        }
    return {
        "name": f"{kk}{suffix} облыстық кәсіподақ ұйымы (демо)",
        "name_ru": f"{ru}{suffix} областная организация профсоюза (демо)",
        "short_name": f"{kk} облысы{suffix}",
        "short_name_ru": f"{ru} область{suffix}",
    }


BRANCHES_PER_REGION = 10
PRIMARIES_PER_BRANCH = 40
FIRST_DAY = date(2021, 1, 1)
TOPICS = [code for code, _label in Publication.Topic.choices]
TOPIC_WEIGHTS = [8, 45, 15, 6, 8, 10, 8]
KINDS = [code for code, _label in Publication.Kind.choices]
KIND_WEIGHTS = [60, 10, 5, 5, 10, 10]


class Command(BaseCommand):
    help = "Generate demo regions, units, pages and publications at a country's scale."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--regions", type=int, default=17)
        parser.add_argument("--publications", type=int, default=100_000)
        parser.add_argument(
            "--tallies", type=int, default=0, help="also this many tallies (counts known as totals)"
        )
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--reset", action="store_true", help="remove the demo data")

    def handle(
        self, *args, regions: int, publications: int, tallies: int, seed: int, reset: bool,
        **options,
    ):  # fmt: skip
        started = time.monotonic()
        if reset:
            self._reset()
            self.stdout.write("Demo data removed.")
            return
        random.seed(seed)
        central = OrgUnit.objects.get(kind=OrgUnit.Kind.CENTRAL)
        platforms = {p.slug: p for p in Platform.objects.all()}
        with transaction.atomic():
            for number in range(1, regions + 1):
                self._region(central, number, platforms)
        units = list(
            OrgUnit.objects.filter(is_demo=True)
            .exclude(kind=OrgUnit.Kind.CENTRAL)
            .values("id", "kind", "region_id", "parent_id")
        )
        pages = list(
            Resource.objects.filter(owner__is_demo=True).values("id", "owner_id", "opened_on")
        )
        media = list(Resource.objects.filter(kind=Resource.Kind.OUTSIDE_MEDIUM).values("id"))
        existing = Publication.objects.filter(unit__is_demo=True).count()
        wanted = max(0, publications - existing)
        self._publications(wanted, units, pages, media)
        tallies_added = self._tallies(tallies, units, pages)
        if wanted:
            summary_rebuild()  # COPY and bulk inserts send no signals
        figures_changed()
        self.stdout.write(
            f"Demo data: {regions} regions, {len(units)} units, {len(pages)} pages; "
            f"{wanted} publications added ({existing + wanted} in all), {tallies_added} tallies "
            f"in {time.monotonic() - started:.1f} s."
        )

    def _region(self, central: OrgUnit, number: int, platforms) -> None:
        slug = f"demo-r{number:02d}"
        if OrgUnit.objects.filter(slug=slug).exists():
            return
        names = region_names(number)
        name = names["short_name"]
        region = OrgUnit(
            slug=slug, kind=OrgUnit.Kind.REGION, parent=central, is_demo=True, **names
        )  # fmt: skip
        region.save()
        branches = []
        for b in range(1, BRANCHES_PER_REGION + 1):
            branch = OrgUnit(
                slug=f"{slug}-b{b:02d}", kind=OrgUnit.Kind.BRANCH, parent=region, is_demo=True,
                committee=OrgUnit.Committee.CITY if b == 1 else OrgUnit.Committee.DISTRICT,
                name=f"{name}: {b}-филиал (демо)", short_name=f"{b}-филиал",
            )  # fmt: skip
            branch.save()
            branches.append(branch)
        primaries = [
            OrgUnit(
                slug=f"{slug}-b{i // PRIMARIES_PER_BRANCH + 1:02d}-p{i:04d}",
                kind=OrgUnit.Kind.PRIMARY,
                is_demo=True,
                is_placeholder=True,
                parent=branches[i // PRIMARIES_PER_BRANCH],
                region=region,
                name=f"{name}: БКҰ №{i + 1} (демо)",
            )
            for i in range(BRANCHES_PER_REGION * PRIMARIES_PER_BRANCH)
        ]
        # Bulk inserts skip save(), which sets the path: set it from the new primary keys.
        OrgUnit.objects.bulk_create(primaries, batch_size=1000)
        for unit in primaries:
            unit.path = f"{unit.parent.path}{unit.pk}/"
        OrgUnit.objects.bulk_update(primaries, ["path"], batch_size=1000)
        MemberCount.objects.bulk_create(
            [
                MemberCount(unit=unit, counted_on=date(2024, 1, 1), members=random.randint(15, 150))
                for unit in primaries
            ],
            batch_size=1000,
        )
        opened = date(2021, 1, 1) + timedelta(days=random.randint(0, 700))
        owners = [(region, "facebook"), (region, "instagram")]
        owners += [
            (branch, random.choice(["facebook", "instagram", "telegram"]))
            for branch in branches
            if random.random() < 0.6
        ]
        snapshots = []
        for owner, platform in owners:
            page = Resource.objects.create(
                name=f"{owner.name} ({platforms[platform].name})", platform=platforms[platform],
                kind=Resource.Kind.OWN_PAGE, owner=owner, opened_on=opened,
                url=f"https://www.{platform}.com/demo/{owner.slug}",
            )  # fmt: skip
            followers = random.randint(50, 400)
            day = date(opened.year, opened.month, 1) + timedelta(days=32)
            while day <= timezone.localdate():
                day = day.replace(day=1)
                followers += random.randint(0, 25)
                snapshots.append(AudienceSnapshot(resource=page, taken_on=day, followers=followers))
                day += timedelta(days=32)
        AudienceSnapshot.objects.bulk_create(snapshots, batch_size=2000)

    def _publications(self, wanted: int, units, pages, media) -> None:
        if not wanted or not units:
            return
        today = timezone.localdate()
        span = (today - FIRST_DAY).days
        pages_by_owner: dict[int, list[dict]] = {}
        for page in pages:
            pages_by_owner.setdefault(page["owner_id"], []).append(page)
        region_pages = [p for p in pages if p["owner_id"] in {u["region_id"] for u in units}]
        unit_pool = [u for u in units if u["kind"] != OrgUnit.Kind.PRIMARY] * 8 + units
        columns = ["resource_id", "unit_id", "region_id", "author_id", "served_directly",
                   "published_on", "title", "url", "topic",
                   "kind", "is_repost", "language", "views", "reactions",
                   "search_text", "url_key", "is_notable", "participants", "created_at",
                   "updated_at", "version", "deleted_at"]  # fmt: skip
        now = timezone.now()
        batch = 50_000
        for start in range(0, wanted, batch):
            rows = []
            for i in range(start, min(start + batch, wanted)):
                unit = random.choice(unit_pool)
                own = pages_by_owner.get(unit["id"]) or [
                    p for p in region_pages if p["owner_id"] == unit["region_id"]
                ]
                if own and random.random() < 0.8:
                    page = random.choice(own)
                else:
                    page = random.choice(media) if media else random.choice(own)
                first = max(page.get("opened_on") or FIRST_DAY, FIRST_DAY)
                day = first + timedelta(days=random.randint(0, max(0, (today - first).days)))
                day = min(day, FIRST_DAY + timedelta(days=span))
                title = f"Демо материал {i + 1}"
                topic = random.choices(TOPICS, TOPIC_WEIGHTS)[0]
                kind = random.choices(KINDS, KIND_WEIGHTS)[0]
                primary = unit["kind"] == OrgUnit.Kind.PRIMARY
                author = unit["parent_id"] if primary else unit["id"]
                direct = primary and unit["parent_id"] == unit["region_id"]
                rows.append((
                    page["id"], unit["id"], unit["region_id"], author, direct, day, title,
                    f"https://demo.example.kz/p/{i + 1}", topic, kind,
                    random.random() < 0.3, "kk" if random.random() < 0.7 else "ru",
                    random.randint(20, 2000), random.randint(0, 120),
                    title.casefold(), f"demo.example.kz/p/{i + 1}", False, "", now, now, 1,
                    None,
                ))  # fmt: skip
            self._insert(columns, rows)

    def _tallies(self, wanted: int, units, pages) -> int:
        """Tallies of the two years before the publications start (2019–2020), one a month per
        unit on its region's pages (as the source gives a page's posts per authoring unit):
        the grain earlier years come in at."""
        existing = Tally.objects.filter(unit__is_demo=True).count()
        wanted = max(0, wanted - existing)
        if not wanted or not pages:
            return 0
        regions = {u["id"] for u in units if u["kind"] == OrgUnit.Kind.REGION}
        region_pages: dict[int, list[dict]] = {}
        for page in pages:
            if page["owner_id"] in regions:
                region_pages.setdefault(page["owner_id"], []).append(page)
        platform_of = dict(Resource.objects.filter(id__in=[p["id"] for p in pages]).values_list(
            "id", "platform_id"))  # fmt: skip
        seen = set(Tally.objects.filter(unit__is_demo=True).values_list("unit", "starts_on"))
        months = [date(y, m, 1) for y in (2019, 2020) for m in range(1, 13)]
        batch: list[Tally] = []
        links: list[int] = []
        for first in months:
            for unit in units:
                if len(batch) >= wanted:
                    break
                if (unit["id"], first) in seen or not region_pages.get(unit["region_id"]):
                    continue
                page = random.choice(region_pages[unit["region_id"]])
                batch.append(Tally(
                    unit_id=unit["id"], region_id=unit["region_id"],
                    platform_id=platform_of[page["id"]], sole_resource_id=page["id"],
                    starts_on=first,
                    ends_on=month_end(first), count=random.randint(0, 12), source="демо",
                ))  # fmt: skip
                links.append(page["id"])
        created = Tally.objects.bulk_create(batch, batch_size=5000)
        through = Tally.resources.through
        through.objects.bulk_create(
            [through(tally_id=t.pk, resource_id=r) for t, r in zip(created, links, strict=True)],
            batch_size=5000,
        )
        return len(created)

    @staticmethod
    def _insert(columns: list[str], rows: list[tuple]) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                copy_sql = f"COPY publications_publication ({', '.join(columns)}) FROM STDIN"
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        Publication.objects.bulk_create(
            [Publication(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=2000
        )

    @staticmethod
    def _reset() -> None:
        with transaction.atomic():
            demo = OrgUnit.objects.filter(is_demo=True)
            Publication.all_objects.filter(unit__in=demo).delete()
            Tally.all_objects.filter(unit__in=demo).delete()
            AudienceSnapshot.all_objects.filter(resource__owner__in=demo).delete()
            Resource.all_objects.filter(owner__in=demo).delete()
            MemberCount.objects.filter(unit__in=demo).delete()
            for kind in (OrgUnit.Kind.PRIMARY, OrgUnit.Kind.BRANCH, OrgUnit.Kind.REGION):
                demo.filter(kind=kind).delete()
