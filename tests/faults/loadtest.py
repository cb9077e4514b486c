"""`make loadtest`: gunicorn with production settings (DEBUG off) on 127.0.0.1 over PostgreSQL
with 100 000 generated publications, driven by wrk for a bounded time, signed in as an
executive and as a press officer: the Abai dashboard, the publications list and the report
page at 10 connections, then the dashboard again while three PDFs render at once, then the
officer's list while 5 clients loop on the PDF (from the report-file cache, then refused by
the per-user download limit). It prints
requests per second, median, 95th and 99th percentile and errors, and stops by itself.

LOADTEST_SECONDS (default 30) sets each run's length; CI runs a short form (5).
Exit status 1 on any error or worker timeout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.faults.live import Browser, Gunicorn, database

SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
PUBLICATIONS = int(os.environ.get("LOADTEST_PUBLICATIONS", "100000"))
CONNECTIONS = 10
WORKERS = 2 * (os.cpu_count() or 1) + 1
LUA = Path(__file__).with_name("wrk_report.lua")
AS_OF = "year=2024&as_of=2024-09-01"
GOAL_P95_MS = 300


def wrk(server: Gunicorn, browser: Browser, path: str, connections: int = CONNECTIONS) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{SECONDS}s", "--timeout", "10s", "-s", str(LUA),
         "-H", f"Cookie: {browser.session_cookie}", "-H", "X-Forwarded-Proto: https",
         f"{server.url}{path}"],
        capture_output=True, text=True, timeout=SECONDS + 60,
    )  # fmt: skip
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    figures = json.loads(line)
    figures["rps"] = figures["requests"] / figures["seconds"]
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk")
        return 1
    started = time.monotonic()
    print(f"Preparing PostgreSQL with {PUBLICATIONS:,} publications, gunicorn with {WORKERS} "
          f"workers; {SECONDS} s per run, {CONNECTIONS} connections.")  # fmt: skip
    rows, failures = [], []
    with database(publications=PUBLICATIONS) as url, Gunicorn(url, workers=WORKERS) as server:
        executive, officer = Browser(server, "abai_executive"), Browser(server, "aksuat_officer")
        runs = [
            ("Abai dashboard (executive)", executive, f"/dashboard/abai/?{AS_OF}", True),
            ("publications list (officer)", officer, "/publications/", True),
            ("report page (executive)", executive, "/reports/abai/2024/?as_of=2024-09-01", False),
        ]
        for _label, browser, path, _goal in runs:  # a running server is warm: so is this one
            for _ in range(3 * WORKERS):
                browser.get(path)
        for label, browser, path, goal in runs:
            rows.append((label, wrk(server, browser, path), goal))

        # Three readers render PDFs of different dates (none cached) while the executive reads
        # the dashboard; past their per-user limits they get 429, which is the limit working.
        pdfs: list[tuple[int, float]] = []
        stop = threading.Event()

        def render(reader: Browser) -> None:
            day = 0
            while not stop.is_set():
                day += 1
                begin = time.monotonic()
                response = reader.get(f"/reports/abai/2024/pdf/?as_of=2024-08-{day % 28 + 1:02d}")
                pdfs.append((response.status_code, time.monotonic() - begin))

        readers = [Browser(server, name) for name in ("abai_staff", "central_press", "admin")]
        renderers = [threading.Thread(target=render, args=(reader,)) for reader in readers]
        for thread in renderers:
            thread.start()
        rows.append(("Abai dashboard, 3 PDFs rendering", wrk(server, executive,
                     f"/dashboard/abai/?{AS_OF}"), False))  # fmt: skip
        stop.set()
        for thread in renderers:
            thread.join()

        # A read-only user's 5 clients loop on the PDF while an officer uses the list: the
        # first download renders, the rest come from the report-file cache.
        looped: list[tuple[int, float]] = []
        stop = threading.Event()

        def loop_pdf() -> None:
            while not stop.is_set():
                begin = time.monotonic()
                response = executive.get("/reports/abai/2024/pdf/")
                looped.append((response.status_code, time.monotonic() - begin))

        loopers = [threading.Thread(target=loop_pdf) for _ in range(5)]
        for thread in loopers:
            thread.start()
        rows.append(("publications list, 5 PDF loops", wrk(server, officer, "/publications/"),
                     True))  # fmt: skip
        stop.set()
        for thread in loopers:
            thread.join()
        timeouts = server.read_log().count("WORKER TIMEOUT")

    print()
    print(f"{'run':<36}{'req/s':>8}{'median':>10}{'p95':>10}{'p99':>10}{'errors':>8}")
    for label, f, goal in rows:
        print(f"{label:<36}{f['rps']:>8.1f}{f['p50']:>8.0f}ms{f['p95']:>8.0f}ms"
              f"{f['p99']:>8.0f}ms{f['errors']:>8}")  # fmt: skip
        if f["errors"]:
            failures.append(f"{label}: {f['errors']} errors")
        if goal and f["p95"] > GOAL_P95_MS:
            print(f"  goal missed: p95 {f['p95']:.0f} ms > {GOAL_P95_MS} ms")
    bad_pdfs = [status for status, _ in pdfs if status not in (200, 429)]
    rendered = [seconds for status, seconds in pdfs if status == 200]
    print(f"PDFs asked for alongside: {len(pdfs)}, rendered {len(rendered)} (slowest "
          f"{max(rendered, default=0):.1f} s), refused by the per-user limit "
          f"{sum(status == 429 for status, _ in pdfs)}, failed {len(bad_pdfs)}; "
          f"worker timeouts: {timeouts}")  # fmt: skip
    if bad_pdfs:
        failures.append(f"{len(bad_pdfs)} PDFs failed")
    statuses = sorted({status for status, _ in looped})
    print(f"PDF loops alongside the list: {len(looped)} downloads, statuses {statuses}, "
          f"slowest {max((t for _, t in looped), default=0):.1f} s")  # fmt: skip
    if any(status not in (200, 429) for status, _ in looped):
        failures.append("PDF loop downloads failed")
    if timeouts:
        failures.append(f"{timeouts} worker timeouts")
    print(f"Done in {time.monotonic() - started:.0f} s." + (f" FAILED: {failures}" if failures
                                                            else " No errors."))  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
