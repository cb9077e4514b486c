"""Every Kazakh and Russian message is translated: none missing, none fuzzy, and the catalogues
hold every message the code has (`make messages` run after the last change)."""

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


def test_the_catalogues_hold_every_message_of_the_code(tmp_path):
    """xgettext over the code finds no message that the Kazakh catalogue lacks."""
    pot = tmp_path / "django.pot"
    sources = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and "migrations" not in path.parts
    ]
    subprocess.run(
        [
            "xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_lazy",
            "--keyword=pgettext_lazy:1c,2", "--keyword=pgettext:1c,2", "--keyword=_",
            "--keyword=gettext", "--keyword=ngettext:1,2", "--keyword=ngettext_lazy:1,2",
            "-o", str(pot), *sources,
        ],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    missing = _msgids(pot) - _msgids(ROOT / "locale" / "kk" / "LC_MESSAGES" / "django.po")
    assert not missing, f"run `make messages` and translate: {sorted(missing)[:10]}"
