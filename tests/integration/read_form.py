"""Reads a form workbook with openpyxl, a reader that owes nothing to ddci,
and prints for each visible sheet its cells (value, locked), its data
validations (cells and choices) and whether the sheet is protected, as JSON
for the form tests."""

import json
import sys

import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1])
sheets = {}
for sheet in workbook.worksheets:
    if sheet.sheet_state != "visible":
        continue
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            cells[cell.coordinate] = {
                "value": None if cell.value is None else str(cell.value),
                "locked": bool(cell.protection.locked),
            }
    validations = []
    for validation in sheet.data_validations.dataValidation:
        validations.append(
            {
                "cells": str(validation.sqref),
                "type": validation.type,
                "choices": validation.formula1,
            }
        )
    sheets[sheet.title] = {
        "protected": bool(sheet.protection.sheet),
        "cells": cells,
        "validations": validations,
    }
json.dump(
    {"sheets": sheets, "structure_locked": bool(workbook.security and workbook.security.lockStructure)},
    sys.stdout,
    ensure_ascii=False,
)
