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


def test_every_message_of_the_files_parses():
    from fluent.syntax import parse
    from fluent.syntax.ast import Junk

    for language in ("kk", "ru"):
        body = parse((FILES / f"{language}.ftl").read_text(encoding="utf-8")).body
        assert not [entry.content for entry in body if isinstance(entry, Junk)], language


def test_counted_words_of_the_sections_agree_with_their_number():
    def on_air(n):
        return say("ru", "media-on-air-year", when="В 2024 году", total=str(n), total_count=n,
                   outlets="КТК – 1")  # fmt: skip

    assert "в эфирах местных СМИ 1 раз, в том числе" in on_air(1)
    assert "в эфирах местных СМИ 3 раза, в том числе" in on_air(3)
    assert "в эфирах местных СМИ 11 раз, в том числе" in on_air(11)
    assert say("ru", "materials-count", number="21", count=21) == "21 материал"
    assert say("ru", "materials-count", number="22", count=22) == "22 материала"
    assert say("ru", "materials-count", number="25", count=25) == "25 материалов"
    assert say("kk", "materials-count", number="25", count=25) == "25 материал"


def test_words_handed_over_keep_their_spacing():
    assert say("ru", "title-in-kazakh", title="Жас  ұстаз") == "«Жас  ұстаз» (на казахском языке)"


def test_app_users_and_engagement_agree_with_their_numbers():
    def users(n):
        return say("ru", "app-users", users=str(n), count=n, share="1,0 %")

    assert "пользуется 21 член профсоюза" in users(21)
    assert "пользуются 22 члена профсоюза" in users(22)
    assert "пользуются 25 членов профсоюза" in users(25)

    def engagement(items, n):
        counts = {f"{key}_count": n for key in ("views", "reactions", "comments", "shares")}
        numbers = {key: str(n) for key in ("views", "reactions", "comments", "shares")}
        return say("ru", "content-engagement", items=str(items), items_count=items, **numbers,
                   **counts)  # fmt: skip

    assert engagement(1, 21) == (
        "Активность аудитории по 1 материалу: 21 просмотр, 21 реакция, 21 комментарий, 21 репост."
    )
    assert "по 3 материалам: 2 просмотра, 2 реакции, 2 комментария, 2 репоста" in engagement(3, 2)
    assert "5 просмотров, 5 реакций, 5 комментариев, 5 репостов" in engagement(3, 5)
    assert "«Bilim kasipodagy» мобильді қосымшасын 21 мүше" in say(
        "kk", "app-users", users="21", count=21, share="1,0 %"
    )
