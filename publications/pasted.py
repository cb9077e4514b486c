"""Pasted links: each address's page, date and title found where the line says them, the
topic and language suggested, then, once the officer has filled in the rest, the same import
as an Excel file's (a .csv made from the grid, checked and previewed like any upload)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from branches.models import OrgUnit
from branches.selectors import unit_visible_list
from publications.addresses import url_key
from publications.export_imports import (
    MAX_PASTED,
    language_guess,
    pasted_lines,
    pasted_resource,
    sitemap_lines,
    topic_rules,
    topic_suggest,
)
from publications.imports import COLUMNS
from publications.models import Publication, Resource


def pasted_read(*, text: str, sitemap, user) -> tuple[list[dict[str, Any]], int]:
    """The addresses pasted or in a sitemap that the user's records do not hold yet, at most
    MAX_PASTED of them, and how many there were."""
    lines = sitemap_lines(sitemap.read()) if sitemap is not None else pasted_lines(text)
    keys = {url_key(line["url"]) for line in lines}
    seen = Publication.objects.filter(unit__in=unit_visible_list(user=user))
    known: set[str] = set()
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        known.update(seen.filter(url_key__in=chunk).values_list("url_key", flat=True))
    fresh, taken = [], set()
    for line in lines:
        key = url_key(line["url"])
        if key not in known and key not in taken:
            taken.add(key)
            fresh.append(line)
    return fresh[:MAX_PASTED], len(fresh)


FIELDS = ("published_on", "resource", "unit", "title", "url", "topic", "language")


def pasted_grid(lines: list[dict[str, Any]], *, pages: list[Resource], units: list[OrgUnit],
                default_unit: OrgUnit | None) -> list[dict[str, Any]]:  # fmt: skip
    """The grid's first values, one row per pasted address (`pasted_lines`, `sitemap_lines`)."""
    region_id = next((u.region_id for u in units if u.region_id), None)
    rules = topic_rules(region_id=region_id)
    rows = []
    for line in lines:
        resource = pasted_resource(line["url"], pages)
        owner = resource.owner if resource is not None and resource.owner in units else None
        unit = owner or default_unit
        title = line["title"]
        rows.append({
            "url": line["url"],
            "resource": resource.pk if resource else None,
            "unit": unit.pk if unit else None,
            "published_on": line["published_on"],
            "title": title,
            "topic": topic_suggest(title, rules) or Publication.Topic.ORGANIZATIONAL,
            "language": language_guess(title) or Publication.Language.KAZAKH,
        })  # fmt: skip
    return rows


def pasted_file(rows: list[dict[str, Any]]) -> SimpleUploadedFile:
    """The filled-in grid as a .csv that the publications import reads: resources by their
    address (or name), units by their slug."""
    headers = {column.key: column.headers[0] for column in COLUMNS}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([headers[key] for key in FIELDS])
    for row in rows:
        resource, unit = row["resource"], row["unit"]
        writer.writerow([
            row["published_on"].isoformat(),
            resource.url or resource.name,
            unit.slug,
            row["title"],
            row["url"],
            row["topic"],
            row["language"],
        ])  # fmt: skip
    return SimpleUploadedFile(
        "links.csv", buffer.getvalue().encode("utf-8-sig"), content_type="text/csv"
    )
