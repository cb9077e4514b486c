"""The publications list in Excel: the import's columns (Kazakh headers, Russian and English
accepted), how each row is checked, and the export's columns."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from simple_history.utils import bulk_create_with_history

from branches.locks import period_is_locked
from branches.models import ImportBatch, OrgUnit
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
from branches.records.reader import Column, Sheet
from branches.selectors import unit_changeable_list, unit_visible_list
from branches.text import NameIndex, fold, search_key
from publications.addresses import url_clean, url_fits_platform, url_key
from publications.export_imports import export_page_learn, export_sheet, topic_rules
from publications.forms import address_not_on_platform, resource_choices
from publications.models import URL_MAX_LENGTH, Publication, Resource, http_url_validator
from publications.summary import summary_refresh


def _verbose(name: str):
    return Publication._meta.get_field(name).verbose_name


COLUMNS = [
    Column(
        "published_on",
        ("Күні", "Дата", "Date", "Жарияланған күні", "Жариялау күні", "Дата публикации",
         "Дата выхода", "Published on", _verbose("published_on")),
        label=pgettext_lazy("import column", "Date"),
    ),
    Column(
        "resource",
        ("Ақпараттық ресурс", "Ресурс", "Информационный ресурс", "Ресурс (издание, страница)",
         "Resource", "Парақша", "Страница", "БАҚ", "СМИ", "Издание", _verbose("resource")),
        label=pgettext_lazy("import column", "Resource"),
    ),
    Column(
        "unit",
        ("Ұйым", "Организация", "Unit", "Автор", "Филиал", "Author", _verbose("unit")),
        label=pgettext_lazy("import column", "Unit"),
    ),
    Column(
        "title",
        ("Атауы", "Заголовок", "Название", "Title", "Материал", "Материалдың атауы", "Наименование",
         _verbose("title")),
        label=pgettext_lazy("import column", "Title"),
    ),
    Column(
        "url",
        ("Сілтеме", "Ссылка", "Address", "URL", "Link", "Мекенжай", "Адрес", "Адрес публикации",
         _verbose("url")),
        required=False,
        label=pgettext_lazy("import column", "Address"),
        link=True,
    ),
    Column(
        "topic",
        ("Тақырыбы", "Тема", "Topic", "Тематика", _verbose("topic")),
        required=False,
        label=pgettext_lazy("import column", "Topic"),
    ),
    Column(
        "kind",
        ("Түрі", "Тип", "Вид", "Kind", "Жанры", "Жанр", "Вид материала", _verbose("kind")),
        required=False,
        label=pgettext_lazy("import column", "Kind"),
    ),
    Column(
        "is_repost",
        ("Репост", "Repost", "Репост па", "Это репост", _verbose("is_repost")),
        required=False,
        label=pgettext_lazy("import column", "Repost"),
    ),
    Column(
        "language",
        ("Материалдың тілі", "Тілі", "Язык материала", "Язык", "Language", "Тіл",
         _verbose("language")),
        required=False,
        label=pgettext_lazy("import column", "Language"),
    ),
    Column(
        "views",
        ("Қаралым", "Просмотры", "Views", "Қаралымдар", "Қаралым саны", "Охват",
         _verbose("views")),
        required=False,
        label=pgettext_lazy("import column", "Views"),
    ),
    Column(
        "reactions",
        ("Реакциялар", "Реакции", "Reactions", "Лайктар", "Лайки", "Likes", _verbose("reactions")),
        required=False,
        label=pgettext_lazy("import column", "Reactions"),
    ),
    Column(
        "comments",
        ("Пікірлер", "Комментарии", "Comments", "Комментарийлер", _verbose("comments")),
        required=False,
        label=pgettext_lazy("import column", "Comments"),
    ),
    Column(
        "shares",
        ("Бөлісулер", "Поделились", "Shares", "Репосттар саны", "Бөлісу", "Поделиться",
         _verbose("shares")),
        required=False,
        label=pgettext_lazy("import column", "Shares"),
    ),
]  # fmt: skip
# The example on the template's instructions sheet. Templates handed out before it moved there
# had it on the first sheet: a row that still reads so is skipped, never imported.
TEMPLATE_EXAMPLE = [
    date(2024, 9, 1), "Ақсуат аудандық кәсіподақ комитеті (Facebook)",
    "Ақсуат аудандық кәсіподақ комитеті", "Құқықтық семинар", "https://www.facebook.com/...",
    "Құқықтық", "Жаңалық", "жоқ", "Қазақша", 120, 15, 2, 3,
]  # fmt: skip
COUNTS = ("views", "reactions", "comments", "shares")


class PublicationImporter(Importer):
    kind = ImportBatch.Kind.PUBLICATIONS
    columns = COLUMNS
    template_example = TEMPLATE_EXAMPLE

    def __init__(self, *, user) -> None:
        super().__init__(user=user)
        self.today = timezone.localdate()
        self.units = NameIndex()
        units = unit_changeable_list(user=user).only(
            "id", "name", "name_ru", "short_name", "short_name_ru", "slug", "region_id", "kind",
            "parent_id",
        )  # fmt: skip
        for unit in units:
            self.units.add(unit, unit.slug, unit.name, unit.name_ru)
        # Short names after full ones: «Ақсуат» is the branch, unless it is someone's full name.
        for unit in units:
            for short in (unit.short_name, unit.short_name_ru):
                if short and fold(short) not in self.units.by_key:
                    self.units.add(unit, short)
        self.resources = NameIndex()
        self.pages: dict[tuple[int, str], list[Resource]] = {}  # (owner, platform): pages
        self.platform_names: dict[str, str] = {}
        for resource in resource_choices(user=user):
            self.resources.add(resource, resource.name)
            if resource.url:
                key = url_key(resource.url)
                self.resources.add(resource, key, key.split("?")[0])
            if resource.owner_id:
                self.pages.setdefault((resource.owner_id, resource.platform.slug), []).append(
                    resource
                )
            platform = resource.platform
            for name in (platform.name, platform.name_ru, platform.slug):
                if name:
                    self.platform_names[fold(name)] = platform.slug
        self.unit_set, self.resource_set = self.units.all(), self.resources.all()
        # "Already recorded" looks among the records the user sees: it must not tell a branch
        # officer that another branch logged an address.
        self.seen = Publication.objects.filter(unit__in=unit_visible_list(user=user))
        self.locks: dict[tuple, bool] = {}

    def template_choices(self) -> dict[str, list[str]]:
        resources = resource_choices(user=self.user)
        units = unit_changeable_list(user=self.user).order_by("path")
        return {
            "resource": [r.name for r in resources],
            "unit": [u.display_name for u in units],
            "topic": [str(label) for _c, label in Publication.Topic.choices],
            "kind": [str(label) for _c, label in Publication.Kind.choices],
            "is_repost": [_("yes"), _("no")],
            "language": [str(label) for _c, label in Publication.Language.choices],
        }

    def sample(self, record: Publication) -> dict[str, str]:
        return {
            str(self.header("published_on")): record.published_on.strftime("%d.%m.%Y"),
            str(self.header("resource")): record.resource.name,
            str(self.header("unit")): record.unit.label,
            str(self.header("title")): record.title,
            str(self.header("url")): record.url,
            str(self.header("topic")): str(record.get_topic_display()),
            str(self.header("language")): str(record.get_language_display()),
            str(self.header("is_repost")): _("yes") if record.is_repost else _("no"),
        }

    def rows_for_editing(self, preview: Preview) -> list[list[Any]]:
        rows: list[list[Any]] = [[column.name for column in COLUMNS]]
        for p in preview.new:
            rows.append([
                p.published_on, p.resource.url or p.resource.name, p.unit.name, p.title, p.url,
                str(p.get_topic_display()), str(p.get_kind_display()),
                _("yes") if p.is_repost else _("no"), str(p.get_language_display()),
                p.views, p.reactions, p.comments, p.shares,
            ])  # fmt: skip
        return rows

    def upload_fields(self) -> dict[str, Any]:
        return {
            "resource": forms.ModelChoiceField(
                queryset=resource_choices(user=self.user).filter(owner__isnull=False),
                required=False,
                label=_("Page (for a platform's export)"),
                help_text=_(
                    "Only for an export of Telegram, Facebook, Instagram or a site: the page it "
                    "is of. Left empty, the portal finds it by the export's name."
                ),
            )
        }

    def sheet_read(
        self, stream, kind: str, options: dict[str, Any], mapping: dict[str, str] | None = None
    ) -> Sheet:
        """A platform's export (Telegram, Facebook, Instagram, a feed, WordPress, a sitemap) as
        rows; anything else as a spreadsheet."""
        if kind in ("zip", "json", "xml"):
            stream.seek(0)
            pages = resource_choices(user=self.user).filter(owner__isnull=False)
            chosen = pages.filter(pk=options.get("resource")).first() if options.get(
                "resource"
            ) else None  # fmt: skip
            region_id = next((u.region_id for u in self.unit_set if u.region_id), None)
            sheet = export_sheet(
                stream.read(), pages=pages, chosen=chosen, rules=topic_rules(region_id=region_id)
            )
            if sheet is not None:
                return sheet
            raise ValidationError(
                _(
                    "This file is neither a spreadsheet nor an export the portal reads. Upload "
                    "an .xlsx, .xls, .ods or .csv file, or a Telegram, Facebook, Instagram, "
                    "RSS/Atom, WordPress or sitemap export."
                )
            )
        return super().sheet_read(stream, kind, options, mapping)

    def check(self, sheet: Sheet) -> Preview:
        preview = Preview()
        candidates: list[tuple[int, Publication]] = []
        refused: list[tuple[int, dict[str, Any], list[Problem], str]] = []
        for number, values in sheet.rows:
            if _is_example(values):
                preview.skipped.append((number, _("the template's example row")))
                continue
            publication, problems = self._row(number, values)
            if publication is not None:
                candidates.append((number, publication))
            else:
                refused.append((number, values, problems, self._key_of(values)))
        # A row that is refused (say, on the regional page, which a branch officer may not log
        # for) but whose post the user's records already hold is skipped, not refused.
        keys = {key for *_rest, key in refused if key}
        known: set[str] = set()
        for chunk in _chunks(sorted(keys), 500):
            known.update(self.seen.filter(url_key__in=chunk).values_list("url_key", flat=True))
        for number, values, problems, key in refused:
            if key and key in known:
                preview.skipped.append((number, _("already recorded")))
            else:
                preview.add_problems(problems, values)
        self._drop_duplicates(candidates, preview)
        preview.skipped.sort()
        return preview

    @staticmethod
    def _key_of(values: dict[str, Any]) -> str:
        try:
            return url_key(str(values.get("url") or ""))
        except ValueError:
            return ""

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
        cell("unit", self._unit)
        cell("resource", lambda v: self._resource(v, parsed.get("unit")))
        cell("title", lambda v: parse_text(v, required=True, max_length=500))
        cell("url", self._url)
        cell("topic", lambda v: parse_choice(v, Publication.Topic, default="organizational"))
        cell("kind", lambda v: parse_choice(v, Publication.Kind, default="news"))
        cell("is_repost", parse_yes_no)
        cell("language", lambda v: parse_choice(v, Publication.Language, default="kk"))
        for key in COUNTS:
            cell(key, parse_count)

        published_on, resource = parsed.get("published_on"), parsed.get("resource")
        url = parsed.get("url")
        if url and resource and not url_fits_platform(url, resource.platform.slug):
            problems.append(
                Problem(
                    number,
                    self.header("url"),
                    _shown(url),
                    address_not_on_platform(resource.platform),
                )
            )
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
        if isinstance(value, OrgUnit) and value in self.unit_set:
            return value  # found already (a platform's export)
        name = parse_text(value, required=True, max_length=255)
        unit = self.units.get(name)
        if unit is not None:
            return unit
        # One answer for "no such unit" and "another branch's": a file reveals nothing of others.
        raise CellError(
            _("No such unit among those you may log for. Write its name as the portal shows it.")
            + _nearest(self.units.nearest(name))
        )

    def _resource(self, value: Any, unit: OrgUnit | None) -> Resource:
        if isinstance(value, Resource) and value in self.resource_set:
            return value  # found already (a platform's export)
        name = parse_text(value, required=True, max_length=URL_MAX_LENGTH)
        resource = self.resources.get(name)
        if resource is None and ("." in name or "/" in name):
            key = url_key(name)
            resource = self.resources.get(key) or self.resources.get(key.split("?")[0])
        platform = self.platform_names.get(fold(name))
        if resource is None and platform and unit is not None:
            pages = self.pages.get((unit.pk, platform), [])
            if len(pages) == 1:
                resource = pages[0]
        if resource is not None:
            return resource
        raise CellError(
            _(
                "No such resource among those you may log for. Write its name or address as "
                "the portal shows it."
            )
            + _nearest(self.resources.nearest(name))
        )

    @staticmethod
    def _url(value: Any) -> str:
        url = url_clean(parse_text(value, required=False, max_length=URL_MAX_LENGTH))
        if url:
            if len(url) > URL_MAX_LENGTH:
                raise CellError(
                    _("At most %(limit)s characters (this has %(length)s).")
                    % {"limit": URL_MAX_LENGTH, "length": len(url)}
                )
            try:
                http_url_validator(url)
            except ValidationError:
                raise CellError(_("Only an http:// or https:// address.")) from None
        return url

    def _drop_duplicates(self, candidates: list[tuple[int, Publication]], preview: Preview) -> None:
        """Skip rows already recorded: by the address's key on the same resource (among all
        records: the database allows one), or by date + resource + title without one."""
        keyed = [p for _n, p in candidates if p.url_key]
        known_keys: set[tuple[int, str]] = set()
        for chunk in _chunks(sorted({p.url_key for p in keyed}), 500):
            known_keys.update(
                Publication.objects.filter(url_key__in=chunk).values_list("resource_id", "url_key")
            )
        dated = [p for _n, p in candidates if not p.url_key]
        known_titles: set[tuple[date, int, str]] = set()
        if dated:
            days = [p.published_on for p in dated]
            existing = self.seen.filter(
                resource_id__in={p.resource_id for p in dated},
                published_on__range=(min(days), max(days)),
                url_key="",
            ).values_list("published_on", "resource_id", "title")
            known_titles = {(day, resource, search_key(title)) for day, resource, title in existing}
        seen: set[Any] = set()
        for number, p in candidates:
            key = (
                (p.resource_id, p.url_key)
                if p.url_key
                else (p.published_on, p.resource_id, search_key(p.title))
            )
            if key in known_keys or key in known_titles:
                preview.skipped.append((number, _("already recorded")))
            elif key in seen:
                preview.skipped.append((number, _("repeats an earlier row of the file")))
            else:
                seen.add(key)
                preview.new.append(p)

    def write(self, preview: Preview, batch: ImportBatch) -> None:
        export_page_learn(preview.facts)
        for publication in preview.new:
            publication.import_batch = batch
        bulk_create_with_history(preview.new, Publication, batch_size=1000, default_user=self.user)
        summary_refresh(keys={(p.author_id, p.published_on) for p in preview.new})


def _is_example(values: dict[str, Any]) -> bool:
    return str(values.get("url") or "").endswith("/...") and (
        fold(str(values.get("title") or "")) == fold(TEMPLATE_EXAMPLE[3])
    )


def _nearest(names: list[str]) -> str:
    if not names:
        return ""
    return " " + _("Did you mean: %(names)s?") % {"names": ", ".join(f"«{n}»" for n in names)}


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
