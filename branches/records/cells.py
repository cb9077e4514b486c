"""Cell parsers of the imports: each returns the value or raises CellError with the reason,
in the user's language. They take what people type: dates in many forms and in Kazakh and
Russian words, numbers with spaces and «мың», choices by abbreviation."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from branches.text import clean_text

EXCEL_EPOCH = date(1899, 12, 30)
MAX_INTEGER = 2_147_483_647


class CellError(Exception):
    """A cell's value is wrong; the message says why, in the user's language."""


# Cell parsers: each returns the value or raises CellError with the reason.


def parse_text(value: Any, *, required: bool, max_length: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if "\x00" in text:
        raise CellError(_("Null characters are not allowed."))
    text = clean_text(text)
    if required and not text:
        raise CellError(_("This cell must be filled in."))
    if len(text) > max_length:
        raise CellError(
            _("At most %(limit)s characters (this has %(length)s).")
            % {"limit": max_length, "length": len(text)}
        )
    return text


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
EARLIEST = date(2000, 1, 1)
# Day first, as Kazakhstan writes dates: «3/12/2024» is 3 December.
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")


def parse_date(value: Any) -> date:
    """A date from an Excel date or datetime, a serial number (also typed as text), or text:
    d.m.yyyy, d.m.yy, d/m/yyyy (day first), ISO, with or without a time, and Kazakh, Russian
    or English month names. Before 2000 is refused: such a date is a typing slip."""
    parsed = _date(value)
    if parsed < EARLIEST:
        raise CellError(
            _("The date %(date)s is before 2000: check the year.")
            % {"date": parsed.strftime("%d.%m.%Y")}
        )
    return parsed


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value)
    text = clean_text(str(value or ""))
    if not text:
        raise CellError(_("This cell must be filled in."))
    if _SERIAL.match(text):
        return _serial(float(text.replace(",", ".")))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    parsed = _dateparser(text)
    if parsed is None:
        raise CellError(
            _("This date was not understood; write it as 01.09.2024 or 1 қыркүйек 2024.")
        )
    return parsed


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import: only when a date is not in a plain form

    if re.fullmatch(r"[\d\s./-]+", text) and len(re.findall(r"\d+", text)) == 3:
        day, month, _year = (int(p) for p in re.findall(r"\d+", text))
        if month > 12 or day > 31 or not (month >= 1 and day >= 1):
            return None
    parsed = dateparser.parse(text, languages=["kk", "ru", "en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def _serial(value: float) -> date:
    if 1 <= value < 2958466:  # Excel's serial day numbers, 1900-based
        return EXCEL_EPOCH + timedelta(days=int(value))
    raise CellError(_("Not a date."))


EMPTY_MARKS = {"-", "—", "–", "−", "n/a", "н/д", "нет данных"}
_MULTIPLIERS = {
    "k": 1_000,
    "к": 1_000,
    "мың": 1_000,
    "мын": 1_000,
    "тыс": 1_000,
    "тыс.": 1_000,
    "m": 1_000_000,
    "млн": 1_000_000,
    "млн.": 1_000_000,
}
_NUMBER_WITH_UNIT = re.compile(r"^([\d.,]+)\s*([^\d\s]+)?$")


def parse_count(value: Any) -> int | None:
    """A whole number, 0 or more: «12 345», «1,2 мың», «1.2K»; empty, «-» or «—» is None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = clean_text(value)
        if not text or text.casefold() in EMPTY_MARKS:
            return None
    if isinstance(value, bool):
        raise CellError(_("Not a whole number."))
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).casefold()
        match = _NUMBER_WITH_UNIT.match(text)
        multiplier = 1
        if match and match.group(2):
            multiplier = _MULTIPLIERS.get(match.group(2), 0)
            text = match.group(1)
        if not match or not multiplier:
            raise CellError(_("Not a whole number."))
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) and multiplier == 1:
            text = re.sub(r"[.,]", "", text)  # «1,200» or «1.200»: thousands
        try:
            number = Decimal(text.replace(",", ".")) * multiplier
        except InvalidOperation:
            raise CellError(_("Not a whole number.")) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(_("Not a whole number."))
    if number < 0:
        raise CellError(_("Cannot be negative."))
    if number > MAX_INTEGER:
        raise CellError(_("The number is too large."))
    return int(number)


YES = {"иә", "ия", "иа", "да", "д", "yes", "y", "1", "true", "+", "ok", "✓", "✔", "x", "х", "v"}
NO = {"жоқ", "жок", "нет", "н", "no", "n", "0", "false", "-", "—", "–", ""}


def parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = clean_text(str(value)).casefold()
    if isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else text
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("Write «иә» or «жоқ»."))


def parse_choice(value: Any, choices_class, *, default: str) -> str:
    """A choice by its code or its Kazakh, Russian or English label."""
    text = clean_text(str(value or "")).casefold().strip(" .")
    if not text or text in EMPTY_MARKS:
        return default
    lookup = _choice_lookup(choices_class)
    if text in lookup:
        return lookup[text]
    # An abbreviation: «қаз», «рус», «құқ» — the start of exactly one label.
    starts = {code for label, code in lookup.items() if len(text) >= 3 and label.startswith(text)}
    if len(starts) == 1:
        return starts.pop()
    labels = ", ".join(f"«{label}»" for _code, label in choices_class.choices)
    raise CellError(_("Not one of: %(options)s.") % {"options": labels})


# Labels the catalogues used before the vocabulary was made one (issue 16): files filled in
# with them still import.
FORMER_LABELS = {
    "каз": "kk",
    "казахский": "kk",
    "қазақ": "kk",
    "қазақ тілі": "kk",
    "қазақ тілінде": "kk",
    "kaz": "kk",
    "орыс": "ru",
    "орыс тілі": "ru",
    "орыс тілінде": "ru",
    "рус": "ru",
    "русский": "ru",
    "rus": "ru",
    "бейне": "video",
    "правовая": "legal",
    "организационная": "organizational",
    "социально-экономическая": "socioeconomic",
    "молодёжная": "youth",
    "другая": "other",
}


@functools.cache
def _choice_lookup(choices_class) -> dict[str, str]:
    lookup = {label: code for label, code in FORMER_LABELS.items() if code in choices_class.values}
    for code, _label in choices_class.choices:
        lookup[str(code).casefold()] = code
        for language in ("kk", "ru", "en"):
            with translation.override(language):
                lookup[str(choices_class(code).label).casefold()] = code
    return lookup


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)
