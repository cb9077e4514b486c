"""The report's wording in Project Fluent files (`reports/messages/{kk,ru}.ftl`): a translator
edits the sentences, their word forms and CLDR plurals there without touching code; the code
only chooses what to say and hands over the figures, formatted the report's way."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

FILES = Path(__file__).parent / "messages"


@cache
def _bundle(language: str) -> FluentBundle:
    bundle = FluentBundle([language], use_isolating=False)
    bundle.add_resource(FluentResource((FILES / f"{language}.ftl").read_text(encoding="utf-8")))
    return bundle


def say(language: str, message_id: str, **args) -> str:
    """One message in Kazakh («kk») or Russian («ru»), its lines joined into one paragraph."""
    bundle = _bundle("ru" if language == "ru" else "kk")
    message = bundle.get_message(message_id)
    # Words handed over (staff's titles, names) stay as they were written: only the message's
    # own line breaks are joined.
    words = {name: value for name, value in args.items()
             if isinstance(value, str) and re.search(r"\n|  |^ | $", value)}  # fmt: skip
    marks = {name: f"\x00{index}\x00" for index, name in enumerate(words)}
    text, errors = bundle.format_pattern(message.value, {**args, **marks})
    if errors:
        raise ValueError(f"{message_id}: {errors}")
    text = re.sub(r"[ \n]+", " ", text).strip()  # a non-breaking space stays
    for name, mark in marks.items():
        text = text.replace(mark, words[name])
    return text
