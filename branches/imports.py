"""The list of primary organizations in Excel, with member counts. Its template is the region's
current list (codes included), so staff replace the placeholders by overwriting their rows;
rows without a code add organizations."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from branches.models import ImportBatch, MemberCount, OrgUnit
from branches.records.imports import (
    CellError,
    Importer,
    Preview,
    Problem,
    parse_choice,
    parse_count,
    parse_date,
    parse_text,
)
from branches.records.reader import Column, Sheet
from branches.selectors import unit_changeable_list, user_assignment
from branches.services import member_count_set
from branches.text import search_key

COLUMNS = [
    Column(
        "code",
        ("Код", "Код организации", "Code"),
        required=False,
        label=pgettext_lazy("import column", "Code"),
    ),
    Column("name", ("Атауы", "Название", "Name"), label=pgettext_lazy("import column", "Name")),
    Column(
        "branch",
        ("Филиал", "Branch"),
        required=False,
        label=pgettext_lazy("import column", "Branch"),
    ),
    Column(
        "members",
        ("Мүшелер саны", "Численность членов", "Число членов", "Members"),
        label=pgettext_lazy("import column", "Members"),
    ),
    Column(
        "counted_on",
        ("Есептелген күні", "Есеп күні", "Дата подсчёта", "Дата учёта", "Counted on"),
        required=False,
        label=pgettext_lazy("import column", "Counted on"),
    ),
]


class PrimaryOrganizationImporter(Importer):
    kind = ImportBatch.Kind.PRIMARY_ORGANIZATIONS
    columns = COLUMNS

    def __init__(self, *, user) -> None:
        super().__init__(user=user)
        units = unit_changeable_list(user=user)
        assignment = user_assignment(user=user)
        self.region = (
            assignment.unit
            if assignment and assignment.unit_id and assignment.unit.kind == OrgUnit.Kind.REGION
            else None
        )
        primaries = units.filter(kind=OrgUnit.Kind.PRIMARY).select_related("parent")
        self.primaries = {u.slug: u for u in primaries}
        self.primaries_by_name = {search_key(u.name): u for u in self.primaries.values()}
        self.branches: dict[str, list[OrgUnit]] = {}
        for branch in units.filter(kind=OrgUnit.Kind.BRANCH):
            for name in {branch.slug, branch.name, branch.name_ru, branch.short_name} - {""}:
                self.branches.setdefault(search_key(name), []).append(branch)

    def check(self, sheet: Sheet) -> Preview:
        preview = Preview()
        seen: dict[str, int] = {}
        today = timezone.localdate()
        for number, values in sheet.rows:
            problems: list[Problem] = []
            parsed: dict[str, Any] = {}

            def cell(key, parse, values=values, parsed=parsed, problems=problems, number=number):
                try:
                    parsed[key] = parse(values.get(key))
                except CellError as error:
                    shown = "" if values.get(key) is None else str(values.get(key))[:200]
                    problems.append(Problem(number, self.header(key), shown, str(error)))

            cell("code", self._existing)
            cell("name", lambda v: parse_text(v, required=True, max_length=255))
            cell("branch", self._parent)
            cell("members", self._members)
            cell("counted_on", lambda v: parse_date(v) if v not in (None, "") else today)
            name = parsed.get("name")
            identity = parsed["code"].slug if parsed.get("code") else search_key(name or "")
            if identity and identity in seen:
                problems.append(
                    Problem(
                        number,
                        self.header("name"),
                        name or "",
                        _("Repeats row %(row)s.") % {"row": seen[identity]},
                    )
                )
            seen.setdefault(identity, number)
            if not problems and parsed["counted_on"] > today:
                problems.append(
                    Problem(
                        number,
                        self.header("counted_on"),
                        str(parsed["counted_on"]),
                        _("The date is in the future."),
                    )
                )
            if problems:
                preview.add_problems(problems, values)
                continue
            unit = parsed["code"] or self.primaries_by_name.get(search_key(name))
            preview.new.append((unit, parsed))
        return preview

    def _existing(self, value: Any) -> OrgUnit | None:
        code = parse_text(value, required=False, max_length=100)
        if not code:
            return None
        if code not in self.primaries:
            raise CellError(_("No primary organization of yours has this code."))
        return self.primaries[code]

    def _parent(self, value: Any) -> OrgUnit:
        name = parse_text(value, required=False, max_length=255)
        if not name:
            if self.region is None:
                raise CellError(_("Say which branch the organization belongs to."))
            return self.region
        matches = self.branches.get(search_key(name), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(_("Several branches go by this name; write the branch's code."))
        raise CellError(_("No such branch among yours."))

    @staticmethod
    def _members(value: Any) -> int:
        members = parse_count(value)
        if members is None:
            raise CellError(_("This cell must be filled in."))
        return members

    def write(self, preview: Preview, batch: ImportBatch) -> None:
        for unit, parsed in preview.new:
            parent = parsed["branch"]
            if unit is None:
                unit = OrgUnit(kind=OrgUnit.Kind.PRIMARY, slug=f"bku-{uuid.uuid4().hex[:12]}")
            unit.name = parsed["name"]
            unit.parent = parent
            unit.is_placeholder = False
            unit._history_user = self.user
            unit.save()
            member_count_set(unit=unit, counted_on=parsed["counted_on"], members=parsed["members"])

    def sample(self, record) -> dict[str, str]:
        _unit, parsed = record
        branch = parsed.get("branch")
        return {
            str(self.header("name")): parsed["name"],
            str(self.header("branch")): branch.label if branch else "",
            str(self.header("members")): str(parsed["members"]),
            str(self.header("counted_on")): parsed["counted_on"].strftime("%d.%m.%Y"),
        }

    def template_rows(self) -> list[list[Any]]:
        """The current primary organizations, to be overwritten with the real list."""
        latest: dict[int, MemberCount] = {}
        counts = MemberCount.objects.filter(unit__in=list(self.primaries.values()))
        for count in counts.order_by("counted_on"):
            latest[count.unit_id] = count
        rows = []
        for unit in sorted(self.primaries.values(), key=lambda u: u.path):
            count, parent = latest.get(unit.pk), unit.parent
            branch = "" if parent.kind == OrgUnit.Kind.REGION else parent.label
            members = count.members if count else None
            rows.append([unit.slug, unit.name, branch, members, count and count.counted_on])
        return rows


BRANCH_COLUMNS = [
    Column("name", ("Атауы", "Название", "Name")),
    Column("name_ru", ("Атауы орысша", "Название на русском", "Name in Russian"), required=False),
    Column("short_name", ("Қысқа атауы", "Краткое название", "Short name")),
    Column(
        "short_name_ru",
        ("Қысқа атауы орысша", "Краткое название на русском", "Short name in Russian"),
        required=False,
    ),
    Column("committee", ("Комитет түрі", "Тип комитета", "Committee type"), required=False),
]


class BranchImporter(Importer):
    """The region's branches (district and city committees), added from a list; a branch whose
    short name the region already has is refused, as it would be two rows by one name."""

    kind = ImportBatch.Kind.BRANCHES
    columns = BRANCH_COLUMNS

    def template_rows(self) -> list[list[Any]]:
        committee = str(OrgUnit.Committee.DISTRICT.label)  # in the user's language
        return [
            [
                "Абай аудандық кәсіподақ комитеті",
                "Абайский районный комитет профсоюза",
                "Абай ауданы",
                "Абайский район",
                committee,
            ]
        ]

    def __init__(self, *, user) -> None:
        super().__init__(user=user)
        assignment = user_assignment(user=user)
        unit = assignment.unit if assignment and assignment.unit_id else None
        self.region = unit if unit is not None and unit.kind == OrgUnit.Kind.REGION else None
        siblings = OrgUnit.objects.filter(parent=self.region) if self.region else []
        self.taken = {search_key(u.short_name) for u in siblings if u.short_name}

    def check(self, sheet: Sheet) -> Preview:
        preview = Preview()
        seen: dict[str, int] = {}
        for number, values in sheet.rows:
            problems: list[Problem] = []
            parsed: dict[str, Any] = {}

            def cell(key, parse, values=values, parsed=parsed, problems=problems, number=number):
                try:
                    parsed[key] = parse(values.get(key))
                except CellError as error:
                    shown = "" if values.get(key) is None else str(values.get(key))[:200]
                    problems.append(Problem(number, self.header(key), shown, str(error)))

            cell("name", lambda v: parse_text(v, required=True, max_length=255))
            cell("name_ru", lambda v: parse_text(v, required=False, max_length=255))
            cell("short_name", lambda v: parse_text(v, required=True, max_length=100))
            cell("short_name_ru", lambda v: parse_text(v, required=False, max_length=100))
            cell(
                "committee",
                lambda v: parse_choice(v, OrgUnit.Committee, default=OrgUnit.Committee.DISTRICT),
            )
            if self.region is None:
                problems.append(
                    Problem(
                        number, self.header("name"), "", _("Only a region's staff add branches.")
                    )
                )
            key = search_key(parsed.get("short_name") or "")
            if key and key in self.taken:
                problems.append(
                    Problem(
                        number,
                        self.header("short_name"),
                        parsed["short_name"],
                        _("The region already has a branch by this short name."),
                    )
                )
            elif key and key in seen:
                problems.append(
                    Problem(
                        number,
                        self.header("short_name"),
                        parsed["short_name"],
                        _("Repeats row %(row)s.") % {"row": seen[key]},
                    )
                )
            seen.setdefault(key, number)
            if problems:
                preview.add_problems(problems)
                continue
            preview.new.append(parsed)
        return preview

    def write(self, preview: Preview, batch: ImportBatch) -> None:
        for parsed in preview.new:
            unit = OrgUnit(
                kind=OrgUnit.Kind.BRANCH,
                parent=self.region,
                slug=f"{self.region.slug}-{uuid.uuid4().hex[:8]}",
                **parsed,
            )
            unit.full_clean()
            unit._history_user = self.user
            unit.save()
