"""Query parameters into range: a page of a table, its size, and the filter forms. A value that
makes no sense gives the default (page, size) or a 400 page that says what was wrong."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig, Table

MAX_PER_PAGE = 200


def _positive(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number >= 1 else None


def per_page_parse(request: HttpRequest, *, default: int) -> int:
    """The table's page size: at most MAX_PER_PAGE; nonsense (-1, abc) gives the default."""
    return min(_positive(request.GET.get("per_page")) or default, MAX_PER_PAGE)


def table_configure(request: HttpRequest, table: Table, *, per_page: int) -> Table:
    """Sort the table as asked and show the page asked for, of a bounded size (a page past the
    end shows the last one)."""
    RequestConfig(request, paginate=False).configure(table)
    size = per_page_parse(request, default=per_page)
    page = _positive(request.GET.get("page")) or 1
    try:
        table.paginate(page=page, per_page=size)
    except EmptyPage:
        table.paginate(page=table.paginator.num_pages, per_page=size)
    return table


def filters_check(filterset) -> None:
    """A filter given a value it cannot take (year 10000, id abc) is a 400 that names it."""
    if filterset.is_bound and not filterset.form.is_valid():
        form = filterset.form
        fields = ", ".join(
            f"«{getattr(form.fields.get(name), 'label', None) or name}»" for name in form.errors
        )
        raise BadRequest(
            _("A filter has a value it cannot take: %(fields)s. Change it and try again.")
            % {"fields": fields}
        )
