"""What a sentence about numbers needs in Kazakh and Russian: case endings that follow how a
number is read (3-ке, 20-ға), Russian plural forms (1 материал, 2 материала, 5 материалов),
month names, and lists."""

from __future__ import annotations

# The word a number ends with when read aloud, and the endings it takes.
# word: (dative -ға/-ге/-қа/-ке, locative -да/-де/-та/-те)
_ENDINGS = {
    "нөл": ("ге", "де"), "бір": ("ге", "де"), "екі": ("ге", "де"), "үш": ("ке", "те"),
    "төрт": ("ке", "те"), "бес": ("ке", "те"), "алты": ("ға", "да"), "жеті": ("ге", "де"),
    "сегіз": ("ге", "де"), "тоғыз": ("ға", "да"), "он": ("ға", "да"), "жиырма": ("ға", "да"),
    "отыз": ("ға", "да"), "қырық": ("қа", "та"), "елу": ("ге", "де"), "алпыс": ("қа", "та"),
    "жетпіс": ("ке", "те"), "сексен": ("ге", "де"), "тоқсан": ("ға", "да"), "жүз": ("ге", "де"),
    "мың": ("ға", "да"), "миллион": ("ға", "да"),
}  # fmt: skip
_UNITS = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]


def kk_last_word(number: int) -> str:
    """The word a whole number ends with in Kazakh: 25 116 → «алты», 20 → «жиырма»."""
    number = abs(int(number))
    if number == 0:
        return "нөл"
    if number % 10:
        return _UNITS[number % 10]
    if number % 100:
        return _TENS[(number // 10) % 10]
    if number % 1000:
        return "жүз"
    if number % 1_000_000:
        return "мың"
    return "миллион"


def kk_dative(number: int, shown: str | None = None) -> str:
    """«3-ке», «20-ға», «40-қа»: the number in the dative case."""
    return f"{shown or number}-{_ENDINGS[kk_last_word(number)][0]}"


def kk_locative(number: int, shown: str | None = None) -> str:
    """«2023 жылы» needs none; «5-те», «9-да»: the number in the locative case."""
    return f"{shown or number}-{_ENDINGS[kk_last_word(number)][1]}"


def ru_plural(number: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after a number: 1 материал, 2 материала, 5 материалов."""
    number = abs(int(number))
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


KK_MONTHS_ABLATIVE = [
    "қаңтарынан", "ақпанынан", "наурызынан", "сәуірінен", "мамырынан", "маусымынан",
    "шілдесінен", "тамызынан", "қыркүйегінен", "қазанынан", "қарашасынан", "желтоқсанынан",
]  # fmt: skip
RU_MONTHS_GENITIVE = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
]  # fmt: skip


def join(items: list[str], *, language: str) -> str:
    """«A, B және C» / «A, B и C»."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    conjunction = " және " if language == "kk" else " и "
    return ", ".join(items[:-1]) + conjunction + items[-1]
