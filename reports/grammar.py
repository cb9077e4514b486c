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
