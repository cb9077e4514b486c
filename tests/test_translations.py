"""Every Kazakh and Russian message is translated: none missing, none fuzzy, and the catalogues
hold every message the code has (`make messages` run after the last change)."""

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted((ROOT / "locale").glob("**/LC_MESSAGES/django.po"))


def test_there_is_a_kazakh_and_a_russian_catalogue():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert {"kk", "ru"} <= languages


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def _msgids(catalogue: Path) -> set[tuple[str, str]]:
    """(context, msgid) pairs of a catalogue, read by msgcat into one line per field."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", str(catalogue)], capture_output=True, text=True, check=True
    ).stdout
    ids, context = set(), ""
    for line in text.splitlines():
        if line.startswith("msgctxt "):
            context = line[8:]
        elif line.startswith("msgid "):
            if line != 'msgid ""' or context:
                ids.add((context, line[6:]))
            context = ""
    return ids


# How each gettext function takes its message (xgettext's --keyword syntax).
KEYWORD_ARGUMENTS = {
    "gettext": "", "gettext_lazy": "", "gettext_noop": "",
    "ngettext": ":1,2", "ngettext_lazy": ":1,2",
    "pgettext": ":1c,2", "pgettext_lazy": ":1c,2",
    "npgettext": ":1c,2,3", "npgettext_lazy": ":1c,2,3",
}  # fmt: skip
# The names `makemessages` extracts: xgettext's own for Python, plus Django's additions.
MAKEMESSAGES_NAMES = {"_", *KEYWORD_ARGUMENTS}


def _sources() -> list[Path]:
    return [
        path
        for path in ROOT.glob("**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and "migrations" not in path.parts
    ]


def _gettext_names(sources: list[Path]) -> dict[str, str]:
    """Every name under which the code calls a gettext function: {name: function}."""
    names = {"_": "gettext"}
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                for alias in node.names:
                    if alias.name in KEYWORD_ARGUMENTS:
                        names[alias.asname or alias.name] = alias.name
    return names


def test_the_code_marks_messages_only_with_names_makemessages_extracts():
    """An alias such as `_lazy` hides its messages from `make messages`: nobody translates them."""
    unknown = {
        name: function
        for name, function in _gettext_names(_sources()).items()
        if name not in MAKEMESSAGES_NAMES or (name == "_" and function.startswith(("n", "p")))
    }
    assert not unknown, f"import these under their own names (or as _): {unknown}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_catalogues_hold_every_message_of_the_code(tmp_path, language):
    """xgettext over the code, with every name the code calls gettext by, finds no message that
    the catalogue lacks."""
    pot = tmp_path / "django.pot"
    sources = _sources()
    keywords = [
        f"--keyword={name}{KEYWORD_ARGUMENTS[function]}"
        for name, function in sorted(_gettext_names(sources).items())
    ] + [f"--keyword={name}{arguments}" for name, arguments in KEYWORD_ARGUMENTS.items()]
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", *keywords, "-o", str(pot),
         *[str(path.relative_to(ROOT)) for path in sources]],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    missing = _msgids(pot) - _msgids(catalogue)
    assert not missing, f"run `make messages` and translate: {sorted(missing)[:10]}"
