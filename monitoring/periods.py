"""The period a dashboard or a report covers: a year, or a year up to an as-of date, compared
with the same span of the year before and with the whole of earlier years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _


def _same_day_a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Period:
    year: int
    as_of: date | None = None  # None: the whole year

    def __post_init__(self) -> None:
        if self.as_of is not None and self.as_of.year != self.year:
            raise ValueError("as_of must fall in the period's year")

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return self.as_of or date(self.year, 12, 31)

    @property
    def is_partial(self) -> bool:
        return self.as_of is not None and self.as_of != date(self.year, 12, 31)

    @property
    def previous(self) -> Period:
        """The same span of the year before."""
        as_of = _same_day_a_year_before(self.as_of) if self.as_of else None
        return Period(self.year - 1, as_of)

    @property
    def months(self) -> list[int]:
        return list(range(1, self.end.month + 1))

    def query(self) -> dict[str, str]:
        """The period as URL parameters (for links that keep it)."""
        params = {"year": str(self.year)}
        if self.as_of:
            params["as_of"] = self.as_of.isoformat()
        return params


FIRST_YEAR = 2000  # the earliest year a dashboard or report may be asked for


def period_parse(*, year: str | None, as_of: str | None) -> Period:
    """A period from URL parameters: the year (this year when missing) and an optional as-of
    date inside it (this year: today when missing). A year that is not a number, or an as-of
    that is not a date of that year, is a 400 with a message in the user's language; a year
    before FIRST_YEAR or after this one is a 404."""
    today = timezone.localdate()
    year = (year or "").strip()
    if not year:
        chosen = today.year
    elif year.isascii() and year.isdigit() and len(year) <= 4:
        chosen = int(year)
    else:
        raise BadRequest(_("The year must be a number such as 2024."))
    if not FIRST_YEAR <= chosen <= today.year:
        raise Http404(_("There is no such year in the portal."))
    end = None
    if as_of:
        try:
            end = date.fromisoformat(as_of.strip())
        except ValueError:
            raise BadRequest(
                _("“%(value)s” is not a date; write the as-of date as 2024-09-01.")
                % {"value": as_of[:40]}
            ) from None
        if end.year != chosen:
            raise BadRequest(
                _("The as-of date %(date)s is not in %(year)s.")
                % {"date": end.strftime("%d.%m.%Y"), "year": chosen}
            )
    if end is None and chosen == today.year:
        end = today
    if end is not None and end == date(chosen, 12, 31):
        end = None
    return Period(chosen, end)


def month_end(day: date) -> date:
    """The last day of the day's month."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)
