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
    value_font_size=11,
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
}


def _uri(chart) -> str:
    # pygal's own render_data_uri() breaks without the XML declaration; encode it here.
    # pygal always writes an inline script of its settings: a picture needs none of it.
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _legend_room(series: int, labels: list[str] | None = None) -> dict:
    """Room under the plot for a legend of `series` entries, two to a line, or one where a
    name is long (names of units and outlets fit whole), and the empty chart's words in the
    reader's language."""
    columns = 1 if labels and max(len(label) for label in labels) > 45 else 2
    lines = max(1, -(-series // columns))
    return {
        "height": CONFIG["height"] + 24 * (lines - 1),
        "legend_at_bottom_columns": columns,
        "truncate_legend": -1,
        "no_data_text": _("No data"),
    }


def chart_year_table(table: YearTable, *, title: str, label) -> str:
    """Grouped bars: one group per year, one bar per row of the table."""
    labels = [str(label(row.key)) for row in table.rows]
    chart = pygal.Bar(title=title, **{**CONFIG, **_legend_room(len(table.rows), labels)})
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


def chart_topics(content: Content, *, title: str) -> str:
    """One bar per topic, named on the axis (no legend to read across)."""
    chart = pygal.HorizontalBar(
        title=title, **{**CONFIG, "show_legend": False, "no_data_text": _("No data")}
    )
    topics = content.topic_shares()  # the items whose topic is known
    chart.x_labels = [str(label) for _code, label, _count, _share in topics]
    chart.add(title, [count or None for _code, _label, count, _share in topics])
    return _uri(chart)


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
