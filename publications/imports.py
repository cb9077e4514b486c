"""The publications list in Excel: the import's columns (Kazakh headers, Russian and English
accepted), how each row is checked, and the export's columns."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from branches.locks import period_is_locked
from branches.models import ImportBatch, OrgUnit
from branches.records.excel import Column, Sheet
from branches.records.imports import (
    CellError,
    Importer,
    Preview,
    Problem,
    parse_choice,
    parse_count,
    parse_date,
    parse_text,
    parse_yes_no,
)
from branches.selectors import unit_changeable_list, unit_visible_list
from branches.text import search_key
from publications.forms import resource_choices
from publications.models import URL_MAX_LENGTH, Publication, Resource, http_url_validator
from publications.summary import summary_refresh

COLUMNS = [
    Column("published_on", ("Күні", "Дата", "Date")),
    Column(
        "resource",
        (
            "Ақпараттық ресурс",
            "Ресурс",
            "Информационный ресурс",
            "Ресурс (издание, страница)",
            "Resource",
        ),
    ),
    Column("unit", ("Ұйым", "Организация", "Unit")),
    Column("title", ("Атауы", "Заголовок", "Название", "Title")),
    Column("url", ("Сілтеме", "Ссылка", "Address", "URL"), required=False),
    Column("topic", ("Тақырыбы", "Тема", "Topic"), required=False),
    Column("kind", ("Түрі", "Тип", "Вид", "Kind"), required=False),
    Column("is_repost", ("Репост", "Repost"), required=False),
    Column(
        "language",
        ("Материалдың тілі", "Тілі", "Язык материала", "Язык", "Language"),
        required=False,
    ),
    Column("views", ("Қаралым", "Просмотры", "Views"), required=False),
    Column("reactions", ("Реакциялар", "Реакции", "Reactions"), required=False),
    Column("comments", ("Пікірлер", "Комментарии", "Comments"), required=False),
    Column("shares", ("Бөлісулер", "Поделились", "Shares"), required=False),
]
TEMPLATE_EXAMPLE = [
    date(2024, 9, 1), "Ақсуат аудандық кәсіподақ комитеті (Facebook)",
    "Ақсуат аудандық кәсіподақ комитеті", "Құқықтық семинар", "https://www.facebook.com/...",
    "Құқықтық", "Жаңалық", "жоқ", "Қазақша", 120, 15, 2, 3, "жоқ",
]  # fmt: skip
COUNTS = ("views", "reactions", "comments", "shares")


def _key(text: str) -> str:
    return search_key(text)


class PublicationImporter(Importer):
    kind = ImportBatch.Kind.PUBLICATIONS
    columns = COLUMNS
    template_example = TEMPLATE_EXAMPLE

    def __init__(self, *, user) -> None:
        super().__init__(user=user)
        self.today = timezone.localdate()
        self.units = self._by_names(unit_changeable_list(user=user))
        self.resources = self._resources_by_name(resource_choices(user=user))
        # Duplicates are looked for among the records the user sees: "already recorded" must not
        # tell a branch officer that another branch logged an address.
        self.seen = Publication.objects.filter(unit__in=unit_visible_list(user=user))
        self.locks: dict[tuple, bool] = {}

    @staticmethod
    def _by_names(units) -> dict[str, OrgUnit]:
        lookup: dict[str, OrgUnit] = {}
        for unit in units.only("id", "name", "name_ru", "short_name", "slug", "region_id"):
            for name in (unit.slug, unit.name, unit.name_ru):
                if name:
                    lookup.setdefault(_key(name), unit)
        return lookup

    @staticmethod
    def _resources_by_name(resources) -> dict[str, Resource]:
        lookup: dict[str, Resource] = {}
        for resource in resources.select_related(None).only(
            "id", "name", "url", "opened_on", "owner_id"
        ):
            for name in (resource.name, resource.url):
                if name:
                    lookup.setdefault(_key(name), resource)
        return lookup

    def check(self, sheet: Sheet) -> Preview:
        preview = Preview()
        candidates: list[tuple[int, Publication]] = []
        for number, values in sheet.rows:
            publication, problems = self._row(number, values)
            preview.add_problems(problems)
            if publication is not None:
                candidates.append((number, publication))
        self._drop_duplicates(candidates, preview)
        return preview

    def _row(self, number: int, values: dict[str, Any]) -> tuple[Publication | None, list[Problem]]:
        problems: list[Problem] = []
        parsed: dict[str, Any] = {}

        def cell(key: str, parse) -> None:
            try:
                parsed[key] = parse(values.get(key))
            except CellError as error:
                problems.append(
                    Problem(number, self.header(key), _shown(values.get(key)), str(error))
                )

        cell("published_on", parse_date)
        cell("resource", self._resource)
        cell("unit", self._unit)
        cell("title", lambda v: parse_text(v, required=True, max_length=500))
        cell("url", self._url)
        cell("topic", lambda v: parse_choice(v, Publication.Topic, default="organizational"))
        cell("kind", lambda v: parse_choice(v, Publication.Kind, default="news"))
        cell("is_repost", parse_yes_no)
        cell("language", lambda v: parse_choice(v, Publication.Language, default="kk"))
        for key in COUNTS:
            cell(key, parse_count)

        published_on, resource = parsed.get("published_on"), parsed.get("resource")
        if published_on and published_on > self.today:
            problems.append(
                Problem(
                    number,
                    self.header("published_on"),
                    _shown(published_on),
                    _("The date is in the future."),
                )
            )
        elif published_on and resource and resource.opened_on and published_on < resource.opened_on:
            problems.append(
                Problem(
                    number,
                    self.header("published_on"),
                    _shown(published_on),
                    _("The page opened on %(date)s; a publication cannot precede it.")
                    % {"date": resource.opened_on.strftime("%d.%m.%Y")},
                )
            )
        if not problems and self._locked(parsed["unit"].region_id, published_on.year):
            problems.append(
                Problem(
                    number,
                    self.header("published_on"),
                    _shown(published_on),
                    _(
                        "The year %(year)s is locked: its report was issued. Regional staff can "
                        "unlock it."
                    )
                    % {"year": published_on.year},
                )
            )
        if problems:
            return None, problems
        publication = Publication(created_by=self.user, **parsed)
        publication.fill_derived_fields()
        return publication, []

    def _locked(self, region_id: int | None, year: int) -> bool:
        key = (region_id, year)
        if key not in self.locks:
            self.locks[key] = period_is_locked(region_id=region_id, year=year)
        return self.locks[key]

    def _unit(self, value: Any) -> OrgUnit:
        name = parse_text(value, required=True, max_length=255)
        unit = self.units.get(_key(name))
        if unit is not None:
            return unit
        # One answer for "no such unit" and "another branch's": a file reveals nothing of others.
        raise CellError(
            _("No such unit among those you may log for. Write its name as the portal shows it.")
        )

    def _resource(self, value: Any) -> Resource:
        name = parse_text(value, required=True, max_length=URL_MAX_LENGTH)
        resource = self.resources.get(_key(name))
        if resource is not None:
            return resource
        raise CellError(
            _(
                "No such resource among those you may log for. Write its name or address as "
                "the portal shows it."
            )
        )

    @staticmethod
    def _url(value: Any) -> str:
        url = parse_text(value, required=False, max_length=URL_MAX_LENGTH)
        if url:
            try:
                http_url_validator(url)
            except ValidationError:
                raise CellError(_("Only an http:// or https:// address.")) from None
        return url

    def _drop_duplicates(self, candidates: list[tuple[int, Publication]], preview: Preview) -> None:
        """Skip rows already recorded, by address, or by date + resource + title without one."""
        urls = {p.url for _n, p in candidates if p.url}
        known_urls: set[str] = set()
        for chunk in _chunks(sorted(urls), 500):
            known_urls.update(self.seen.filter(url__in=chunk).values_list("url", flat=True))
        dated = [p for _n, p in candidates if not p.url]
        known_titles: set[tuple[date, int, str]] = set()
        if dated:
            days = [p.published_on for p in dated]
            existing = self.seen.filter(
                resource_id__in={p.resource_id for p in dated},
                published_on__range=(min(days), max(days)),
                url="",
            ).values_list("published_on", "resource_id", "title")
            known_titles = {(day, resource, _key(title)) for day, resource, title in existing}
        seen: set[Any] = set()
        for number, publication in candidates:
            key = publication.url or (
                publication.published_on,
                publication.resource_id,
                _key(publication.title),
            )
            if key in known_urls or key in known_titles:
                preview.skipped.append((number, _("already recorded")))
            elif key in seen:
                preview.skipped.append((number, _("repeats an earlier row of the file")))
            else:
                seen.add(key)
                preview.new.append(publication)

    def write(self, preview: Preview, batch: ImportBatch) -> None:
        for publication in preview.new:
            publication.import_batch = batch
        bulk_create_with_history(preview.new, Publication, batch_size=1000, default_user=self.user)
        summary_refresh(keys={(p.author_id, p.published_on) for p in preview.new})


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)[:200]


def export_columns():
    """The export's columns: the import's, so an exported list can be edited and imported."""

    def choice(name):
        return lambda p: getattr(p, f"get_{name}_display")()

    def yes_no(name):
        return lambda p: _("yes") if getattr(p, name) else _("no")

    values = {
        "published_on": lambda p: p.published_on,
        "resource": lambda p: p.resource.name,
        "unit": lambda p: p.unit.name,
        "title": lambda p: p.title,
        "url": lambda p: p.url,
        "topic": choice("topic"),
        "kind": choice("kind"),
        "is_repost": yes_no("is_repost"),
        "language": choice("language"),
        **{key: (lambda k: lambda p: getattr(p, k))(key) for key in COUNTS},
    }
    return tuple((column.headers[0], values[column.key]) for column in COLUMNS)
