"""What a sentence about numbers needs: Russian plural forms (1 материал, 2 материала,
5 материалов), month names in the cases the report uses, and lists. (Kazakh nouns after a
number stay singular, «48 материал», so Kazakh needs no plural rule; the report's Kazakh
sentences put case endings on nouns, never on numbers.)"""

from __future__ import annotations


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


# Russian names of organizations in the cases the report needs. Only the words before the
# first noun change (and that noun): «Абайская областная организация профсоюза» →
# «Абайской областной организации профсоюза»; what follows stays as it is.
_RU_ADJECTIVE = {
    "genitive": (("ская", "ской"), ("ная", "ной"), ("ая", "ой"), ("ий", "ого"), ("ый", "ого"),
                 ("ой", "ого")),
    "prepositional": (("ская", "ской"), ("ная", "ной"), ("ая", "ой"), ("ий", "ом"), ("ый", "ом"),
                      ("ой", "ом")),
}  # fmt: skip
_RU_NOUN = {
    "genitive": (("ия", "ии"), ("ие", "ия"), ("а", "ы"), ("о", "а")),
    "prepositional": (("ия", "ии"), ("ие", "ии"), ("а", "е"), ("о", "е")),
}


def ru_case(name: str, case: str) -> str:
    """A Russian organization name in the genitive or prepositional case."""
    words = name.split(" ")
    for index, word in enumerate(words):
        lower = word.lower()
        adjective = next(((end, new) for end, new in _RU_ADJECTIVE[case] if lower.endswith(end)),
                         None)  # fmt: skip
        if adjective and len(word) > 3:
            words[index] = word[: -len(adjective[0])] + adjective[1]
            continue
        noun = next(((end, new) for end, new in _RU_NOUN[case] if lower.endswith(end)), None)
        if noun:
            words[index] = word[: -len(noun[0])] + noun[1]
        elif lower[-1:].isalpha() and lower[-1] not in "ьйяеёиоуыэю":
            words[index] = word + ("а" if case == "genitive" else "е")
        break
    return " ".join(words)


def ru_plural_after(number: float, one: str, few: str, many: str) -> str:
    """The noun after a number that may have a fraction: «1,5 подписчика»."""
    if number != int(number):
        return few
    return ru_plural(int(number), one, few, many)


# Words that open a unit's name without being a proper name: lower-cased inside a sentence.
COMMON_OPENINGS = {"облыстық", "қалалық", "аудандық", "тікелей", "бастауыш", "областной",
                   "городской", "районный", "первичные"}  # fmt: skip


def inline_label(label: str) -> str:
    """A unit's label inside a sentence: «облыстық кәсіподақ комитеті», but «Ақсуат»."""
    first = label.split(" ", 1)[0].lower()
    return label[:1].lower() + label[1:] if first in COMMON_OPENINGS else label
