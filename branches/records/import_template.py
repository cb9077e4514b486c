"""The import template: headers in the user's language, the user's own choices as drop-down
lists, and a second sheet with the instructions and an example that is never imported."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import openpyxl
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from branches.records.excel import xlsx_safe

if TYPE_CHECKING:
    from branches.records.imports import Importer

TEMPLATE_LIST_ROWS = 1000
LISTS_SHEET = "Тізімдер"  # hidden: the drop-down lists' values (never read as data)


def import_template(*, importer: Importer) -> bytes:
    """The template: headers in the user's language over an empty list (or the current one),
    drop-down lists of the user's own resources, units and choices, and a second sheet with
    the instructions and an example, which the import never reads."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("List")
    sheet.append([column.name for column in importer.columns])
    for row in importer.template_rows():
        sheet.append([xlsx_safe(value) for value in row])
    for index, column in enumerate(importer.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.name) + 4))
    choices = importer.template_choices()
    if choices:
        lists = workbook.create_sheet(LISTS_SHEET)
        lists.sheet_state = "hidden"
        keys = [c.key for c in importer.columns]
        for list_index, (key, values) in enumerate(choices.items(), start=1):
            if key not in keys or not values:
                continue
            list_letter = get_column_letter(list_index)
            for row, value in enumerate(values, start=1):
                lists.cell(row=row, column=list_index, value=xlsx_safe(str(value)))
            validation = DataValidation(
                type="list",
                formula1=f"={LISTS_SHEET}!${list_letter}$1:${list_letter}${len(values)}",
                allow_blank=True,
                showErrorMessage=False,  # a name typed another way is still matched on import
            )
            target = get_column_letter(keys.index(key) + 1)
            validation.add(f"{target}2:{target}{TEMPLATE_LIST_ROWS + 1}")
            sheet.add_data_validation(validation)
    instructions = workbook.create_sheet(_("Instructions"))
    for line in TEMPLATE_INSTRUCTIONS:
        instructions.append([str(line)])
    instructions.append([])
    instructions.append([str(_("Example (not imported):"))])
    instructions.append([column.name for column in importer.columns])
    if importer.template_example:
        instructions.append([xlsx_safe(value) for value in importer.template_example])
    instructions.column_dimensions["A"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TEMPLATE_INSTRUCTIONS = (
    gettext_lazy("Fill in the first sheet, one row per record; this sheet is never imported."),
    gettext_lazy(
        "Columns marked as required in the portal must be filled in; pick a resource and a "
        "unit from the drop-down list (names typed another way are matched too)."
    ),
    gettext_lazy(
        "Dates: 01.09.2024, 1 қыркүйек 2024, 1 сентября 2024 or an Excel date; the day comes first."
    ),
    gettext_lazy("Numbers: 1200, 1 200 or 1,2 мың; leave a cell empty or write «-» if unknown."),
    gettext_lazy(
        "Addresses: paste them as they are; the phone version, tracking parameters and a final "
        "«/» do not make a post new."
    ),
    gettext_lazy(".xlsx, .xls, .ods and .csv are accepted; rows already recorded are skipped."),
)
