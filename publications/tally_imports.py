"""Tallies in Excel: counts known only as totals, one row each (the period's first and last
day, the unit, the platform, the resource or outlets, the count and whatever of its parts is
known). Rows already recorded are skipped; a row that would count a span twice is refused."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from branches.locks import period_is_locked
from branches.models import ImportBatch
from branches.records.imports import (
    CellError,
    Importer,
    Preview,
    Problem,
    parse_count,
    parse_date,
    parse_text,
)
from branches.records.reader import Column, Sheet
from branches.selectors import unit_changeable_list
from branches.text import search_key
from publications.forms import resource_choices
from publications.models import TOPIC_FIELDS, Platform, Resource, Tally
from publications.selectors import tally_overlaps

TOPIC_HEADERS = {
    "topic_legal": ("Құқықтық", "Правовые", "Legal"),
    "topic_organizational": ("Ұйымдастырушылық", "Организационные", "Organizational"),
    "topic_socioeconomic": ("Әлеуметтік-экономикалық", "Социально-экономические", "Socioeconomic"),
    "topic_labour_safety": ("Еңбек қауіпсіздігі", "Охрана труда", "Labour safety"),
    "topic_youth": ("Жастар", "Молодёжь", "Youth"),
    "topic_culture_sport": ("Мәдениет және спорт", "Культура и спорт", "Culture and sport"),
    "topic_other": ("Басқа тақырып", "Другие темы", "Other topics"),
}
TOPIC_LABELS = {
    "topic_legal": pgettext_lazy("import column", "Legal"),
    "topic_organizational": pgettext_lazy("import column", "Organizational"),
    "topic_socioeconomic": pgettext_lazy("import column", "Socioeconomic"),
    "topic_labour_safety": pgettext_lazy("import column", "Labour safety"),
    "topic_youth": pgettext_lazy("import column", "Youth"),
    "topic_culture_sport": pgettext_lazy("import column", "Culture and sport"),
    "topic_other": pgettext_lazy("import column", "Other topics"),
}
COLUMNS = [
    Column(
        "starts_on",
        ("Басталуы", "Начало периода", "С", "From"),
        label=pgettext_lazy("import column", "From"),
    ),
    Column(
        "ends_on",
        ("Аяқталуы", "Конец периода", "По", "To"),
        label=pgettext_lazy("import column", "To"),
    ),
    Column("unit", ("Ұйым", "Организация", "Unit"), label=pgettext_lazy("import column", "Unit")),
    Column("platform", ("Платформа", "Platform"), label=pgettext_lazy("import column", "Platform")),
    Column(
        "resources",
        ("Ресурс", "Ресурсы", "Ресурс (издание, страница)", "Resource"),
        required=False,
        label=pgettext_lazy("import column", "Resources"),
    ),
    Column(
        "count",
        ("Материалдар саны", "Число материалов", "Саны", "Count"),
        label=pgettext_lazy("import column", "Count"),
    ),
    Column(
        "reposts",
        ("Оның ішінде репост", "Из них репостов", "Reposts"),
        required=False,
        label=pgettext_lazy("import column", "Reposts"),
    ),
    Column(
        "kazakh",
        ("Оның ішінде қазақ тілінде", "Из них на казахском", "In Kazakh"),
        required=False,
        label=pgettext_lazy("import column", "In Kazakh"),
    ),
    Column(
        "views",
        ("Қаралым", "Просмотры", "Views"),
        required=False,
        label=pgettext_lazy("import column", "Views"),
    ),
    *[
        Column(key, headers, required=False, label=TOPIC_LABELS[key])
        for key, headers in TOPIC_HEADERS.items()
    ],
    Column(
        "source",
        ("Дереккөзі", "Источник", "Source"),
        required=False,
        label=pgettext_lazy("import column", "Source"),
    ),
]
assert {c.key for c in COLUMNS} >= set(TOPIC_FIELDS.values())
PARTS = ("reposts", "kazakh", "views", *TOPIC_FIELDS.values())
SEPARATOR = ";"


class TallyImporter(Importer):
    kind = ImportBatch.Kind.TALLIES
    columns = COLUMNS
    template_example = [
        date(2024, 1, 1),
        date(2024, 6, 30),
        "Ақсуат аудандық кәсіподақ комитеті",
        "Facebook",
        "",
        12,
        None,
        None,
        None,
        1,
        None,
        None,
        None,
        None,
        None,
        None,
        "",
    ]

    def __init__(self, *, user) -> None:
        super().__init__(user=user)
        self.today = timezone.localdate()
        self.units = _lookup(
            unit_changeable_list(user=user), ("slug", "name", "name_ru", "short_name")
        )
        self.platforms = _lookup(Platform.objects.all(), ("slug", "name", "name_ru"))
        self.resources = _lookup(resource_choices(user=user), ("name", "url"))

    def template_rows(self) -> list[list[Any]]:
        return []  # an example row would be imported as a real tally if left in

    def template_choices(self) -> dict[str, list[str]]:
        return {
            "unit": [u.display_name for u in unit_changeable_list(user=self.user).order_by("path")],
            "platform": [p.label for p in Platform.objects.all()],
        }

    def sample(self, record: Tally) -> dict[str, str]:
        return {
            str(self.header("starts_on")): record.starts_on.strftime("%d.%m.%Y"),
            str(self.header("ends_on")): record.ends_on.strftime("%d.%m.%Y"),
            str(self.header("unit")): record.unit.label,
            str(self.header("platform")): record.platform.label,
            str(self.header("count")): str(record.count),
        }

    def check(self, sheet: Sheet) -> Preview:
        preview = Preview()
        seen: set[tuple] = set()
        for number, values in sheet.rows:
            tally, resources, problems = self._row(number, values)
            preview.add_problems(problems, values)
            if tally is None:
                continue
            key = (
                tally.unit_id,
                tally.platform_id,
                tally.starts_on,
                tally.ends_on,
                tuple(sorted(r.pk for r in resources)),
            )
            if key in seen:
                preview.skipped.append((number, _("repeats an earlier row of the file")))
                continue
            seen.add(key)
            same = tally_overlaps(tally=tally, resources=resources)
            if any(
                (t.starts_on, t.ends_on) == (tally.starts_on, tally.ends_on)
                and t.count == tally.count
                for t in same
            ):
                preview.skipped.append((number, _("already recorded")))
            elif same:
                preview.add_problems(
                    [
                        Problem(
                            number,
                            self.header("starts_on"),
                            _shown(tally.starts_on),
                            _(
                                "Overlaps a recorded tally of the same unit and resource "
                                "(%(span)s: %(n)s); the same publications would be counted twice."
                            )
                            % {"span": same[0].span_label, "n": same[0].count},
                        )
                    ],
                    values,
                )
            else:
                tally.pending_resources = resources
                preview.new.append(tally)
        return preview

    def _row(self, number: int, values: dict[str, Any]):
        problems: list[Problem] = []
        parsed: dict[str, Any] = {}

        def cell(key: str, parse) -> None:
            try:
                parsed[key] = parse(values.get(key))
            except CellError as error:
                problems.append(
                    Problem(number, self.header(key), _shown(values.get(key)), str(error))
                )

        cell("starts_on", parse_date)
        cell("ends_on", parse_date)
        cell(
            "unit",
            lambda v: self._find(self.units, v, _("No such unit among those you may log for.")),
        )
        cell("platform", lambda v: self._find(self.platforms, v, _("No such platform.")))
        cell("resources", self._resources)
        cell("count", self._count)
        for key in PARTS:
            cell(key, parse_count)
        cell("source", lambda v: parse_text(v, required=False, max_length=500))
        if problems:
            return None, [], problems
        resources = parsed.pop("resources")
        tally = Tally(created_by=self.user, **parsed)
        try:
            tally.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                column = self.header(field if field in {c.key for c in COLUMNS} else "count")
                problems += [Problem(number, column, "", message) for message in messages]
        if tally.ends_on and tally.ends_on > self.today:
            problems.append(
                Problem(
                    number,
                    self.header("ends_on"),
                    _shown(tally.ends_on),
                    _("The period has not ended yet; enter its count when it has."),
                )
            )
        wrong = [r for r in resources if r.platform_id != tally.platform_id]
        if wrong:
            problems.append(
                Problem(
                    number,
                    self.header("resources"),
                    wrong[0].name,
                    _("%(names)s is not on %(platform)s.")
                    % {"names": wrong[0].name, "platform": tally.platform.label},
                )
            )
        late = [
            r
            for r in resources
            if r.opened_on and tally.starts_on and tally.starts_on < r.opened_on
        ]
        if late:
            problems.append(
                Problem(
                    number,
                    self.header("starts_on"),
                    _shown(tally.starts_on),
                    _("%(name)s opened on %(date)s; the period cannot start before it.")
                    % {"name": late[0].name, "date": late[0].opened_on.strftime("%d.%m.%Y")},
                )
            )
        if not problems and period_is_locked(
            region_id=tally.unit.region_id, year=tally.starts_on.year
        ):
            problems.append(
                Problem(
                    number,
                    self.header("starts_on"),
                    _shown(tally.starts_on),
                    _(
                        "The year %(year)s is locked: its report was issued. Regional "
                        "staff can unlock it."
                    )
                    % {"year": tally.starts_on.year},
                )
            )
        if problems:
            return None, [], problems
        tally.fill_derived_fields()
        return tally, resources, []

    @staticmethod
    def _find(lookup: dict, value: Any, missing: str):
        name = parse_text(value, required=True, max_length=2048)
        found = lookup.get(search_key(name))
        if found is None:
            raise CellError(missing)
        return found

    def _resources(self, value: Any) -> list[Resource]:
        text = parse_text(value, required=False, max_length=5000)
        names = [part.strip() for part in text.split(SEPARATOR) if part.strip()]
        return [
            self._find(
                self.resources,
                name,
                _("No such resource among those you may log for: %(name)s.") % {"name": name[:100]},
            )
            for name in names
        ]

    @staticmethod
    def _count(value: Any) -> int:
        count = parse_count(value)
        if count is None:
            raise CellError(_("This cell must be filled in."))
        return count

    def write(self, preview: Preview, batch: ImportBatch) -> None:
        with transaction.atomic():
            for tally in preview.new:
                tally.import_batch = batch
                tally._history_user = self.user
                tally.save()
                tally.resources.set(tally.pending_resources)


def _lookup(queryset, fields: tuple[str, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in queryset:
        for field in fields:
            value = getattr(item, field, "")
            if value:
                found.setdefault(search_key(value), item)
    return found


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)[:200]


def tally_export_columns():
    """The export's columns: the import's, so an exported list can be edited and imported."""
    values = {
        "starts_on": lambda t: t.starts_on,
        "ends_on": lambda t: t.ends_on,
        "unit": lambda t: t.unit.name,
        "platform": lambda t: t.platform.label,
        "resources": lambda t: f"{SEPARATOR} ".join(r.name for r in t.resources.all()),
        "count": lambda t: t.count,
        **{key: (lambda k: lambda t: getattr(t, k))(key) for key in PARTS},
        "source": lambda t: t.source,
    }
    return tuple((column.headers[0], values[column.key]) for column in COLUMNS)
