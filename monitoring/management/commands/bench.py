"""`make bench`: speed figures on the data sizes the portal must carry.

For 1 000, 100 000 and 1 000 000 generated publications (plus the Abai records) it times,
through Django's test client (the whole view, template and queries, no network), each page in
`PAGES` as the user given, with the figures cache emptied before each request (so it times
the computation, as after every write), and prints the median, the 95th percentile and the
ratio of the median to the 1 000 case. At 100 000 (or the largest size below it) it also times
an import of 10 000 Excel rows and of a 5 000-message Telegram export.
`--ten-million` adds a 10 000 000-publication point with 100 000 tallies (about half an hour
more on the project's machine).

Run it on PostgreSQL (`make bench` makes a throwaway database); figures go to README by hand.
"""

from __future__ import annotations

import json
import statistics
import time
import uuid
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from branches.models import OrgUnit
from branches.records.excel import xlsx_bytes
from branches.records.imports import batch_confirm, batch_upload
from publications.imports import PublicationImporter
from publications.models import Platform, Publication, Resource

SIZES = [1_000, 100_000, 1_000_000]
TEN_MILLION = 10_000_000
TALLIES_AT_TEN_MILLION = 100_000
# (label, user, URL)
PAGES = [
    (
        "Abai dashboard, 2024 to 01.09",
        "abai_executive",
        "/dashboard/abai/?year=2024&as_of=2024-09-01",
    ),
    ("a demo region's dashboard", "central_press", "/dashboard/demo-r01/?year=2024"),
    ("national view", "central_press", "/dashboard/?year=2024"),
    ("Abai report, HTML", "abai_staff", "/reports/abai/2024/?as_of=2024-09-01"),
    ("Abai report, PDF", "abai_staff", "/reports/abai/2024/pdf/?as_of=2024-09-01"),
    ("Abai report, Word", "abai_staff", "/reports/abai/2024/docx/?as_of=2024-09-01"),
    ("a demo region's report, PDF", "central_press", "/reports/demo-r01/2024/pdf/"),
    ("publications list, region", "abai_staff", "/publications/"),
    ("publications list, search", "abai_staff", "/publications/?q=семинар&year=2024"),
    ("publications list, branch", "aksuat_officer", "/publications/"),
]
IMPORT_ROWS = 10_000
TELEGRAM_MESSAGES = 5_000


