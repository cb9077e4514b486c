"""Numbers the Kazakh way, and links from a figure to the records behind it."""

from datetime import date
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from branches.text import format_number, format_percent

register = template.Library()


@register.filter
def number(value, decimals=0):
    return format_number(value, int(decimals))


@register.filter
def percent(value, decimals=1):
    return format_percent(value, int(decimals))


@register.filter
def signed(value, decimals=0):
    """A change: +3, −2, 0 (or +1,5 with one decimal)."""
    if value is None:
        return "–"
    if value > 0:
        return f"+{format_number(value, int(decimals))}"
    if value < 0:
        return f"\u2212{format_number(-value, int(decimals))}"
    return "0"


@register.simple_tag
def records_url(period=None, span="current", year=None, filters=None, **more) -> str:
    """The publications list filtered to a figure: a unit, platform, resource, topic… and the
    dates it counts (the period, the previous span, or one year up to the period's end)."""
    chosen = {**more, **(filters or {})}  # the row's own filters win over the page's defaults
    params = {k: getattr(v, "pk", v) for k, v in chosen.items() if v not in ("", None)}
    if period is not None:
        if year is not None:
            start = date(int(year), 1, 1)
            end = period.end if int(year) == period.year else date(int(year), 12, 31)
        else:
            chosen = period if span == "current" else period.previous
            start, end = chosen.start, chosen.end
        params["published_from"] = start.isoformat()
        params["published_to"] = end.isoformat()
    return f"{reverse('publications:list')}?{urlencode(params)}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0) if mapping else 0


@register.filter
def percent_of(part, whole):
    """«1,0 %» of `whole`; a dash when there is nothing to divide by."""
    return format_percent(100 * part / whole if whole else None)
