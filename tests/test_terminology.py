"""One word for one thing (`shared/GLOSSARY.md`): no catalogue, template, digest or generated
report uses a term the glossary rules out. Each rule names the word to use instead."""

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.test_page_language import visible_text

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Rule:
    language: str
    pattern: str
    use: str
    # Only where the English says this (e.g. «мәселе» is right for a question, wrong for an error).
    where_msgid: str = ""
    flags: re.RegexFlag = re.IGNORECASE

    def finds(self, text: str, msgid: str = "") -> str:
        """The words around the ruled-out term, or "" where there is none."""
        if self.where_msgid and not re.search(self.where_msgid, msgid, re.IGNORECASE):
            return ""
        found = re.search(self.pattern, text, self.flags)
        if found is None:
            return ""
        return " ".join(text[max(found.start() - 40, 0) : found.end() + 40].split())


# Django's page for a project without URLs, seen only by developers (DEBUG=True).
NOT_FOR_DEVELOPERS = r"^(?!.*DEBUG=True)"

RULES = [
    Rule("kk", r"басылым", "материал (басылым is a printed edition)"),
    Rule("kk", r"жарияланым", "материал"),
    Rule("kk", r"қараул|қарауы\b", "Атқару комитетінде қаралған мәселе(лер)"),
    Rule("kk", r"мәселе", "қате (an error in a file)", where_msgid=r"problem"),
    Rule("kk", r"әдістемелік құрал", "әдістемелік материал"),
    Rule("kk", r"^Брошюралар$", "Әдістемелік материалдар (brochures are one kind of three)"),
    Rule("kk", r"жазылушылар (есеб|есепт)", "жазылушылар саны"),
    Rule("kk", r"\bесептер|\bесебі\b", "анықтама (the report), саны (a count)"),
    Rule("kk", r"иесі ұйым", "парақша иесі"),
    Rule("kk", r"бақылау тақта", "көрсеткіштер тақтасы"),
    Rule("kk", r"\bтура\b", "дұрыс"),
    Rule("kk", r"жолақ", "өріс"),
    Rule("kk", r"тандау", "таңдау"),
    Rule("kk", r"қолданушы", "пайдаланушы"),
    Rule("kk", r"құпия сөз", "құпиясөз"),
    Rule("kk", r"\bURL\b", "сілтеме", where_msgid=NOT_FOR_DEVELOPERS, flags=re.NOFLAG),
    Rule("ru", r"рассмотрени", "вопрос, рассмотренный на исполкоме"),
    Rule("ru", r"^Брошюры$", "Методические материалы"),
    # The noun «отчёт» only: «отчётность», «отчётное собрание» and «отчётно-выборный» are other
    # words (the booklets' titles use them).
    Rule("ru", r"\bотч[её]т(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b", "справка"),
    Rule("ru", r"замер", "число подписчиков"),
    Rule("ru", r"методическ\w* пособи", "методический материал"),
    Rule("ru", r"сводн\w* панел", "панель показателей"),
    Rule("ru", r"\bURL\b", "ссылка", where_msgid=NOT_FOR_DEVELOPERS, flags=re.NOFLAG),
]

CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")) + sorted(
    (ROOT / "locale" / "libraries").glob("*/LC_MESSAGES/django.po")
)


def _entries(catalogue: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs, every plural form a pair of its own; one line each via msgcat."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", str(catalogue)], capture_output=True, text=True, check=True
    ).stdout
    pairs, msgid = [], ""
    for line in text.splitlines():
        if line.startswith("msgid "):
            msgid = line[7:-1]
        elif line.startswith("msgstr") and msgid:
            pairs.append((msgid, line.split(" ", 1)[1][1:-1]))
    return pairs


def _breaches(language: str, texts) -> list[str]:
    return [
        f"«…{found}…»: use {rule.use}"
        for msgid, text in texts
        for rule in RULES
        if rule.language == language and (found := rule.finds(text, msgid))
    ]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_catalogue_uses_a_term_the_glossary_rules_out(catalogue):
    language = catalogue.parent.parent.name
    breaches = _breaches(language, _entries(catalogue))
    assert not breaches, "\n".join(breaches)


def test_no_template_uses_a_term_the_glossary_rules_out():
    templates = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
    texts = [
        ("", line)
        for path in templates
        for line in path.read_text().splitlines()
        if re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІіҺһ]", line)  # words, not markup
    ]
    breaches = _breaches("kk", texts) + _breaches("ru", texts)
    assert not breaches, "\n".join(breaches)


# Django's Kazakh messages that the review found wrong, as a Kazakh user now reads them: the
# project's catalogues (LOCALE_PATHS) must take precedence over the ones Django ships.
DJANGO_KK = {
    "Enter a valid URL.": "Дұрыс сілтеме енгізіңіз.",
    "Enter a whole number.": "Бүтін сан енгізіңіз.",
    "Enter a valid value.": "Дұрыс мән енгізіңіз.",
    "Ensure this value is less than or equal to %(limit_value)s.": (
        "Мән ең көбі %(limit_value)s болуы керек."
    ),
    "Ensure this value is greater than or equal to %(limit_value)s.": (
        "Мән кемінде %(limit_value)s болуы керек."
    ),
    "This field cannot be blank.": "Бұл өріс бос болмауы керек.",
    "username": "пайдаланушы аты",
    "password": "құпиясөз",
    "previous": "алдыңғы",
    "next": "келесі",
}


@pytest.mark.parametrize(("msgid", "expected"), DJANGO_KK.items())
def test_the_portals_kazakh_overrides_djangos_and_the_libraries(msgid, expected):
    with translation.override("kk"):
        assert gettext(msgid) == expected


def test_the_monthly_digest_uses_the_glossarys_words(db, abai):
    from monitoring.selectors import month_summary
    from reports.digest import digest_text

    subject, body = digest_text(month_summary(unit=abai, month=date(2024, 5, 1)))
    breaches = _breaches("kk", [("", subject), ("", body)])
    assert not breaches, "\n".join(breaches)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_generated_report_uses_the_glossarys_words(client, abai_staff, language):
    call_command("load_abai", stdout=open("/dev/null", "w"))  # noqa: SIM115 (idempotent)
    client.force_login(abai_staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(
        reverse("reports:page", args=["abai", 2024]), {"as_of": "2024-09-01", "lang": language}
    )
    assert response.status_code == 200
    breaches = _breaches(language, [("", visible_text(response.content.decode()))])
    assert not breaches, "\n".join(breaches)
