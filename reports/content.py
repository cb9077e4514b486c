"""The Анықтама as data: its sections in the source document's order, each with text generated
from the figures (in Kazakh or Russian), its tables and its chart; then the findings. The HTML
page, the PDF, the Word file and the Excel tables are all drawn from this one structure, and
an issued report keeps it as it was (it is plain JSON)."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils import translation

from branches.text import format_number, format_percent
from monitoring import charts
from monitoring.selectors import Figures, YearTable
from publications.models import span_part
from reports.grammar import (
    inline_label as _inline,
)
from reports.grammar import (
    join,
    ru_case,
)
from reports.messages import say
from reports.rules import findings, rules_for

KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")

SECTIONS = [
    "organization", "staff", "reviews", "website", "social", "branch_pages", "materials",
    "content", "media", "subscriptions", "findings",
]  # fmt: skip


def _n(value) -> str:
    return format_number(value)


def _date(day) -> str:
    return day.strftime("%d.%m.%Y") if day else "–"


def _capital(text: str) -> str:
    """The first letter capitalised, the rest as it is (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def _suffix(n: int) -> str:
    """The Kazakh possessive ending after a number: 69-ының, 3-інің, 40-ының."""
    if n and n % 1000 == 0:
        return "ының"  # мыңының
    last = n % 10 if n % 10 else (n % 100 // 10 * 10 if n % 100 else 100)
    back = {
        0: "ының",
        1: "інің",
        2: "сінің",
        3: "інің",
        4: "інің",
        5: "інің",
        6: "сының",
        7: "сінің",
        8: "інің",
        9: "ының",
        10: "ының",
        20: "сының",
        30: "ының",
        40: "ының",
        50: "інің",
        60: "ының",
        70: "інің",
        80: "інің",
        90: "ының",
        100: "інің",
    }
    return back[last]


def _common(spans: list) -> tuple | None:
    """The span several figures cover, if they all cover the same one."""
    distinct = set(spans)
    return distinct.pop() if len(distinct) == 1 else None


def _n1(value) -> str:
    """A figure with one decimal, without «,0»: 1, 1,4."""
    text = format_number(value, 1)
    return text[:-2] if text.endswith(",0") else text


class Writer:
    """Writes one report in one language from the figures."""

    def __init__(self, figures: Figures, language: str) -> None:
        self.f = figures
        self.kk = language == "kk"
        self.language = language
        self.period = figures.period
        self.rules = rules_for(region=figures.unit)

    def title_of(self, kk: str, ru: str = "") -> str:
        """A quoted title: in Russian its Russian title, else the Kazakh one marked as such."""
        if self.kk:
            return f"«{kk}»"
        return f"«{ru}»" if ru else self.say("title-in-kazakh", title=kk)

    def say(self, message_id: str, **args) -> str:
        """A sentence from the Fluent files (`reports/messages/`)."""
        return say(self.language, message_id, **args)

    def materials_count(self, n: int) -> str:
        """«25 материал», «25 материалов»."""
        return self.say("materials-count", number=_n(n), count=n)

    # Period words

    def year_label(self, year: int, covers: tuple | None = None) -> str:
        """«2023 жылы»; a figure that covers only part of its year says which part («2024
        жылдың бірінші жартысында»); the period's own partial year says its as-of date."""
        part = span_part(*covers) if covers else None
        if covers and part != "year":
            whole_period = year == self.period.year and covers == (self.period.start,
                                                                   self.period.end)  # fmt: skip
            if not whole_period:
                return self.span_words(year, part, covers)
        if year == self.period.year and self.period.is_partial:
            day = self.period.end.strftime("%d.%m.%Y")
            return self.say("period-year-partial", year=str(year), day=day)
        return self.say("period-year", year=str(year))

    def span_words(self, year: int, part: str | None, covers: tuple) -> str:
        if part in ("h1", "h2"):
            return self.say("period-half", year=str(year), half=int(part[1]))
        if part and part[0] == "q":
            return self.say("period-quarter", year=str(year), quarter=part[1])
        first, last = covers
        return self.say("period-span", year=str(year), span=f"{first:%d.%m}–{last:%d.%m.%Y}")

    @property
    def period_label(self) -> str:
        if self.period.is_partial:
            day = self.period.end.strftime("%d.%m.%Y")
            return self.say("period-label-partial", year=str(self.period.year), day=day)
        return self.say("period-label", year=str(self.period.year))

    def compare(self, row) -> str:
        """How the period compares with the same span a year before, worded by its sign; nothing
        where the two spans are not known at the same grain."""
        if not row.comparable:
            return ""
        current, previous = row.current, row.previous
        args = {"previous": _n(previous), "previous_count": previous}
        if current == previous:
            return self.say("compare-same", **args)
        return self.say("compare-differs", **args, more="more" if current > previous else "less")

    def series(self, row, years: list[int]) -> str:
        """«2021 жылы – 20, 2022 жылы – 36, …» over the years with data, each labelled by the
        span its figure covers (years without any left out)."""
        parts = [f"{self.year_label(year, row.covers.get(year))} – {_n(row.by_year[year])}"
                 for year in years if row.by_year.get(year)]  # fmt: skip
        return ", ".join(parts)

    def growth(self, row, years: list[int]) -> str:
        """«едәуір өсті» when the last whole year's count grew past the staff's threshold since
        the first whole year; quotes both figures."""
        partial = self.period.is_partial
        whole = [y for y in years if row.by_year.get(y)
                 and not (y == self.period.year and partial)
                 and (y not in row.covers or span_part(*row.covers[y]) == "year")]  # fmt: skip
        if len(whole) < 2:
            return ""
        first, last = whole[0], whole[-1]
        a, b = row.by_year[first], row.by_year[last]
        if not a or 100 * (b - a) / a < float(self.rules.growth_share_min):
            return ""
        return self.say("growth", first=str(first), last=str(last), a=_n(a), b=_n(b))

    def year_table(self, table: YearTable, first: str, *, label=lambda key: key.label) -> dict:
        partial = self.period.is_partial
        headers = [first, *[f"{y}{'*' if y == self.period.year and partial else ''}"
                            for y in table.years]]  # fmt: skip
        rows = [[label(row.key), *[_n(row.by_year[y]) if y in row.by_year else "–"
                                   for y in table.years]]
                for row in table.rows]  # fmt: skip
        total = table.total
        footer = [self.say("table-total"), *[_n(total.by_year.get(y, 0)) for y in table.years]]
        result = {"headers": headers, "rows": rows, "footer": footer}
        if partial and self.period.year in table.years:
            day = self.period.end.strftime("%d.%m.%Y")
            result["note"] = self.say("table-note-partial", year=str(self.period.year), day=day)
        else:
            result["note"] = self.say("table-note")
        return result

    def organization(self) -> dict:
        o = self.f.organization
        unit = self.f.unit
        intro = (unit.report_introduction if self.kk else unit.report_introduction_ru).strip()
        counts = {"primaries": _n(o.primaries), "primaries_count": o.primaries,
                  "branches": _n(o.branches), "branches_count": o.branches}  # fmt: skip
        dated = ""
        if o.members is None:
            text = self.say("org-without-members", **counts)
        else:
            text = self.say("org-with-members", **counts, members=_n(o.members),
                            members_count=o.members)  # fmt: skip
            dated = self.say("org-members-later" if o.members_later else "org-members-dated",
                             day=_date(o.members_on))  # fmt: skip
        if o.served_directly:
            text += " " + self.say("org-served-directly", served=_n(o.served_directly),
                                   served_count=o.served_directly)  # fmt: skip
        if dated:
            text += " " + dated
        if intro:
            text = f"{intro}\n\n{text}"
        table = {
            "headers": [self.say("org-indicator"), self.say("org-count")],
            "rows": [
                [self.say("org-primaries"), _n(o.primaries)],
                [self.say("org-members"), _n(o.members) if o.members is not None else "–"],
                [self.say("org-branches"), _n(o.branches)],
            ],
            # The members' date is said in the text above; the note explains a «–» only.
            "note": "" if dated else self.say("org-note"),
        }  # fmt: skip
        return self.section("organization", self.say("org-title"), text, [table])

    def staff(self) -> dict:
        unit = self.f.unit
        officer_kk = unit.information_officer.strip()
        officer_ru = unit.information_officer_ru.strip()
        if self.kk and officer_kk:
            text = self.say("staff-officer", officer=_inline(officer_kk))
        elif not self.kk and officer_ru:
            text = self.say("staff-officer", officer=officer_ru[:1].lower() + officer_ru[1:])
        elif officer_kk:
            text = self.say("staff-officer-in-kazakh", officer=officer_kk)
        else:
            text = self.say("staff-officer-none")
        text += " " + self.say(
            "staff-press-secretary" if unit.has_press_secretary else "staff-no-press-secretary"
        )
        return self.section("staff", self.say("staff-title"), text)

    def reviews(self) -> dict:
        sentences = []
        rows = []
        for index, review in enumerate(sorted(self.f.reviews, key=lambda r: r.year)):
            question = self.title_of(review.question, review.question_ru)
            sentences.append(self.say("review-first" if index == 0 else "review-again",
                                      year=str(review.year), question=question))  # fmt: skip
            decisions = (review.decisions if self.kk else review.decisions_ru).strip()
            assessment = (review.assessment if self.kk else review.assessment_ru).strip()
            if decisions:
                sentences.append(_capital(decisions))
            if assessment:
                opening = self.say("review-however") + " "
                if not assessment.lower().startswith(opening.lower().strip(" ,")):
                    assessment = opening + assessment[:1].lower() + assessment[1:]
                sentences.append(assessment)
            for task in review.tasks.all():
                state = task.get_state_display()
                due = task.due_on.strftime("%d.%m.%Y") if task.due_on else "–"
                overdue = " " + self.say("review-overdue") if task.is_overdue else ""
                description = task.description if self.kk else self.title_of(task.description)
                rows.append([str(review.year), description, due, f"{state}{overdue}"])
        if not self.f.reviews:
            sentences.append(self.say("reviews-none"))
        tables = []
        if rows:
            with translation.override(self.language):
                tables.append({
                    "headers": [self.say("reviews-year"), self.say("reviews-task"),
                                self.say("reviews-due"), self.say("reviews-state")],
                    "rows": rows,
                    "note": self.say("reviews-note"),
                })  # fmt: skip
        return self.section("reviews", self.say("reviews-title"), " ".join(sentences), tables)

    def website(self) -> dict:
        table = self.f.by_platform
        sites = [row for row in table.rows if row.key.kind == "website"]
        if not sites or not any(row.by_year for row in sites):
            return self.section("website", self.say("website-title"), self.say("website-none"))
        row = sites[0]
        years = [y for y in table.years if y >= min(row.by_year)]
        first = next(y for y in years if row.by_year.get(y))
        series = self.series(row, years)
        counted = self.materials_count(row.by_year[first])
        text = self.say("website-series", series=series,
                        series_counted=series.replace(f"– {_n(row.by_year[first])}",
                                                      f"– {counted}", 1))  # fmt: skip
        for extra in (self.growth(row, years), self.compare(row)):
            if extra:
                text += " " + extra
        data = YearTable(years=years, rows=sites, period=self.period)
        return self.section(
            "website", self.say("website-title"), text,
            [self.year_table(data, self.say("website-site"))],
            chart=charts.chart_year_table(data, title=self.say("website-title"),
                                          label=lambda key: key.label),
        )  # fmt: skip

    def social(self) -> dict:
        sentences = []
        own = self.f.unit_pages
        if not own:
            sentences.append(self.say("social-no-pages"))
        for page in own:
            resource = page.resource
            page_args = {"platform": resource.platform.label,
                         "address": f": {resource.url}" if resource.url else ""}  # fmt: skip
            if resource.opened_on:
                sentences.append(self.say("social-page-since", **page_args,
                                          year=str(resource.opened_on.year),
                                          month=resource.opened_on.month))  # fmt: skip
            else:
                sentences.append(self.say("social-page", **page_args))
            sentences.append(self.followers_sentence(page))
        platforms = {page.resource.platform_id for page in own}
        others = [p for p in self.rules.default_platforms if p.pk not in platforms]
        if len(platforms) == 1 and others:
            only = own[0].resource.platform.label
            sentences.append(self.say("social-only-one", platform=only))
        table = self.f.by_author_on_own_pages
        for year in table.years:
            total = sum(row.by_year.get(year, 0) for row in table.rows)
            if not total:
                continue
            parts = [f"{_inline(row.key.label)} – {_n(row.by_year[year])}" for row in table.rows
                     if row.by_year.get(year)]  # fmt: skip
            covers = _common([row.covers.get(year) for row in table.rows if row.by_year.get(year)])
            when = self.year_label(year, covers)
            sentences.append(self.say("social-authors", when=_capital(when), total=_n(total),
                                      total_count=total, parts="; ".join(parts)))  # fmt: skip
        tables = []
        members = self.f.organization.members_in_period
        if own:
            tables.append({
                "headers": [self.say("social-page-column"), self.say("social-opened"),
                            self.say("social-followers"), self.say("social-followers-on"),
                            self.say("social-per-hundred")],
                "rows": [[p.resource.platform.label,
                          _date(p.resource.opened_on),
                          _n(p.followers) if p.followers is not None else "–",
                          _date(p.followers_on) if p.followers is not None else "–",
                          format_number(100 * p.followers / members
                                        if members and p.followers_in_period else None, 1)]
                         for p in own],
                "note": self.say("social-note"),
            })  # fmt: skip
        if table.rows:
            tables.append(self.year_table(table, self.say("social-author")))
        chart = None
        if table.rows:
            chart = charts.chart_year_table(
                table, title=self.say("social-chart"),
                label=lambda key: key.label,
            )  # fmt: skip
        return self.section("social", self.say("social-title"), " ".join(sentences), tables,
                            chart=chart)  # fmt: skip

    def followers_sentence(self, page) -> str:
        """The page's followers with their date, judged against the staff's threshold per 100
        members («бар-жоғы»), quoting the figure."""
        if page.followers is None:
            return self.say("followers-unknown")
        args = {"day": page.followers_on.strftime("%d.%m.%Y"), "followers": _n(page.followers),
                "followers_count": page.followers}  # fmt: skip
        if page.later:
            return self.say("followers-later", **args)
        members = self.f.organization.members_in_period
        if not members:
            return self.say("followers-plain", **args)
        per_hundred = 100 * page.followers / members
        args.update(figure=_n1(round(per_hundred, 1)), each_count=round(per_hundred, 1))
        if per_hundred < float(self.rules.followers_per_hundred_min):
            return self.say("followers-low", **args, platform=page.resource.platform.label,
                            members=_n(members), members_count=members,
                            share=format_percent(per_hundred),
                            minimum=_n1(self.rules.followers_per_hundred_min))  # fmt: skip
        return self.say("followers-enough", **args)

    def branch_pages(self) -> dict:
        rows = self.f.branches
        having = [row for row in rows if row.pages]

        def name(branch) -> str:
            return branch.name if self.kk else ru_case(branch.name_ru or branch.name, "genitive")

        listed = [f"{name(row.branch)} ({', '.join(p.platform.label for p in row.pages)})"
                  for row in having]  # fmt: skip
        total = {"total": _n(len(rows)), "total_count": len(rows)}
        if not having:
            text = self.say("branch-pages-none", **total)
        else:
            text = self.say("branch-pages-some", **total, having=_n(len(having)),
                            list=join(listed, language=self.language))  # fmt: skip
        table = {
            "headers": [self.say("branch-pages-branch"), self.say("branch-pages-pages"),
                        self.say("branch-pages-link")],
            "rows": [[row.branch.name if self.kk else (row.branch.name_ru or row.branch.name),
                      ", ".join(p.platform.label for p in row.pages) or "–",
                      " ".join(p.url for p in row.pages) or "–"] for row in rows],
            "note": self.say("branch-pages-note"),
        }  # fmt: skip
        return self.section("branch_pages", self.say("branch-pages-title"), text, [table])

    def materials(self) -> dict:
        items = self.f.materials
        first, last = self.period.year - 2, self.period.year
        titles = ", ".join(self.title_of(m.title, m.title_ru) for m in items)
        years = {"first": str(first), "last": str(last)}
        if items:
            text = (
                self.say("materials-lead")
                + " "
                + self.say(
                    "materials-some",
                    **years,
                    number=_n(len(items)),
                    count=len(items),
                    titles=titles,
                )
            )
        else:
            text = self.say("materials-lead") + " " + self.say("materials-none", **years)
        table = {"headers": [self.say("materials-year"), self.say("materials-name")],
                 "rows": [[str(m.year), m.title if self.kk else (m.title_ru or self.title_of(
                     m.title))] for m in items]}  # fmt: skip
        return self.section("materials", self.say("materials-title"), text,
                            [table] if items else [])  # fmt: skip

    def content(self) -> dict:
        c = self.f.content
        with translation.override(self.language):
            shares = [(str(label), n, share) for _code, label, n, share in c.topic_shares()]
        if not c.total:
            return self.section("content", self.say("content-title"),
                                self.say("content-none", period=self.period_label))  # fmt: skip
        sentences = [self.say("content-total", period=self.period_label, total=_n(c.total),
                              total_count=c.total)]  # fmt: skip
        known = [(label, n) for label, n, _share in shares if n]
        if c.topic_known:
            mix = ", ".join(f"{label} – {format_percent(share)}"
                            for label, n, share in shares if n)  # fmt: skip
            sentences.append(self.say("content-topics", mix=mix))
        if c.legal_known:
            few = c.legal_share is not None and Decimal(str(c.legal_share)) < (
                self.rules.legal_share_min
            )
            sentences.append(self.say(
                "content-legal", few="yes" if few else "no", legal=_n(c.legal),
                of="all" if c.legal_known == c.total else "known",
                share=format_percent(c.legal_share), known=_n(c.legal_known),
            ))  # fmt: skip
        notable = getattr(self.f, "notable", [])  # figures cached before the field: none
        if notable:
            named = ", ".join(
                f"{self.publication_title(p)} ({p.published_on:%d.%m.%Y})" for p in notable
            )
            sentences.append(self.say("content-notable", named=named))
        if c.topic_unknown:
            sentences.append(self.say(
                "content-topic-unknown", total=_n(c.total), unknown=_n(c.topic_unknown),
                suffix=_suffix(c.topic_unknown), shares="some" if c.topic_known else "none",
            ))  # fmt: skip
        sentences.append(self.part_sentence("reposts", c.reposts, c.repost_known,
                                            c.repost_share, c.total))  # fmt: skip
        sentences.append(self.part_sentence("kazakh", c.kazakh, c.language_known,
                                            c.kazakh_share, c.total))  # fmt: skip
        if c.with_engagement:
            e = c.engagement
            sentences.append(self.say(
                "content-engagement", items=_n(c.with_engagement), views=_n(e["views"]),
                reactions=_n(e["reactions"]), comments=_n(e["comments"]), shares=_n(e["shares"]),
                # the counts themselves, for the nouns' plural forms
                items_count=c.with_engagement, views_count=e["views"] or 0,
                reactions_count=e["reactions"] or 0, comments_count=e["comments"] or 0,
                shares_count=e["shares"] or 0,
            ))  # fmt: skip
        else:
            sentences.append(self.say("content-engagement-none"))
        tables, chart = [], None
        if known:
            unknown_row = [[self.say("content-unknown-row"), _n(c.topic_unknown),
                            "–"]] if c.topic_unknown else []  # fmt: skip
            with translation.override(self.language):
                rows = [(str(label), n, share) for _code, label, n, share in c.topic_rows()]
            tables.append({
                "headers": [self.say("content-topic"), self.say("content-count"),
                            self.say("content-share")],
                "rows": [[_capital(label), _n(n), format_percent(share)]
                         for label, n, share in rows] + unknown_row,
            })  # fmt: skip
        if c.topic_known:
            with translation.override(self.language):
                chart = charts.chart_topics(c, title=self.say("content-chart"))
        return self.section("content", self.say("content-title"), " ".join(sentences), tables,
                            chart=chart)  # fmt: skip

    def publication_title(self, publication) -> str:
        """A publication's title in quotes; in Russian, a title in Kazakh is marked as such."""
        if self.kk or publication.language == "ru":
            return f"«{publication.title}»"
        return self.title_of(publication.title)

    def russian_or_quoted(self, text: str) -> str:
        """Staff's words as they wrote them; in Russian, words written in Kazakh are quoted and
        marked."""
        if self.kk or not KAZAKH_ONLY.search(text):
            return text
        return self.title_of(text)

    def part_sentence(self, part: str, figure, known, share, total) -> str:
        """«Репост – 3 (2,9 %; 102 материалдың 69-ының дерегі жоқ)», or that it is unknown;
        `part` is «reposts» or «kazakh»."""
        if not known:
            return self.say("content-part-none", part=part)
        unknown = total - known
        args = {"part": part, "figure": _n(figure), "share": format_percent(share)}
        if unknown:
            return self.say("content-part-partly", **args, total=_n(total), unknown=_n(unknown),
                            suffix=_suffix(unknown))  # fmt: skip
        return self.say("content-part", **args)

    def media(self) -> dict:
        press, broadcasts = self.f.press, self.f.broadcasts
        sentences = []
        totals = {}
        for year in press.years:
            total = sum(row.by_year.get(year, 0) for row in press.rows)
            if not total:
                continue
            totals[year] = total
            parts = [f"«{row.key.label}» – {_n(row.by_year[year])}" for row in press.rows
                     if row.by_year.get(year)]  # fmt: skip
            covers = _common([row.covers.get(year) for row in press.rows if row.by_year.get(year)])
            sentences.append(self.say("media-year", when=self.year_label(year, covers),
                                      number=_n(total), count=total,
                                      outlets=", ".join(parts)))  # fmt: skip
        if sentences:
            whole = {y: n for y, n in totals.items()
                     if not (y == self.period.year and self.period.is_partial)}  # fmt: skip
            few = bool(whole) and max(whole.values()) < self.rules.press_per_year_min
            text = self.say("media-few" if few else "media-some", years="; ".join(sentences))
            if few:
                minimum = self.rules.press_per_year_min
                text += " " + self.say("media-below-minimum", minimum=_n(minimum),
                                       minimum_count=minimum)  # fmt: skip
        else:
            text = self.say("media-none")
        for year in broadcasts.years:
            total = sum(row.by_year.get(year, 0) for row in broadcasts.rows)
            if total:
                outlets = ", ".join(
                    f"{row.key.label} – {_n(row.by_year[year])}"
                    for row in broadcasts.rows
                    if row.by_year.get(year)
                )
                text += " " + self.say("media-on-air-year", when=_capital(self.year_label(year)),
                                       total=_n(total), total_count=total,
                                       outlets=outlets)  # fmt: skip
        for item in getattr(self.f, "on_air", []):
            outlet = item.resource.label
            text += " " + self.say(
                "media-on-air", day=f"{item.published_on:%d.%m.%Y}", outlet=outlet,
                participants=self.russian_or_quoted(item.participants),
            )  # fmt: skip
        tables = []
        if press.rows:
            tables.append(self.year_table(press, self.say("media-newspaper"),
                                          label=lambda key: f"«{key.label}»"))  # fmt: skip
        if broadcasts.rows:
            tables.append(self.year_table(broadcasts, self.say("media-channel")))
        return self.section("media", self.say("media-title"), text, tables)

    def subscriptions(self) -> dict:
        subs = self.f.subscriptions
        by_outlet: dict[str, list] = {}
        for sub in subs:
            by_outlet.setdefault(sub.outlet.name, []).append(sub)
        sentences = []
        for outlet, rows in by_outlet.items():
            years = sorted({row.year for row in rows})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            copies = [row for row in rows if row.copies is not None]
            if copies:
                last = copies[-1]
                sentences.append(self.say("subscription-copies", outlet=outlet, span=span,
                                          year=str(last.year), copies=_n(last.copies)))  # fmt: skip
            else:
                sentences.append(self.say("subscription", outlet=outlet, span=span))
        if not subs:
            sentences.append(self.say("subscriptions-none"))
        if self.f.app_users is None:
            sentences.append(self.say("app-users-unknown"))
        else:
            share = format_percent(100 * self.f.app_users / self.f.organization.members
                                   if self.f.organization.members else None)  # fmt: skip
            sentences.append(self.say("app-users", users=_n(self.f.app_users), share=share,
                                      count=self.f.app_users))  # fmt: skip
        return self.section("subscriptions", self.say("subscriptions-title"), " ".join(sentences))

    def findings(self) -> dict:
        found = findings(figures=self.f, rules=rules_for(region=self.f.unit),
                         language=self.language)  # fmt: skip
        intro = self.say("findings-intro")
        unit = self.f.unit
        closing = (unit.report_closing if self.kk else unit.report_closing_ru).strip()
        text = f"{closing}\n\n{intro}" if closing else intro
        section = self.section("findings", self.say("findings-title"), text)
        section["items"] = [{"rule": item.rule, "text": item.text} for item in found]
        return section

    def section(self, key, title, text, tables=None, chart=None) -> dict:
        return {"key": key, "title": title, "text": text, "generated": text,
                "tables": tables or [], "chart": chart, "items": []}  # fmt: skip

    def nothing_recorded(self) -> dict:
        text = self.say("nothing-recorded", period=self.period_label)
        return self.section("organization", self.say("nothing-title"), text)

    def report(self, kind: str = "own") -> dict:
        with translation.override(self.language):
            if self.f.is_empty:
                sections = [self.nothing_recorded()]
            else:
                sections = [getattr(self, key)() for key in SECTIONS]
        unit = self.f.unit
        return {
            "language": self.language,
            "region": unit.name if self.kk else (unit.name_ru or unit.name),
            "region_slug": unit.slug,
            "year": self.period.year,
            "as_of": self.period.end.isoformat() if self.period.is_partial else None,
            "title": self.title(),
            "period": self.period_label,
            "sections": sections,
            # An assessment is the central press service's: the region's chairman signs only
            # the region's own report.
            "chairman": unit.chairman if kind == "own" else "",
            "kind": kind,
            "central": self.central_press(),
            **({"signature_body": self.central_press()} if kind != "own" else {}),
        }

    def title(self) -> str:
        """The report's title: the region's name inside the sentence where its grammar is known
        («…ұйымы», a Russian name), else quoted."""
        unit = self.f.unit
        if self.kk and unit.name.endswith("ұйымы"):
            return self.say("report-title", form="own", name=unit.name)
        if not self.kk and unit.name_ru:
            return self.say("report-title", form="own",
                            name=ru_case(unit.name_ru, "prepositional"))  # fmt: skip
        return self.say("report-title", form="quoted", name=unit.name)

    def central_press(self) -> str:
        """«Кәсіподақтың Орталық Комитеті аппаратының баспасөз қызметі»: who signs an
        assessment of a region."""
        central = self.f.unit.parent
        while central is not None and central.parent_id:
            central = central.parent
        if central is None:
            return self.say("central-press-unknown")
        if self.kk:
            return self.say("central-press", name=central.name)
        name = ru_case(central.name_ru, "genitive") if central.name_ru else central.name
        return self.say("central-press", name=name)


def report_build(*, figures: Figures, language: str, kind: str = "own") -> dict:
    """The whole report, as JSON-ready data, in Kazakh («kk») or Russian («ru»). `kind` says
    who signs it: «own», the region's chairman; «assessment», the central press service."""
    return Writer(figures, "ru" if language == "ru" else "kk").report(kind)


def report_apply_edits(report: dict, *, texts: dict, commentary: str) -> dict:
    """Staff's edits replace the generated text of their sections."""
    for section in report["sections"]:
        edited = texts.get(section["key"])
        if edited is not None and edited.strip():
            section["text"] = edited
            section["edited"] = edited.strip() != section["generated"].strip()
    report["commentary"] = commentary
    return report
