"""The report's wording lives in Fluent files a translator edits: both languages hold the same
messages, and Russian words take their CLDR plural forms."""

import re
from pathlib import Path

from reports.messages import FILES, say


def _ids(path: Path) -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*) =", path.read_text(encoding="utf-8"), re.MULTILINE))


def test_both_languages_hold_the_same_messages():
    assert _ids(FILES / "kk.ftl") == _ids(FILES / "ru.ftl")


def test_russian_words_agree_with_their_number():
    assert say("ru", "silent-branch", branch="Жарма", count=1) == "Жарма – 1 месяц"
    assert say("ru", "silent-branch", branch="Жарма", count=3) == "Жарма – 3 месяца"
    assert say("ru", "silent-branch", branch="Жарма", count=5) == "Жарма – 5 месяцев"
    assert say("kk", "silent-branch", branch="Жарма", count=5) == "Жарма – 5 ай"
    text = say("ru", "finding-audience", figure="1,4", count=1.4, limit="5")
    assert "приходится всего 1,4 подписчика при ориентире не менее 5" in text