class Command(BaseCommand):
    help = "Time the portal's pages at 1 000, 100 000 and 1 000 000 publications."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
        parser.add_argument("--runs", type=int, default=15)
        parser.add_argument(
            "--ten-million", action="store_true", help="also 10 000 000 with 100 000 tallies"
        )

    def handle(self, *args, sizes: str, runs: int, ten_million: bool, **options) -> None:
        if connection.vendor != "postgresql":
            self.stderr.write("Note: not PostgreSQL; the figures will not be comparable.")
        call_command("load_abai", "--demo-users", verbosity=0, stdout=_Null())
        sizes_list = [int(size) for size in sizes.split(",")]
        if ten_million and TEN_MILLION not in sizes_list:
            sizes_list.append(TEN_MILLION)
        table: dict[str, dict[int, tuple[float, float]]] = {}
        extras: list[str] = []
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            for size in sizes_list:
                started = time.monotonic()
                tallies = TALLIES_AT_TEN_MILLION if size >= TEN_MILLION else 0
                call_command(
                    "generate_demo_data", publications=size, tallies=tallies, stdout=_Null()
                )
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                self.stdout.write(
                    f"{size:>9,} demo publications ready in {time.monotonic() - started:.1f} s"
                )
                for label, username, url in PAGES:
                    table.setdefault(label, {})[size] = self._time(username, url, runs)
                if size == 100_000 or (size == sizes_list[-1] and 100_000 not in sizes_list):
                    extras += [self._import(), self._telegram_import()]
        self._print(table, sizes_list)
        for line in extras:
            self.stdout.write(line)

    @staticmethod
    def _time(username: str, url: str, runs: int) -> tuple[float, float]:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        client.get(url)  # warm caches as a real server would be
        timings = []
        for _ in range(runs):
            cache.clear()  # time the computation, as after every write (not a cached view)
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        return statistics.median(timings), p95

    def _import(self) -> str:
        user = get_user_model().objects.get(username="aksuat_officer")
        run = uuid.uuid4().hex[:8]
        rows = [["Күні", "Ресурс", "Ұйым", "Атауы", "Сілтеме", "Тақырыбы"]]
        rows += [
            [
                date(2024, 1, 1) + timedelta(days=i % 240),
                "Ақсуат аудандық кәсіподақ комитеті (Facebook)",
                "Ақсуат аудандық кәсіподақ комитеті",
                f"Бенчмарк {run} №{i}",
                f"https://www.facebook.com/aksuat/posts/{run}-{i}",
                "Құқықтық" if i % 4 == 0 else "Ұйымдастырушылық",
            ]
            for i in range(IMPORT_ROWS)
        ]
        upload = SimpleUploadedFile("bench.xlsx", xlsx_bytes(sheet="Тізім", rows=rows))
        before = Publication.objects.count()
        started = time.monotonic()
        importer = PublicationImporter(user=user)
        batch, _preview = batch_upload(importer=importer, upload=upload)
        checked = time.monotonic()
        batch_confirm(importer=PublicationImporter(user=user), batch=batch)
        done = time.monotonic()
        added = Publication.objects.count() - before
        return (
            f"Import of {IMPORT_ROWS:,} Excel rows: checked in {checked - started:.1f} s, "
            f"confirmed (checked again and written) in {done - checked:.1f} s; {added:,} added."
        )

    def _telegram_import(self) -> str:
        """A Telegram channel's "Export chat history" JSON of 5 000 messages, through the same
        preview and confirmation."""
        user = get_user_model().objects.get(username="aksuat_officer")
        run = uuid.uuid4().hex[:8]
        page = Resource.objects.create(
            name=f"Бенчмарк арнасы {run}", platform=Platform.objects.get(slug="telegram"),
            kind=Resource.Kind.OWN_PAGE, owner=OrgUnit.objects.get(slug="aksuat"),
            url=f"https://t.me/bench_{run}",
        )  # fmt: skip
        start = 1_704_067_200  # 01.01.2024
        messages = [
            {"id": i + 1, "type": "service" if i % 50 == 0 else "message",
             "date_unixtime": str(start + i * 3_000),
             "text": [f"Жаңалық №{i}: құқықтық кеңес. ", {"type": "bold", "text": "Заң"}],
             "reactions": [{"type": "emoji", "count": i % 7, "emoji": "👍"}],
             **({"forwarded_from": "Орталық Комитет"} if i % 9 == 0 else {})}
            for i in range(TELEGRAM_MESSAGES)
        ]  # fmt: skip
        data = json.dumps(
            {"name": page.name, "type": "public_channel", "id": 1, "messages": messages}
        )
        upload = SimpleUploadedFile("result.json", data.encode())
        before = Publication.objects.count()
        started = time.monotonic()
        importer = PublicationImporter(user=user)
        batch, _preview = batch_upload(
            importer=importer, upload=upload, options={"resource": page.pk}
        )
        checked = time.monotonic()
        batch_confirm(importer=PublicationImporter(user=user), batch=batch)
        done = time.monotonic()
        added = Publication.objects.count() - before
        return (
            f"Import of a {TELEGRAM_MESSAGES:,}-message Telegram export ({len(data) // 1024} KB): "
            f"checked in {checked - started:.1f} s, confirmed in {done - checked:.1f} s; "
            f"{added:,} added."
        )

    def _print(self, table, sizes) -> None:
        self.stdout.write("")
        header = f"{'page':<32}" + "".join(f"{f'{s:,}':>28}" for s in sizes)
        self.stdout.write(header)
        self.stdout.write(f"{'':<32}" + "".join(f"{'median / p95 ms (×1k)':>28}" for _ in sizes))
        for label, row in table.items():
            base = row[sizes[0]][0]
            cells = "".join(
                f"{f'{row[s][0]:.0f} / {row[s][1]:.0f} (×{row[s][0] / base:.1f})':>28}"
                for s in sizes
            )
            self.stdout.write(f"{label:<32}{cells}")


class _Null:
    def write(self, *args) -> None:
        pass

    def flush(self) -> None:
        pass
