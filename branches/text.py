"""Text as people type and paste it: invisible characters out, one Unicode form, one case key."""

import difflib
import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

# Zero-width and direction marks, soft hyphen, BOM: invisible, and they fool duplicate checks.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# Control characters other than tab and newline (NUL is refused by the forms before this).
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[^\S\n]+")


def clean_text(value: str) -> str:
    """NFC, invisible and control characters removed, runs of spaces (NBSP too) made one."""
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub("", _INVISIBLE.sub("", value))
    return _SPACES.sub(" ", value).strip()


def search_key(*parts: str) -> str:
    """The case-folded text a search compares with: «ҚАЗАҚСТАН» and «қазақстан» meet here.

    Kept in a column because SQLite folds only ASCII and PostgreSQL folds by its locale."""
    return clean_text(" ".join(part for part in parts if part)).casefold()


KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_KAZAKH_ORDER = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}


def kazakh_sort_key(text: str) -> tuple:
    """Sorts names in the Kazakh alphabet's order (Ақсуат before Аягөз), Latin after."""
    return tuple(_KAZAKH_ORDER.get(ch, 100 + ord(ch)) for ch in text.casefold())


def format_number(value, decimals: int = 0) -> str:
    """A number the Kazakh way in the active language's format: 12 345, 1,0."""
    from django.utils.formats import number_format

    if value is None:
        return "–"
    # Rounded half up here: number_format alone cuts the digits off (0,98 would show as 0,9).
    value = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_percent(value, decimals: int = 1) -> str:
    """A share as «1,0 %» (a non-breaking space before the sign)."""
    return "–" if value is None else f"{format_number(value, decimals)}\u00a0%"


# Latin letters that look like Cyrillic ones: «Aқсуат» typed with a Latin A is «Ақсуат».
_LOOK_ALIKES = str.maketrans("aeopcxykmthbiABEKMHOPCTXYI", "аеорсхукмтнвіАВЕКМНОРСТХУІ")
_PUNCTUATION = re.compile(r"[«»\"'“”„()\[\].,;:!?]+")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A name as matched: case, spacing, quotes and Latin/Cyrillic look-alikes folded."""
    text = search_key(str(text)).translate(_LOOK_ALIKES).replace("ё", "е")
    return re.sub(r"\s+", " ", _PUNCTUATION.sub(" ", text)).strip()


class NameIndex:
    """Records by every name they go by; a name two records share matches neither."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[Any]] = {}
        self.shown: dict[str, str] = {}

    def add(self, record: Any, *names: str) -> None:
        for name in names:
            key = fold(name) if name else ""
            if key:
                self.by_key.setdefault(key, set()).add(record)
                self.shown.setdefault(key, name)

    def all(self) -> set[Any]:
        return {record for records in self.by_key.values() for record in records}

    def get(self, name: str) -> Any | None:
        found = self.by_key.get(fold(name), set())
        return next(iter(found)) if len(found) == 1 else None

    def nearest(self, name: str) -> list[str]:
        matches = difflib.get_close_matches(fold(name), list(self.by_key), n=3, cutoff=0.6)
        return [self.shown[m] for m in matches]
