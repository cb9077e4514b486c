"""The Анықтама as data: its sections in the source document's order, each with text generated
from the figures (in Kazakh or Russian), its tables and its chart; then the findings. The HTML
page, the PDF, the Word file and the Excel tables are all drawn from this one structure, and
an issued report keeps it as it was (it is plain JSON)."""

from __future__ import annotations

from django.utils import translation

from branches.text import format_number, format_percent
from monitoring import charts
from monitoring.selectors import Figures, YearTable
from reports.grammar import KK_MONTHS_ABLATIVE, RU_MONTHS_GENITIVE, join, ru_plural
from reports.rules import findings, rules_for

SECTIONS = [
    "organization", "staff", "reviews", "website", "social", "branch_pages", "materials",
    "content", "media", "subscriptions", "findings",
]  # fmt: skip


def _n(value) -> str:
    return format_number(value)


def _date(day) -> str:
    return day.strftime("%d.%m.%Y") if day else "–"


def _materials_ru(n: int) -> str:
    return f"{_n(n)} {ru_plural(n, 'материал', 'материала', 'материалов')}"


class Writer:
    """Writes one report in one language from the figures."""

    def __init__(self, figures: Figures, language: str) -> None:
        self.f = figures
        self.kk = language == "kk"
        self.language = language
        self.period = figures.period

    def t(self, kk: str, ru: str) -> str:
        return kk if self.kk else ru

    # Period words

    def year_label(self, year: int) -> str:
        """«2023 жылы», or for a partial year «2024 жылы (01.09.2024 жағдай бойынша)»."""
        if year == self.period.year and self.period.is_partial:
            day = self.period.end.strftime("%d.%m.%Y")
            return self.t(f"{year} жылы ({day} жағдай бойынша)", f"в {year} году (на {day})")
        return self.t(f"{year} жылы", f"в {year} году")

    @property
    def period_label(self) -> str:
        if self.period.is_partial:
            day = self.period.end.strftime("%d.%m.%Y")
            return self.t(f"{self.period.year} жыл, {day} жағдай бойынша",
                          f"{self.period.year} год, по состоянию на {day}")  # fmt: skip
        return self.t(f"{self.period.year} жыл", f"{self.period.year} год")

    def compare(self, current: int, previous: int) -> str:
        """How the period compares with the same span a year before, worded by its sign."""
        span = self.t("өткен жылдың сол кезеңімен", "с тем же периодом прошлого года")
        diff = current - previous
        if diff == 0:
            return self.t(
                f"Бұл {span} салыстырғанда өзгеріссіз ({_n(previous)}).",
                f"По сравнению {span} без изменений ({_n(previous)}).",
            )
        more = diff > 0
        if self.kk:
            word = "көп" if more else "аз"
            return (
                f"Бұл {span} ({_n(previous)} материал) салыстырғанда {_n(abs(diff))} материалға "
                f"{word}."
            )
        word = "больше" if more else "меньше"
        return (
            f"Это на {_materials_ru(abs(diff))} {word}, чем за тот же период прошлого года "
            f"({_n(previous)})."
        )

    def series(self, row_by_year: dict[int, int], years: list[int]) -> str:
        """«2021 жылы – 20, 2022 жылы – 36, …» over the years with data."""
        parts = [f"{self.year_label(year)} – {_n(row_by_year.get(year, 0))}" for year in years]
        return ", ".join(parts)

    # Tables

    def year_table(self, table: YearTable, first: str, *, label=lambda key: key.label) -> dict:
        partial = self.period.is_partial
        headers = [first, *[f"{y}{'*' if y == self.period.year and partial else ''}"
                            for y in table.years]]  # fmt: skip
        rows = [[label(row.key), *[_n(row.by_year.get(y, 0)) for y in table.years]]
                for row in table.rows]  # fmt: skip
        total = table.total
        footer = [self.t("Барлығы", "Всего"), *[_n(total.by_year.get(y, 0)) for y in table.years]]
        return {"headers": headers, "rows": rows, "footer": footer}

    # Sections

    def organization(self) -> dict:
        o = self.f.organization
        text = self.t(
            f"Облыстық ұйым {_n(o.members)} адамды құрайтын {_n(o.primaries)} бастауыш кәсіподақ "
            f"ұйымын, {_n(o.branches)} филиалды біріктіреді.",
            f"Областная организация объединяет {_n(o.primaries)} "
            + ru_plural(
                o.primaries,
                "первичную профсоюзную организацию",
                "первичные профсоюзные организации",
                "первичных профсоюзных организаций",
            )
            + f" численностью {_n(o.members)} "
            + ru_plural(o.members, "человек", "человека", "человек")
            + f" и {_n(o.branches)} {ru_plural(o.branches, 'филиал', 'филиала', 'филиалов')}.",
        )
        if o.served_directly:
            text += " " + self.t(
                f"Оның ішінде {_n(o.served_directly)} бастауыш ұйым облыстық комитеттің тікелей "
                f"қызметінде.",
                f"Из них {_n(o.served_directly)} "
                + ru_plural(
                    o.served_directly,
                    "первичная организация находится",
                    "первичные организации находятся",
                    "первичных организаций находятся",
                )
                + " на прямом обслуживании обкома.",
            )
        table = {
            "headers": [self.t("Көрсеткіш", "Показатель"), self.t("Саны", "Число")],
            "rows": [
                [self.t("Бастауыш кәсіподақ ұйымдары", "Первичные организации"), _n(o.primaries)],
                [self.t("Кәсіподақ мүшелері", "Члены профсоюза"), _n(o.members)],
                [self.t("Филиалдар", "Филиалы"), _n(o.branches)],
            ],
        }
        return self.section("organization", self.t("Ұйым сандармен", "Организация в цифрах"),
                            text, [table])  # fmt: skip

    def staff(self) -> dict:
        unit = self.f.unit
        who = unit.information_officer or self.t("көрсетілмеген", "не указан")
        text = self.t(
            f"Облыстық ұйым аппаратында ақпараттық жұмыс мәселелерімен {who} айналысады.",
            f"Вопросами информационной работы в аппарате областной организации занимается: {who}.",
        )
        text += " " + (
            self.t("Штаттық баспасөз хатшысы бар.", "Есть штатный пресс-секретарь.")
            if unit.has_press_secretary
            else self.t(
                "Ақпараттық жұмыспен тікелей айналысатын штаттық баспасөз хатшысы жоқ.",
                "Штатного пресс-секретаря, непосредственно занимающегося информационной "
                "работой, нет.",
            )
        )
        return self.section("staff", self.t("Ақпараттық жұмысты кім жүргізеді",
                                            "Кто ведёт информационную работу"), text)  # fmt: skip

    def reviews(self) -> dict:
        sentences = []
        rows = []
        for review in self.f.reviews:
            sentences.append(self.t(
                f"{review.year} жылы облыстық ұйымның Атқару комитеті «{review.question}» деген "
                f"мәселені қарастырды.",
                f"В {review.year} году исполнительный комитет областной организации рассмотрел "
                f"вопрос «{review.question}».",
            ))  # fmt: skip
            if review.decisions:
                sentences.append(review.decisions)
            if review.assessment:
                sentences.append(review.assessment)
            for task in review.tasks.all():
                state = task.get_state_display()
                due = task.due_on.strftime("%d.%m.%Y") if task.due_on else "–"
                overdue = self.t(" (мерзімі өтті)", " (просрочено)") if task.is_overdue else ""
                rows.append([str(review.year), task.description, due, f"{state}{overdue}"])
        if not self.f.reviews:
            sentences.append(self.t(
                "Атқару комитеті ақпараттық жұмыс мәселесін қарастырмаған.",
                "Исполнительный комитет вопросы информационной работы не рассматривал.",
            ))  # fmt: skip
        tables = []
        if rows:
            with translation.override(self.language):
                tables.append({
                    "headers": [self.t("Жыл", "Год"), self.t("Тапсырма", "Поручение"),
                                self.t("Мерзімі", "Срок"), self.t("Орындалуы", "Исполнение")],
                    "rows": rows,
                })  # fmt: skip
        return self.section("reviews", self.t("Атқару комитетінің қараулары",
                                              "Рассмотрение на исполкоме"),
                            " ".join(sentences), tables)  # fmt: skip

    def website(self) -> dict:
        table = self.f.by_platform
        sites = [row for row in table.rows if row.key.kind == "website"]
        if not sites or not any(row.by_year for row in sites):
            text = self.t("Сайттарда жарияланған материалдар тіркелмеген.",
                          "Публикации на сайтах не зарегистрированы.")  # fmt: skip
            return self.section("website", self.t("Сайттағы жарияланымдар", "Публикации на сайте"),
                                text)  # fmt: skip
        row = sites[0]
        years = [y for y in table.years if y >= min(row.by_year)]
        text = self.t(
            f"Ақпараттық жұмыста облыстық ұйым Салалық кәсіподақтың сайтын пайдаланады: "
            f"{self.series(row.by_year, years)} материал жарияланды. ",
            f"В информационной работе областная организация использует сайт отраслевого "
            f"профсоюза: {self.series(row.by_year, years)} "
            f"{ru_plural(row.by_year.get(years[-1], 0), 'материал', 'материала', 'материалов')}. ",
        ) + self.compare(row.current, row.previous)
        data = YearTable(years=years, rows=sites, period=self.period)
        return self.section(
            "website", self.t("Сайттағы жарияланымдар", "Публикации на сайте"), text,
            [self.year_table(data, self.t("Сайт", "Сайт"))],
            chart=charts.chart_year_table(data, title=self.t("Сайттағы материалдар",
                                                              "Материалы на сайте"),
                                          label=lambda key: key.label),
        )  # fmt: skip

    def social(self) -> dict:
        sentences = []
        own = self.f.unit_pages
        if not own:
            sentences.append(
                self.t(
                    "Облыстық ұйымның әлеуметтік желілерде парақшасы жоқ.",
                    "У областной организации нет страниц в социальных сетях.",
                )
            )
        for page in own:
            resource = page.resource
            since = ""
            if resource.opened_on:
                month = resource.opened_on.month - 1
                since = self.t(
                    f"{resource.opened_on.year} жылдың {KK_MONTHS_ABLATIVE[month]} бастап жұмыс "
                    f"жасайтын ",
                    f"работающая с {RU_MONTHS_GENITIVE[month]} {resource.opened_on.year} года ",
                )  # fmt: skip
            sentences.append(self.t(
                f"Облыстық ұйымның {resource.platform.label} әлеуметтік желісінде {since}ресми "
                f"парақшасы бар.",
                f"У областной организации есть официальная страница в социальной сети "
                f"{resource.platform.label}, {since}".rstrip() + ".",
            ))  # fmt: skip
            if page.followers is not None:
                share = format_percent(100 * page.followers / self.f.organization.members
                                       if self.f.organization.members else None)  # fmt: skip
                day = page.followers_on.strftime("%d.%m.%Y")
                sentences.append(self.t(
                    f"Парақшаның жазылушылары – {_n(page.followers)} ({day}), бұл облыстық "
                    f"ұйым мүшелерінің шамамен {share}-ы.",
                    f"Подписчиков страницы – {_n(page.followers)} (на {day}), это около {share} "
                    f"членов областной организации.",
                ))  # fmt: skip
        table = self.f.by_author_on_own_pages
        for year in table.years:
            total = sum(row.by_year.get(year, 0) for row in table.rows)
            if not total:
                continue
            parts = [f"{row.key.label} – {_n(row.by_year[year])}" for row in table.rows
                     if row.by_year.get(year)]  # fmt: skip
            sentences.append(self.t(
                f"{self.year_label(year).capitalize()} облыстық ұйымның парақшасында барлығы "
                f"{_n(total)} материал орналастырылды, оның ішінде: {'; '.join(parts)}.",
                f"{self.year_label(year).capitalize()} на странице областной организации "
                f"размещено {_materials_ru(total)}, в том числе: {'; '.join(parts)}.",
            ))  # fmt: skip
        tables = []
        members = self.f.organization.members
        if own:
            tables.append({
                "headers": [self.t("Парақша", "Страница"), self.t("Ашылған", "Открыта"),
                            self.t("Жазылушылар", "Подписчики"),
                            self.t("100 мүшеге", "На 100 членов")],
                "rows": [[p.resource.platform.label,
                          _date(p.resource.opened_on), _n(p.followers),
                          format_number(100 * (p.followers or 0) / members if members else None,
                                        1)]
                         for p in own],
            })  # fmt: skip
        if table.rows:
            tables.append(self.year_table(table, self.t("Автор ұйым", "Организация-автор")))
        return self.section("social", self.t("Әлеуметтік желілер", "Социальные сети"),
                            " ".join(sentences), tables)  # fmt: skip

    def branch_pages(self) -> dict:
        rows = self.f.branches
        having = [row for row in rows if row.pages]
        listed = [f"{row.branch.name} ({', '.join(p.platform.label for p in row.pages)})"
                  for row in having]  # fmt: skip
        text = self.t(
            f"Облыстық ұйымның {_n(len(rows))} филиалының ішінде әлеуметтік желілердегі "
            f"парақшалар {_n(len(having))} ұйымда ғана бар: {join(listed, language='kk')}.",
            f"Из {_n(len(rows))} филиалов областной организации страницы в социальных сетях "
            f"есть только у {_n(len(having))}: {join(listed, language='ru')}.",
        )
        table = {
            "headers": [self.t("Филиал", "Филиал"), self.t("Парақшалар", "Страницы"),
                        self.t("Мекенжайы", "Адрес")],
            "rows": [[row.branch.name, ", ".join(p.platform.label for p in row.pages) or "–",
                      " ".join(p.url for p in row.pages) or "–"] for row in rows],
        }  # fmt: skip
        return self.section("branch_pages", self.t("Филиалдардың парақшалары",
                                                   "Страницы филиалов"), text, [table])  # fmt: skip

    def materials(self) -> dict:
        items = self.f.materials
        first, last = self.period.year - 2, self.period.year
        titles = ", ".join(f"«{m.title}»" for m in items)
        if items:
            text = self.t(
                f"{first}–{last} жж. кезеңінде облыстық кәсіподақ аппараты кәсіподақ қызметінің "
                f"өзекті мәселелері бойынша {_n(len(items))} әдістемелік құрал әзірлеп шығарды: "
                f"{titles}.",
                f"В {first}–{last} гг. аппарат областной организации подготовил и выпустил "
                f"{_n(len(items))} "
                + ru_plural(
                    len(items),
                    "методическое пособие",
                    "методических пособия",
                    "методических пособий",
                )
                + f": {titles}.",
            )
        else:
            text = self.t(
                f"{first}–{last} жж. әдістемелік құралдар шығарылмаған.",
                f"В {first}–{last} гг. методические материалы не выпускались.",
            )
        table = {"headers": [self.t("Жыл", "Год"), self.t("Атауы", "Название")],
                 "rows": [[str(m.year), m.title] for m in items]}  # fmt: skip
        return self.section("materials", self.t("Әдістемелік құралдар", "Методические материалы"),
                            text, [table] if items else [])  # fmt: skip

    def content(self) -> dict:
        c = self.f.content
        with translation.override(self.language):
            topics = [(str(label), n) for _code, label, n in c.topics]
        mix = "; ".join(f"{label} – {_n(n)}" for label, n in topics if n)
        text = self.t(
            f"Кезеңде ({self.period_label}) барлығы {_n(c.total)} материал жарияланды. "
            f"Тақырыптары бойынша: {mix or '–'}. Құқықтық тақырыптағы материалдар – "
            f"{_n(c.legal)} ({format_percent(c.share(c.legal))}), репост – {_n(c.reposts)} "
            f"({format_percent(c.share(c.reposts))}), қазақ тіліндегі материалдар – "
            f"{format_percent(c.share(c.kazakh))}.",
            f"За период ({self.period_label}) опубликовано {_materials_ru(c.total)}. По темам: "
            f"{mix or '–'}. Материалов на правовые темы – {_n(c.legal)} "
            f"({format_percent(c.share(c.legal))}), репостов – {_n(c.reposts)} "
            f"({format_percent(c.share(c.reposts))}), на казахском языке – "
            f"{format_percent(c.share(c.kazakh))}.",
        )  # fmt: skip
        if c.with_engagement:
            e = c.engagement
            text += " " + self.t(
                f"Аудитория белсенділігі: {_n(e['views'])} қаралым, {_n(e['reactions'])} "
                f"реакция, {_n(e['comments'])} пікір, {_n(e['shares'])} бөлісу.",
                f"Активность аудитории: {_n(e['views'])} просмотров, {_n(e['reactions'])} "
                f"реакций, {_n(e['comments'])} комментариев, {_n(e['shares'])} репостов.",
            )  # fmt: skip
        else:
            text += " " + self.t(
                "Аудитория белсенділігі (қаралым, реакция) тіркелмеген.",
                "Активность аудитории (просмотры, реакции) не учтена.",
            )
        table = {"headers": [self.t("Тақырып", "Тема"), self.t("Саны", "Число"), "%"],
                 "rows": [[label.capitalize(), _n(n), format_percent(c.share(n))]
                          for label, n in topics]}  # fmt: skip
        with translation.override(self.language):
            chart = charts.chart_topics(c, title=self.t("Тақырыптар", "Темы"))
        return self.section("content", self.t("Материалдардың мазмұны", "Содержание материалов"),
                            text, [table], chart=chart)  # fmt: skip

    def media(self) -> dict:
        press, broadcasts = self.f.press, self.f.broadcasts
        sentences = []
        for year in press.years:
            total = sum(row.by_year.get(year, 0) for row in press.rows)
            if not total:
                continue
            parts = [f"«{row.key.name}» – {_n(row.by_year[year])}" for row in press.rows
                     if row.by_year.get(year)]  # fmt: skip
            sentences.append(self.t(
                f"{self.year_label(year)} – {_n(total)} материал ({', '.join(parts)})",
                f"{self.year_label(year)} – {_materials_ru(total)} ({', '.join(parts)})",
            ))  # fmt: skip
        text = self.t("Облыстық ұйымның қызметі БАҚ-та: ", "Деятельность областной организации "
                      "в СМИ: ") + ("; ".join(sentences) or "–") + "."  # fmt: skip
        for year in broadcasts.years:
            total = sum(row.by_year.get(year, 0) for row in broadcasts.rows)
            if total:
                outlets = ", ".join(
                    f"{row.key.name} – {_n(row.by_year[year])}"
                    for row in broadcasts.rows
                    if row.by_year.get(year)
                )
                text += " " + self.t(
                    f"{self.year_label(year).capitalize()} жергілікті БАҚ эфирлеріне {_n(total)} "
                    f"рет қатысты ({outlets}).",
                    f"{self.year_label(year).capitalize()} – {_n(total)} "
                    f"{ru_plural(total, 'эфир', 'эфира', 'эфиров')} в местных СМИ ({outlets}).",
                )  # fmt: skip
        tables = []
        if press.rows:
            tables.append(self.year_table(press, self.t("Басылым", "Издание"),
                                          label=lambda key: f"«{key.name}»"))  # fmt: skip
        if broadcasts.rows:
            tables.append(self.year_table(broadcasts, self.t("Теле-, радиоарна",
                                                             "Теле-, радиоканал")))  # fmt: skip
        return self.section("media", self.t("Бұқаралық ақпарат құралдары", "Средства массовой "
                                            "информации"), text, tables)  # fmt: skip

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
            extra = ""
            if copies:
                last = copies[-1]
                extra = self.t(f", {last.year} жылы – {_n(last.copies)} дана",
                               f", в {last.year} году – {_n(last.copies)} экз.")  # fmt: skip
            sentences.append(self.t(
                f"Бастауыш кәсіподақ ұйымдары «{outlet}» газетіне жыл сайын жазылады ({span} "
                f"жж.{extra}).",
                f"Первичные организации ежегодно подписываются на газету «{outlet}» ({span} "
                f"гг.{extra}).",
            ))  # fmt: skip
        if not subs:
            sentences.append(
                self.t("Газеттерге жазылу тіркелмеген.", "Подписка на газеты не зарегистрирована.")
            )
        if self.f.app_users is None:
            sentences.append(self.t(
                "«Bilim kasipodagy» мобильдік қосымшасын пайдаланушылар саны тіркелмеген.",
                "Число пользователей мобильного приложения «Bilim kasipodagy» не учтено.",
            ))  # fmt: skip
        else:
            share = format_percent(100 * self.f.app_users / self.f.organization.members
                                   if self.f.organization.members else None)  # fmt: skip
            sentences.append(self.t(
                f"«Bilim kasipodagy» мобильдік қосымшасын {_n(self.f.app_users)} мүше "
                f"пайдаланады (мүшелердің {share}).",
                f"Мобильным приложением «Bilim kasipodagy» пользуются {_n(self.f.app_users)} "
                f"членов профсоюза ({share}).",
            ))  # fmt: skip
        return self.section("subscriptions", self.t("Газетке жазылу және мобильдік қосымша",
                                                    "Подписка и мобильное приложение"),
                            " ".join(sentences))  # fmt: skip

    def findings(self) -> dict:
        found = findings(figures=self.f, rules=rules_for(region=self.f.unit),
                         language=self.language)  # fmt: skip
        intro = self.t(
            "Жоғарыда айтылғандарға байланысты облыстық ұйым кәсіподақ мүшелерінің әлеуметтік-"
            "еңбек құқықтарын одан әрі қорғау мақсатында келесі іс-әрекеттерге көңіл бөлуі тиіс:",
            "В связи с изложенным областной организации в целях дальнейшей защиты социально-"
            "трудовых прав членов профсоюза следует обратить внимание на следующее:",
        )  # fmt: skip
        section = self.section("findings", self.t("Қорытынды және ұсыныстар",
                                                  "Выводы и рекомендации"), intro)  # fmt: skip
        section["items"] = [{"rule": item.rule, "text": item.text} for item in found]
        return section

    def section(self, key, title, text, tables=None, chart=None) -> dict:
        return {"key": key, "title": title, "text": text, "generated": text,
                "tables": tables or [], "chart": chart, "items": []}  # fmt: skip

    def report(self) -> dict:
        with translation.override(self.language):
            sections = [getattr(self, key)() for key in SECTIONS]
        unit = self.f.unit
        return {
            "language": self.language,
            "region": unit.name if self.kk else (unit.name_ru or unit.name),
            "region_slug": unit.slug,
            "year": self.period.year,
            "as_of": self.period.end.isoformat() if self.period.is_partial else None,
            "title": self.t(
                f"{unit.name}ндағы ақпараттық жұмыстың жай-күйі туралы АНЫҚТАМА"
                if unit.name.endswith("ұйымы")
                else f"«{unit.name}»: ақпараттық жұмыстың жай-күйі туралы АНЫҚТАМА",
                f"СПРАВКА о состоянии информационной работы: {unit.name_ru or unit.name}",
            ),
            "period": self.period_label,
            "sections": sections,
            "chairman": unit.chairman,
        }


def report_build(*, figures: Figures, language: str) -> dict:
    """The whole report, as JSON-ready data, in Kazakh («kk») or Russian («ru»)."""
    return Writer(figures, "ru" if language == "ru" else "kk").report()


def report_apply_edits(report: dict, *, texts: dict, commentary: str) -> dict:
    """Staff's edits replace the generated text of their sections."""
    for section in report["sections"]:
        edited = texts.get(section["key"])
        if edited is not None and edited.strip():
            section["text"] = edited
            section["edited"] = edited.strip() != section["generated"].strip()
    report["commentary"] = commentary
    return report
