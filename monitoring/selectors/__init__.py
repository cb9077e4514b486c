"""The figures of information work for a unit (a region or a branch, with its subtree) and a
period. Dashboards and the Анықтама both read them from here, so a figure is computed in one
place. Every selector aggregates in the database in a fixed number of queries, whatever the
amount of data (never one per unit or per year).

- publications: the publication cube, year-over-year tables, authors, completeness, content
- audience: own pages, followers, branches' pages
- figures: everything of a unit and period at once (`unit_figures`)
- national: the regions side by side
- month: a unit's month, for the digest
"""

from monitoring.selectors.audience import BranchPages, Page, own_pages
from monitoring.selectors.figures import Figures, per_hundred, unit_figures
from monitoring.selectors.month import MonthSummary, month_summary
from monitoring.selectors.national import RegionRow, national_figures
from monitoring.selectors.overview import KeyFigure, key_figures, previous_content
from monitoring.selectors.publications import (
    Author,
    CompletenessRow,
    Content,
    CountRow,
    YearTable,
    publications_of,
)

__all__ = [
    "Author",
    "BranchPages",
    "CompletenessRow",
    "Content",
    "CountRow",
    "Figures",
    "KeyFigure",
    "MonthSummary",
    "Page",
    "RegionRow",
    "YearTable",
    "key_figures",
    "month_summary",
    "national_figures",
    "own_pages",
    "per_hundred",
    "previous_content",
    "publications_of",
    "unit_figures",
]
