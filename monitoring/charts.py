"""Charts drawn on the server as SVG (pygal), with Kazakh labels and numbers written the
Kazakh way; no JavaScript. The same code draws the dashboards' charts and the report's."""

from __future__ import annotations

import base64
import re
from datetime import date

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from branches.text import format_number
from monitoring.selectors import Content, YearTable

SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)
STYLE = Style(
    font_family="DejaVu Sans, sans-serif",
    background="white",
    plot_background="white",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    colors=("#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#6c757d"),
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=12,
    value_font_size=12,
    title_font_size=14,
)
CONFIG = {
    "style": STYLE,
    "js": [],  # no script: the chart is a picture, readable without JavaScript and in the PDF
    "disable_xml_declaration": True,
    "width": 720,
    "height": 320,
    "legend_at_bottom": True,
    "legend_at_bottom_columns": 4,
    "print_values": True,
    "value_formatter": lambda value: format_number(value),
    "margin": 12,
    # pygal puts a bottom legend below the drawing's edge without this room.
    "margin_bottom": 36,
    # Names in full: a legend entry cut to "Ради…" reads as nothing.
    "truncate_legend": -1,
    "truncate_label": -1,
}
# Dashboards show charts at their drawn size on a 1280-pixel screen, so a 12-pixel label is
# 12 pixels there (the report's PDF takes CONFIG's size).
WIDE = {"width": 1100, "height": 340, "legend_at_bottom_columns": 6}
HALF = {"width": 540, "height": 340}


def _uri(chart) -> str:
    # pygal's own render_data_uri() breaks without the XML declaration; encode it here.
    # pygal always writes an inline script of its settings: a picture needs none of it.
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _legend_room(series: int, size: dict | None = None, labels: list[str] | None = None) -> dict:
    """Room under the plot for a legend of `series` entries, so many to a line (one where a name
    is long: names of units and outlets fit whole), and the empty chart's words in the
    reader's language."""
    size = {**CONFIG, **(size or {})}
    long = labels and max(len(label) for label in labels) > 45
    columns = 1 if long else size["legend_at_bottom_columns"]
    lines = max(1, -(-series // columns))
    return {
        "height": size["height"] + 30 * (lines - 1),
        "legend_at_bottom_columns": columns,
        "truncate_legend": -1,
        "no_data_text": _("No data"),
    }


def chart_year_table(table: YearTable, *, title: str, label, size: dict | None = None) -> str:
    """Grouped bars: one group per year, one bar per row of the table."""
    labels = [str(label(row.key)) for row in table.rows]
    chart = pygal.Bar(
        title=title, **{**CONFIG, **(size or {}), **_legend_room(len(table.rows), size, labels)}
    )
    chart.x_labels = [str(year) for year in table.years]
    for row in table.rows:
        chart.add(label(row.key), [row.by_year.get(year) or None for year in table.years])
    return _uri(chart)


def chart_followers(history: dict, *, title: str) -> str | None:
    """Followers of each page over time (pages with at least one count)."""
    series = {page: points for page, points in history.items() if points}
    if not series:
        return None
    chart = pygal.DateLine(
        title=title,
        x_value_formatter=lambda day: day.strftime("%m.%Y"),
        **{
            **CONFIG,
            **_legend_room(len(series)),
            "print_values": False,
            "dots_size": 3,
            "show_dots": max(len(points) for points in series.values()) <= 12,
        },
    )
    for page, points in series.items():
        chart.add(page.name, [(day, followers) for day, followers in points])
    return _uri(chart)


def chart_topics(content: Content, *, title: str, size: dict | None = None) -> str:
    """One bar per topic, named on the axis (no legend to read across)."""
    chart = pygal.HorizontalBar(
        title=title,
        **{**CONFIG, **(size or {}), "show_legend": False, "no_data_text": _("No data")},
    )
    topics = content.topic_shares()  # the items whose topic is known
    chart.x_labels = [str(label) for _code, label, _count, _share in topics]
    chart.add(title, [count or None for _code, _label, count, _share in topics])
    return _uri(chart)


def chart_months(rows, *, months: list[int], title: str, size: dict | None = None) -> str | None:
    """Stacked bars: one per month of the period, one colour per platform."""
    if not rows:
        return None
    chart = pygal.StackedBar(
        title=title, **{**CONFIG, **(size or {}), **_legend_room(len(rows), size)}
    )
    chart.x_labels = [f"{month:02d}" for month in months]
    for row in rows:
        chart.add(row.platform.label, [row.by_month.get(month) or None for month in months])
    return _uri(chart)


SPARK = Style(
    background="transparent",
    plot_background="transparent",
    colors=("#1d4e89",),
    stroke_opacity=1,
)


def sparkline(values: list[float]) -> str | None:
    """A small line of a figure's history, for a card; none for fewer than two points."""
    if len(values) < 2:
        return None
    chart = pygal.Line(style=SPARK, js=[], disable_xml_declaration=True, show_dots=False, fill=True)
    chart.add("", values)
    svg = SCRIPT.sub("", chart.render_sparkline(width=160, height=36, is_unicode=True))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def chart_title(name: str, until: date | None = None) -> str:
    return (
        name
        if until is None
        else _("%(name)s (as of %(date)s)")
        % {
            "name": name,
            "date": until.strftime("%d.%m.%Y"),
        }
    )


def _shortened(text: str, most: int = 18) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def chart_league(rows, *, title: str) -> str | None:
    """One bar per ranked region: its score out of 100, best first."""
    ranked = [row for row in rows if row.score is not None]
    if not ranked:
        return None
    chart = pygal.HorizontalBar(
        title=title,
        **{
            **CONFIG,
            "width": 300,
            "height": 70 + 30 * len(ranked),
            "show_legend": False,
            "range": (0, 100),
            "y_labels": [0, 50, 100],
            "margin_bottom": 12,
            "value_formatter": lambda value: format_number(value, 0),
        },
    )
    # pygal draws the first label at the bottom: list the best last so it stands on top.
    ordered = list(reversed(ranked))
    # The names are in the table beside: the start of each is enough to find it there.
    chart.x_labels = [_shortened(f"{row.rank}. {row.region.proper_name}") for row in ordered]
    chart.add(title, [row.score for row in ordered])
    return _uri(chart)
