"""Loads the Abai regional organization's information work, every fact of the 2024 Анықтама
(`shared/seed/README.md`), as records. Run it as often as you like: a second run adds nothing.

This is the only place the source document's figures are written down; every page and report
computes them from the records made here. Where the source is vaguer than a record must be,
the choice made is said beside it:

- The source gives counts, never single posts, so every count is a tally at the grain the
  source gives it: the site per year (2024: its first half), the regional Facebook page per
  authoring unit and year (2023 from May, when the page opened; 2024 up to 01.09.2024), the
  newspapers per outlet and year (2024 up to 01.09.2024), and 2023's newspapers in the two
  groups of outlets the source counts together. No publication is made up.
- A tally's parts are known only where the source states them: reposts, the language and
  views never; of topics, only the legal ones on the page: two seminars and nothing else (one
  in each year, credited to the regional committee, the source naming neither year nor
  author), so the page's tallies say how many of them are legal, and no other topic. Most posts
  are reposts, says the source, but gives no count: the report says the share is unknown.
- The source gives no count of TV and radio broadcasts: the 2024 report's commentary says, in
  staff's words, that the chairman and branch leaders took part in local broadcasts.
- The 2022 outlets add up to 7 (the source's total says 6): the parts are loaded, so totals are 7.
- The source names no date for the two executive committee reviews and no year for each of the
  five booklets of 2022–2024: reviews carry their year only, booklets are spread over the span.
- The three posts of primary organizations served directly in 2024 are one tally of the first
  of them (the source does not say which).
- The 404 primary organizations and their members are not named: placeholders, clearly labelled,
  spread over the branches (a few served directly by the region), whose members add up to the
  regional total. Replace them with the real list by import.
- The source itself, in its original Kazakh (`source/anyqtama-abai-2024.kk.md`), is kept as an
  issued report of the central committee's press service, so staff can set the generated one
  beside it. It is issued outside the portal: no user issued it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from branches.demo import DEMO_PASSWORD, DEMO_USERS
from branches.models import Assignment, OrgUnit
from branches.services import member_count_set, orgunit_ensure, user_assign
from monitoring.models import AudienceSnapshot, CommitteeReview, NewspaperSubscription, ReviewTask
from publications.models import MethodologicalMaterial, Platform, Resource, Tally
from reports.models import IssuedReport, ReportDraft
from reports.render import render_docx, render_pdf

CENTRAL = {
    "slug": "central",
    "name": "Кәсіподақтың Орталық Комитеті",
    "name_ru": "Центральный комитет профсоюза",
    "short_name": "Орталық Комитет",
}
REGION = {
    "slug": "abai",
    "name": "Абай облыстық кәсіподақ ұйымы",
    "name_ru": "Абайская областная организация профсоюза",
    # Its own name beside other regions; inside the region its records are the regional
    # committee's (`OrgUnit.label`).
    "short_name": "Абай облысы",
    "short_name_ru": "Абайская область",
    "chairman": "С. Ибраев",
    "information_officer": ("ұйымдастыру жұмыстары жөніндегі бас маман Воказе Ұлжан Ернарқызы"),
    "information_officer_ru": "главный специалист по организационной работе Воказе Улжан Ернаркызы",
    "has_press_secretary": False,
    # The source's own paragraphs around the figures; staff edit them as the region's standard.
    "report_introduction": (
        "Ақпараттық жұмыс – кәсіподақ жұмысының негізгі бағыттарының бірі және жарғылық "
        "міндеттерді шешудің ажырамас құралы. Абай облыстық кәсіподақ ұйымы ақпараттық қызметті "
        "жетілдіру бойынша мақсатты жұмыс жүргізуде.\n\n"
        "Кәсіподақ құрылымының тиімді ақпараттық қызметі үшін жағдай жасау, кәсіподақ мүшелерін "
        "жедел және сенімді ақпаратпен, оның ішінде барлық деңгейдегі кәсіподақ органдары "
        "қызметінің нәтижелері туралы ақпаратпен қамтамасыз ету маңызды міндет болып қала береді."
    ),
    "report_introduction_ru": (
        "Информационная работа – одно из основных направлений деятельности профсоюза и "
        "неотъемлемый инструмент решения уставных задач. Абайская областная организация "
        "профсоюза ведёт целенаправленную работу по совершенствованию информационной "
        "деятельности.\n\n"
        "Важной задачей остаётся создание условий для эффективной информационной деятельности "
        "профсоюзной структуры, оперативное и достоверное информирование членов профсоюза, в том "
        "числе о результатах деятельности профсоюзных органов всех уровней."
    ),
    "report_closing": (
        "Facebook парақшасында орналастырылған ақпараттық материалдардың сапасы төмен. Көп "
        "жағдайда олар жалпы, декларативті сипатта, ал парақшадағы аудиторияның белсенділігі "
        "төмен. Оның себебін ресімдеуден емес, материалдардың мазмұнынан іздеген жөн: құқықтық "
        "бағыт бойынша ақпарат тым аз (келісу комиссиясы бойынша 1 семинар, аттестаттау "
        "тақырыбында жұмыс берушілердің өкілдерімен 1 семинар), басым бөлігі – "
        "ұйымдастырушылық іс-шаралар және басқа көздерден, соның ішінде Салалық кәсіподақтың "
        "ақпараттарынан жасалған репосттар.\n\n"
        "Салалық кәсіподақтың баспасөз қызметі 2023 жылы аудандық ұйым төрағаларымен өткен "
        "семинар-кеңесте әлеуметтік желілердегі парақшаларды жүргізуге қатысты ұсыныстар "
        "бергенін атап өткен жөн.\n\n"
        "Мұндай олқылықтар ақпаратты әзірлеу, орналастыру және тарату бойынша негізгі білімі бар "
        "маманға арналған штат бірлігінің болмауынан туындайды деп айтуға негіз бар. Тіпті "
        "облыстық ұйымда ақпараттық жұмыс бойынша жеке жауапты маман анықталмаған, бұл "
        "функцияны ұйымдастырушылық жұмыс жөніндегі маман орындайды.\n\n"
        "Қазіргі уақытта кәсіподақ қызметін танымал ету үшін әлеуметтік желілердің үлесі "
        "орасан зор. Салалық кәсіподақтың баспасөз қызметі кәсіподақ мүшелерінің құқықтары мен "
        "мүдделерін қорғау бойынша ақпарат тарату үшін әлеуметтік желілерді тиімді және кеңінен "
        "пайдалануды ұсынады.\n\n"
        "«Bilim kasipodagy» мобильдік қосымшасы кәсіподақ мүшелеріне гаджеттер арқылы Орталық "
        "Комитет сайтының мобильді нұсқасына кіруге, сұрақтар қоюға, «Нормативтік құқықтық "
        "актілер» бөліміне кіруге және кәсіподақ жаңалықтарының легімен танысуға мүмкіндік "
        "береді. Бұл қосымша 2021 жылдан бастап қолданысқа енгізілді, бірақ Абай облысында оны "
        "пайдалану төмен деңгейде қалып отыр."
    ),
    "report_closing_ru": (
        "Качество информационных материалов на странице в Facebook низкое. Чаще всего они носят "
        "общий, декларативный характер, а активность аудитории страницы невысока. Причину "
        "следует искать не в оформлении, а в содержании материалов: правовой информации крайне "
        "мало (1 семинар по согласительной комиссии, 1 семинар с представителями работодателей "
        "по аттестации), большую часть составляют организационные мероприятия и репосты из "
        "других источников, в том числе материалов отраслевого профсоюза.\n\n"
        "Следует отметить, что пресс-служба отраслевого профсоюза в 2023 году на "
        "семинаре-совещании с председателями районных организаций дала рекомендации по ведению "
        "страниц в социальных сетях.\n\n"
        "Есть основания считать, что такие недостатки вызваны отсутствием штатной единицы "
        "специалиста с базовыми знаниями по подготовке, размещению и распространению "
        "информации. В областной организации даже не определён специалист, лично отвечающий за "
        "информационную работу: эту функцию выполняет специалист по организационной работе.\n\n"
        "Сегодня роль социальных сетей в популяризации деятельности профсоюза огромна. "
        "Пресс-служба отраслевого профсоюза рекомендует эффективно и широко использовать "
        "социальные сети для распространения информации о защите прав и интересов членов "
        "профсоюза.\n\n"
        "Мобильное приложение «Bilim kasipodagy» позволяет членам профсоюза со смартфона "
        "открывать мобильную версию сайта Центрального комитета, задавать вопросы, пользоваться "
        "разделом «Нормативные правовые акты» и читать ленту новостей профсоюза. Приложение "
        "работает с 2021 года, но в Абайской области им пользуются мало."
    ),
}
PRIMARY_ORGANIZATIONS = 404
MEMBERS = 25116
MEMBERS_COUNTED_ON = date(2024, 1, 1)
SERVED_DIRECTLY = 8  # primary organizations under the regional committee itself


@dataclass(frozen=True)
class Branch:
    slug: str
    short_name: str
    name: str
    name_ru: str
    committee: str = OrgUnit.Committee.DISTRICT
    short_name_ru: str = ""


BRANCHES = [
    Branch(
        "abai-audany",
        "Абай",
        "Абай аудандық кәсіподақ комитеті",
        "Абайский районный комитет профсоюза",
    ),
    Branch(
        "aksuat",
        "Ақсуат",
        "Ақсуат аудандық кәсіподақ комитеті",
        "Аксуатский районный комитет профсоюза",
    ),
    Branch(
        "ayagoz",
        "Аягөз",
        "Аягөз аудандық кәсіподақ комитеті",
        "Аягозский районный комитет профсоюза",
    ),
    Branch(
        "beskaragay",
        "Бесқарағай",
        "Бесқарағай аудандық кәсіподақ комитеті",
        "Бескарагайский районный комитет профсоюза",
    ),
    Branch(
        "borodulikha",
        "Бородулиха",
        "Бородулиха аудандық кәсіподақ комитеті",
        "Бородулихинский районный комитет профсоюза",
    ),
    Branch(
        "zharma",
        "Жарма",
        "Жарма аудандық кәсіподақ комитеті",
        "Жарминский районный комитет профсоюза",
    ),
    Branch(
        "kokpekti",
        "Көкпекті",
        "Көкпекті аудандық кәсіподақ комитеті",
        "Кокпектинский районный комитет профсоюза",
    ),
    Branch(
        "urzhar",
        "Үржар",
        "Үржар аудандық кәсіподақ комитеті",
        "Урджарский районный комитет профсоюза",
    ),
    Branch(
        "semey",
        "Қалалық кәсіподақ комитеті",
        "Семей қалалық кәсіподақ комитеті",
        "Семейский городской комитет профсоюза",
        OrgUnit.Committee.CITY,
        "Городской комитет профсоюза",
    ),
]

PLATFORMS = [
    # slug, name, Russian name, kind
    ("facebook", "Facebook", "Facebook", Platform.Kind.SOCIAL),
    ("instagram", "Instagram", "Instagram", Platform.Kind.SOCIAL),
    ("telegram", "Telegram", "Telegram", Platform.Kind.SOCIAL),
    ("website", "Сайт", "Сайт", Platform.Kind.WEBSITE),
    ("newspaper", "Газет", "Газета", Platform.Kind.PRINT),
    ("tv", "Телевизия", "Телевидение", Platform.Kind.TV),
    ("radio", "Радио", "Радио", Platform.Kind.RADIO),
]

SITE = "Салалық кәсіподақтың сайты"
REGION_FACEBOOK = "Абай облыстық кәсіподақ ұйымы (Facebook)"
REGION_FACEBOOK_URL = "https://web.facebook.com/profile.php?id=100093464882288"
REGION_FACEBOOK_OPENED = date(2023, 5, 1)
REGION_FACEBOOK_FOLLOWERS = 261
AS_OF = date(2024, 9, 1)
BRANCH_SHORT_NAMES_RU = {
    "abai-audany": "Абай",
    "aksuat": "Аксуат",
    "ayagoz": "Аягоз",
    "beskaragay": "Бескарагай",
    "borodulikha": "Бородулиха",
    "zharma": "Жарма",
    "kokpekti": "Кокпекты",
    "urzhar": "Урджар",
}

BRANCH_PAGES = [
    # branch slug, platform slug, address
    (
        "abai-audany",
        "instagram",
        "https://www.instagram.com/abai.audany_bilim_kasipodagy?igsh=MWZwdW90OGUxemJ4ag=",
    ),
    (
        "aksuat",
        "facebook",
        "https://www.facebook.com/aksuat.audandyk.kasipodak.komiteti?mibextid=ZbWKwL",
    ),
    ("beskaragay", "facebook", "https://www.facebook.com/profbesk?mibextid=LQQJ4d"),
    (
        "beskaragay",
        "instagram",
        "https://www.instagram.com/p/DA77oxrI2YT/?igsh=MWNtYTVyem55dXYzeg=",
    ),
    (
        "borodulikha",
        "instagram",
        "https://www.instagram.com/kuliadaumbaeva/profilecard/?igsh=MjN1ZWhyazE1NzE3",
    ),
    (
        "urzhar",
        "facebook",
        "https://www.facebook.com/photo/?fbid=122101013042119281&set=a.122101010780119281&_tn_=%3C",
    ),
]

# name, level (the source calls «Уақыт тынысы» a district paper in 2021; so do we)
NEWSPAPERS = {
    "Қазақстан кәсіподағы": Resource.Level.NATIONAL,
    "Семей таңы": Resource.Level.REGIONAL,
    "Семей вести": Resource.Level.REGIONAL,
    "Білімді Ел": Resource.Level.NATIONAL,
    "Уақыт тынысы": Resource.Level.DISTRICT,
    "Жаңа уақыт": Resource.Level.DISTRICT,
    "Бесқарағай тынысы": Resource.Level.DISTRICT,
}
LOCAL_TV = "Жергілікті телеарна"
LOCAL_RADIO = "Жергілікті радио"
RESOURCE_NAMES_RU = {
    SITE: "Сайт отраслевого профсоюза",
    REGION_FACEBOOK: "Абайская областная организация профсоюза (Facebook)",
    LOCAL_TV: "Местный телеканал",
    LOCAL_RADIO: "Местное радио",
}

SITE_TALLIES = {  # year: (count, first day, last day)
    2021: (20, date(2021, 1, 1), date(2021, 12, 31)),
    2022: (36, date(2022, 1, 1), date(2022, 12, 31)),
    2023: (46, date(2023, 1, 1), date(2023, 12, 31)),
    2024: (28, date(2024, 1, 1), date(2024, 6, 30)),
}
FACEBOOK_PERIODS = {
    2023: (REGION_FACEBOOK_OPENED, date(2023, 12, 31)),
    2024: (date(2024, 1, 1), AS_OF),
}
FACEBOOK_BY_UNIT = {  # authoring unit slug ("direct" = primary orgs served directly): 2023, 2024
    "abai": (25, 17),
    "semey": (9, 10),
    "aksuat": (1, 2),
    "ayagoz": (1, 0),
    "beskaragay": (2, 0),
    "borodulikha": (3, 0),
    "zharma": (2, 1),
    "kokpekti": (3, 0),
    "urzhar": (2, 0),
    "direct": (0, 3),
}
PRESS = {  # year: {outlet, or outlets counted together: count}
    2021: {("Қазақстан кәсіподағы",): 1, ("Семей таңы",): 1, ("Білімді Ел",): 1,
           ("Уақыт тынысы",): 1},
    2022: {("Қазақстан кәсіподағы",): 5, ("Білімді Ел",): 1, ("Уақыт тынысы",): 1},
    2023: {
        ("Қазақстан кәсіподағы",): 2,
        ("Семей таңы", "Семей вести"): 2,
        ("Жаңа уақыт", "Бесқарағай тынысы", "Уақыт тынысы"): 4,
    },
    2024: {("Семей таңы",): 1, ("Жаңа уақыт",): 2, ("Бесқарағай тынысы",): 3},
}  # fmt: skip
SOURCE = "Анықтама, 01.09.2024"
SOURCE_FILE = Path(__file__).parent / "source" / "anyqtama-abai-2024.kk.md"
SOURCE_NUMBER = "ABAI-2024-SOURCE"  # the source document, kept as the centre issued it
BROADCASTS_2024 = {  # staff's words in the 2024 report's commentary (the source gives no count)
    "kk": "2024 жылы облыстық ұйым қызметінің өзекті мәселелері бойынша төраға С. Ибраев "
    "(Аумақтық кәсіподақтар бірлестігінің бұрынғы төрағасымен бірге), аудандық және қалалық "
    "ұйымдардың басқа да басшылары жергілікті БАҚ-тың эфирлеріне қатысты.",
    "ru": "В 2024 году по актуальным вопросам деятельности областной организации председатель "
    "С. Ибраев (вместе с бывшим председателем Территориального объединения профсоюзов), "
    "другие руководители районных и городских организаций участвовали в эфирах местных СМИ.",
}
BOOKLETS = [  # year, title, Russian title
    (
        2022,
        "Кәсіподақтың жыл сайынғы есеп беру жиналыстарын өткізу тәртібі",
        "Порядок проведения ежегодных отчётных собраний профсоюза",
    ),
    (
        2022,
        "Кәсіподақ ұйымдарындағы статистикалық есептілік",
        "Статистическая отчётность в профсоюзных организациях",
    ),
    (
        2023,
        "Аудандық және қалалық кәсіподақ комитеттерінде есеп беру-сайлау конференцияларын "
        "дайындау және өткізу",
        "Подготовка и проведение отчётно-выборных конференций в районных и городских комитетах "
        "профсоюза",
    ),
    (
        2023,
        "Бастауыш кәсіподақ ұйымдарында есеп беру-сайлау кәсіподақ жиналыстарын дайындау "
        "және өткізу",
        "Подготовка и проведение отчётно-выборных профсоюзных собраний в первичных "
        "профсоюзных организациях",
    ),
    (2024, "Кәсіподақ қызметінің негізгі бағыттары", "Основные направления деятельности профсоюза"),
]
REVIEWS = [
    {
        "year": 2021,
        "question": "Кәсіподақ органдары және ұйымдарындағы ақпараттық жұмыстың тиімділігін "
        "арттыру жөніндегі шаралар мен жұмыстың жай-күйі туралы",
        "question_ru": "О состоянии работы и мерах по повышению эффективности информационной "
        "работы в профсоюзных органах и организациях",
        "decisions": "Отырыста жұмыстың осы бағытында тиімділікті арттыру бойынша нақты "
        "жоспарлар мен міндеттер қабылдануға тиіс болған.",
        "decisions_ru": "На заседании должны были быть приняты конкретные планы и задачи по "
        "повышению эффективности этого направления работы.",
        "assessment": "Тәжірибе көрсеткендей, қабылданған шаралар жеткіліксіз, олар одан әрі "
        "дамытуды қажет етеді.",
        "assessment_ru": "Как показала практика, принятых мер недостаточно, они требуют "
        "дальнейшего развития.",
        "tasks": [
            (
                "Ақпараттық жұмыстың тиімділігін арттыру жоспарын орындау",
                ReviewTask.State.PARTLY_DONE,
            ),
        ],
    },
    {
        "year": 2024,
        "question": "Облыстық кәсіподақ ұйымының филиалдарында жүргізіліп жатқан ақпараттық "
        "жұмыс туралы",
        "question_ru": "Об информационной работе, проводимой в филиалах областной профсоюзной "
        "организации",
        "decisions": "",
        "decisions_ru": "",
        "assessment": "",
        "assessment_ru": "",
        "tasks": [],
    },
]
SUBSCRIPTION_YEARS = range(2021, 2025)  # the primary organizations subscribe every year


class Command(BaseCommand):
    help = "Load the Abai regional organization's records (the 2024 Анықтама); idempotent."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help=f"Also create one demo user per role, password {DEMO_PASSWORD!r}.",
        )

    def handle(self, *args, demo_users: bool = False, **options) -> None:
        if demo_users and not settings.ALLOW_DEMO_USERS:
            raise CommandError("Demo users are refused by these settings (production).")
        before = self._counts()
        with transaction.atomic():
            units = self._load_tree()
            platforms = self._load_platforms()
            resources = self._load_resources(units, platforms)
            self._load_tallies(units, resources)
            self._load_the_rest(units, resources)
            self._load_commentary(units)
            self._load_source_document(units)
            if demo_users:
                self._load_demo_users(units)
        after = self._counts()
        added = {name: after[name] - before[name] for name in after if after[name] != before[name]}
        self.stdout.write(
            "Abai records loaded; added: "
            + (", ".join(f"{name} {n}" for name, n in added.items()) or "nothing")
        )

    @staticmethod
    def _counts() -> dict[str, int]:
        models = [
            OrgUnit,
            Platform,
            Resource,
            Tally,
            MethodologicalMaterial,
            CommitteeReview,
            AudienceSnapshot,
            Assignment,
            IssuedReport,
        ]
        return {model._meta.model_name: model._default_manager.count() for model in models}

    def _load_tree(self) -> dict[str, OrgUnit]:
        central = orgunit_ensure(
            slug=CENTRAL["slug"],
            defaults={**_without(CENTRAL, "slug"), "kind": OrgUnit.Kind.CENTRAL, "parent": None},
        )
        region = orgunit_ensure(
            slug=REGION["slug"],
            defaults={**_without(REGION, "slug"), "kind": OrgUnit.Kind.REGION, "parent": central},
        )
        units = {"central": central, "abai": region}
        for branch in BRANCHES:
            units[branch.slug] = orgunit_ensure(
                slug=branch.slug,
                defaults={
                    "name": branch.name,
                    "name_ru": branch.name_ru,
                    "short_name": branch.short_name,
                    "short_name_ru": branch.short_name_ru
                    or BRANCH_SHORT_NAMES_RU.get(branch.slug, ""),
                    "kind": OrgUnit.Kind.BRANCH,
                    "committee": branch.committee,
                    "parent": region,
                },
            )
        parents = [region] * SERVED_DIRECTLY + [
            units[BRANCHES[i % len(BRANCHES)].slug]
            for i in range(PRIMARY_ORGANIZATIONS - SERVED_DIRECTLY)
        ]
        base, extra = divmod(MEMBERS, PRIMARY_ORGANIZATIONS)
        for number, parent in enumerate(parents, start=1):
            where = "тікелей қызметте" if parent == region else parent.short_name
            where_ru = "прямое обслуживание" if parent == region else parent.name_ru.split()[0]
            primary = orgunit_ensure(
                slug=f"abai-bku-{number:03d}",
                defaults={
                    "name": f"БКҰ №{number:03d} ({where}; атауы әлі енгізілмеген)",
                    "name_ru": f"ППО №{number:03d} ({where_ru}; название ещё не внесено)",
                    "kind": OrgUnit.Kind.PRIMARY,
                    "parent": parent,
                    "is_placeholder": True,
                },
            )
            members = base + (1 if number <= extra else 0)
            member_count_set(unit=primary, counted_on=MEMBERS_COUNTED_ON, members=members)
            if parent == region:
                units.setdefault("direct", primary)
                units[f"direct-{number}"] = primary
        return units

    def _load_platforms(self) -> dict[str, Platform]:
        platforms = {}
        for order, (slug, name, name_ru, kind) in enumerate(PLATFORMS):
            platforms[slug], _created = Platform.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "name_ru": name_ru, "kind": kind, "sort_order": order},
            )
        return platforms

    def _load_resources(self, units, platforms) -> dict[str, Resource]:
        def ensure(name: str, name_ru: str = "", **fields) -> Resource:
            name_ru = name_ru or RESOURCE_NAMES_RU.get(name, "")
            # Regional and district media are Abai's own; national ones belong to no region.
            if fields.get("level") in {Resource.Level.REGIONAL, Resource.Level.DISTRICT}:
                fields["region"] = units["abai"]
            resource = Resource.objects.filter(name=name).first()
            if resource is None:
                resource = Resource(name=name, name_ru=name_ru, **fields)
                resource.full_clean()
                resource.save()
            else:
                changed = []
                if resource.region_id != getattr(fields.get("region"), "pk", None):
                    resource.region = fields.get("region")
                    changed.append("region")
                if not resource.name_ru and name_ru:
                    resource.name_ru = name_ru
                    changed.append("name_ru")
                if changed:
                    resource.full_clean()
                    resource.save(update_fields=changed)
            return resource

        outside = Resource.Kind.OUTSIDE_MEDIUM
        resources = {
            SITE: ensure(
                SITE, platform=platforms["website"], kind=outside, level=Resource.Level.NATIONAL
            ),
            REGION_FACEBOOK: ensure(
                REGION_FACEBOOK,
                platform=platforms["facebook"],
                kind=Resource.Kind.OWN_PAGE,
                owner=units["abai"],
                url=REGION_FACEBOOK_URL,
                opened_on=REGION_FACEBOOK_OPENED,
            ),
            LOCAL_TV: ensure(
                LOCAL_TV, platform=platforms["tv"], kind=outside, level=Resource.Level.REGIONAL
            ),
            LOCAL_RADIO: ensure(
                LOCAL_RADIO,
                platform=platforms["radio"],
                kind=outside,
                level=Resource.Level.REGIONAL,
            ),
        }
        for name, level in NEWSPAPERS.items():
            resources[name] = ensure(
                name, platform=platforms["newspaper"], kind=outside, level=level
            )
        for slug, platform, url in BRANCH_PAGES:
            branch = units[slug]
            name = f"{branch.name} ({platforms[platform].name})"
            resources[name] = ensure(
                name,
                name_ru=f"{branch.name_ru} ({platforms[platform].name_ru})",
                platform=platforms[platform],
                kind=Resource.Kind.OWN_PAGE,
                owner=branch,
                url=url,
            )
        return resources

    def _load_tallies(self, units, resources) -> None:
        existing = {
            (
                t.unit_id,
                t.platform_id,
                t.starts_on,
                t.ends_on,
                *sorted(r.pk for r in t.resources.all()),
            )
            for t in Tally.all_objects.filter(region=units["abai"]).prefetch_related("resources")
        }

        def add(
            unit: OrgUnit, outlets: list[Resource], first: date, last: date, count: int, **parts
        ):
            key = (unit.pk, outlets[0].platform_id, first, last, *sorted(r.pk for r in outlets))
            if key in existing or not count:
                return
            tally = Tally(unit=unit, platform=outlets[0].platform, starts_on=first, ends_on=last,
                          count=count, source=SOURCE, **parts)  # fmt: skip
            tally.full_clean()
            tally.save()
            tally.resources.set(outlets)

        for count, first, last in SITE_TALLIES.values():
            add(units["abai"], [resources[SITE]], first, last, count)

        facebook = resources[REGION_FACEBOOK]
        for column, (first, last) in enumerate(FACEBOOK_PERIODS.values()):
            for slug, counts in FACEBOOK_BY_UNIT.items():
                # The page's only legal items are the two seminars (none of the others).
                legal = {"topic_legal": 1 if slug == "abai" else 0}
                add(units[slug], [facebook], first, last, counts[column], **legal)

        for year, outlets in PRESS.items():
            last = AS_OF if year == AS_OF.year else date(year, 12, 31)
            for names, count in outlets.items():
                add(units["abai"], [resources[name] for name in names], date(year, 1, 1), last,
                    count)  # fmt: skip

    def _load_source_document(self, units) -> None:
        if IssuedReport.objects.filter(number=SOURCE_NUMBER).exists():
            return
        lines = SOURCE_FILE.read_text(encoding="utf-8").strip().splitlines()
        title = re.sub(r"[*#]", "", lines[0]).strip()
        text, items = [], []
        for line in lines[1:]:
            line = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\2", line)  # [text](address)
            line = re.sub(r"<(https?://[^>]+)>", r"\1", line).replace("\\_", "_")
            line = line.replace("**", "").replace("*", "").strip()
            if line.startswith("- "):
                items.append(line[2:].rstrip(";."))
            else:
                text.append(line)
        body = "\n".join(text).strip()
        signature = body[body.rfind("\n\n") :].strip()
        body = body[: body.rfind("\n\n")].strip()
        central = units["central"]
        content = {
            "language": "kk", "region": units["abai"].name, "region_slug": units["abai"].slug,
            "year": AS_OF.year, "as_of": AS_OF.isoformat(), "title": title,
            "period": f"{AS_OF.year} жыл, {AS_OF:%d.%m.%Y} жағдай бойынша",
            "sections": [{
                "key": "source", "title": "Бастапқы құжат", "text": body, "generated": body,
                "tables": [], "chart": None,
                "items": [{"rule": "", "text": f"{item[:1].upper()}{item[1:]}."}
                          for item in items],
            }],
            "chairman": "", "kind": "assessment",
            "central": " ".join(signature.split()) or f"{central.name} аппаратының баспасөз "
                                                       "қызметі",
            "number": SOURCE_NUMBER, "issued_on": AS_OF.strftime("%d.%m.%Y"),
        }  # fmt: skip
        issued = IssuedReport(
            region=units["abai"], year=AS_OF.year, as_of=AS_OF, language="kk",
            number=SOURCE_NUMBER, issued_on=AS_OF, issued_by=None, content=content,
            kind=IssuedReport.Kind.ASSESSMENT,
        )  # fmt: skip
        issued.pdf.save(f"{SOURCE_NUMBER}.pdf", ContentFile(render_pdf(dict(content))), save=False)
        issued.docx.save(f"{SOURCE_NUMBER}.docx", ContentFile(render_docx(dict(content))),
                         save=False)  # fmt: skip
        issued.save()

    def _load_commentary(self, units) -> None:
        for language, text in BROADCASTS_2024.items():
            ReportDraft.objects.get_or_create(
                region=units["abai"], year=AS_OF.year, as_of=AS_OF, language=language,
                defaults={"commentary": text},
            )  # fmt: skip

    def _load_the_rest(self, units, resources) -> None:
        region = units["abai"]
        AudienceSnapshot.objects.get_or_create(
            resource=resources[REGION_FACEBOOK],
            taken_on=AS_OF,
            defaults={"followers": REGION_FACEBOOK_FOLLOWERS},
        )
        for year, title, title_ru in BOOKLETS:
            MethodologicalMaterial.objects.get_or_create(
                unit=region,
                title=title,
                defaults={"year": year, "kind": MethodologicalMaterial.Kind.MANUAL},
            )
            MethodologicalMaterial.objects.filter(unit=region, title=title, title_ru="").update(
                title_ru=title_ru
            )
        for review in REVIEWS:
            committee_review, created = CommitteeReview.objects.get_or_create(
                unit=region,
                year=review["year"],
                question=review["question"],
                defaults={
                    field: review[field]
                    for field in ("decisions", "assessment", "question_ru", "decisions_ru",
                                  "assessment_ru")
                },
            )  # fmt: skip
            if created:
                for description, state in review["tasks"]:
                    ReviewTask.objects.create(
                        review=committee_review, description=description, state=state
                    )
        for year in SUBSCRIPTION_YEARS:
            NewspaperSubscription.objects.get_or_create(
                unit=region, outlet=resources["Қазақстан кәсіподағы"], year=year
            )

    def _load_demo_users(self, units) -> None:
        for username, slug, role, first_name, last_name in DEMO_USERS:
            is_admin = role == Assignment.Role.ADMINISTRATOR
            user_assign(
                username=username,
                unit=units[slug],
                role=role,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                is_staff=is_admin,
                is_superuser=is_admin,
                email=f"{username}@example.kz",
            )


def _without(mapping: dict, *keys: str) -> dict:
    return {key: value for key, value in mapping.items() if key not in keys}
