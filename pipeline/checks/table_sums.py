"""sum (``sum.v2``): a table's total row against the rows above it, column by column.

Earnings releases and statistics tables give a 合計 (or 計, 総計 …) row under their
parts.  In each column, the total cell must equal the sum of the cells above it, back
to the header or the previous total row.  A table with 小計 rows is checked only at
its 小計 rows: its 合計 may sum the 小計s or every row, which the layout does not say.
Percentages add up too in a column of shares of one whole (構成比, シェア, 割合).
Tables are found by ``table_layout``.

``sum.v9`` reads a total column the same way across each row: under a header 合計 (a
決算短信's "| | 第2四半期末 | 期末 | 合計 |" of dividends), the cell must equal the sum of the
cells of its kind and unit to its left; a table with a 小計 column is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from functools import reduce

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import strict
from pipeline.patterns.check_cues import (
    COMPOSITION_WORDS,
    SUBTOTAL_ROW_LABELS,
    TOTAL_ROW_LABELS,
)
from pipeline.table_layout import Cell, header_cell, label_is, locate, tables

RULE = "sum"
_SUMMABLE = {"money", "count", "quantity"}


def _column_sums(
    figures: list[Figure], cells: list[Cell], subtotals: bool, tol: float
) -> list[Finding]:
    """The total rows of one table against the rows above them."""
    totals = SUBTOTAL_ROW_LABELS if subtotals else TOTAL_ROW_LABELS
    by_column: dict[int, list[tuple[Cell, Figure]]] = defaultdict(list)
    for cell, f in zip(cells, figures, strict=True):
        by_column[cell.column].append((cell, f))
    found = []
    for column in by_column.values():
        parts: list[Figure] = []
        for cell, f in column:
            if label_is(cell.label, totals + SUBTOTAL_ROW_LABELS + TOTAL_ROW_LABELS):
                if label_is(cell.label, totals) and len(parts) >= 2:
                    found.append(_verdict(f, parts, tol))
                parts = []
            else:
                parts.append(f)
    return found


def _composition(header: str) -> bool:
    return any(w in header for w in COMPOSITION_WORDS)


def _row_sums(
    text: str, table: int, figures: list[Figure], cells: list[Cell], tol: float
) -> list[Finding]:
    """The total column of one table against the cells to its left, row by row."""
    columns = {c.column for c in cells}
    headers = {column: header_cell(text, table, column) for column in columns}
    if any(label_is(h, SUBTOTAL_ROW_LABELS) for h in headers.values()):
        return []
    totals = [column for column, h in headers.items() if label_is(h, TOTAL_ROW_LABELS)]
    if len(totals) != 1:
        return []
    by_row: dict[int, dict[int, Figure]] = defaultdict(dict)
    for cell, f in zip(cells, figures, strict=True):
        by_row[cell.row][cell.column] = f
    found = []
    for row in by_row.values():
        total = row.get(totals[0])
        if total is None:
            continue
        kind = (total.mention.kind, total.mention.unit)
        parts = [
            f
            for column, f in sorted(row.items())
            if column < totals[0] and (f.mention.kind, f.mention.unit) == kind
        ]
        if len(parts) >= 2:
            found.append(_verdict(total, parts, tol, version=9, where="to its left"))
    return found


def _verdict(
    total: Figure, parts: list[Figure], tol: float, version: int = 2, where: str = "above it"
) -> Finding:
    m = total.mention
    same = all((p.mention.kind, p.mention.unit) == (m.kind, m.unit) for p in parts)
    # a table states every cell to its unit (百万円): trailing zeros are digits
    summed = reduce(lambda a, b: a + b, (strict(p, tol) for p in parts))
    stated = strict(total, tol)
    ok = same and summed.meets(stated)
    expression = " + ".join(written(p) for p in parts)
    return verdict(
        RULE,
        ok,
        [total, *parts],
        f"The table's total {written(total)} (line {m.line}) "
        f"{'equals' if ok else 'does not equal'} the sum of the cells {where}: "
        f"{expression} ({summed} vs {stated} {m.unit or ''}).",
        expected=f"{stated} {m.unit or ''}",
        observed=f"{summed} {m.unit or ''}",
        version=version,
    )


def check_table_sums(ev: Evidence) -> list[Finding]:
    found = []
    for doc_id, figures in ev.figures.items():
        text = ev.texts[doc_id]
        if "|" not in text:
            continue
        layout = tables(text)
        by_table: dict[int, list[tuple[Cell, Figure]]] = defaultdict(list)
        for f in figures:
            m = f.mention
            if m.value is None or (m.kind not in _SUMMABLE and m.unit != "%"):
                continue
            cell = locate(text, layout, m.start)
            if cell is None or cell.column <= 1:  # the first column holds labels
                continue
            # a percentage adds up only as a share of one whole: a 構成比 column
            if m.kind in _SUMMABLE or _composition(header_cell(text, cell.table, cell.column)):
                by_table[cell.table].append((cell, f))
        for table, placed in by_table.items():
            cells, placed_figures = [c for c, _ in placed], [f for _, f in placed]
            subtotals = any(label_is(c.label, SUBTOTAL_ROW_LABELS) for c in cells)
            tol = ev.approx_tolerance
            found += _column_sums(placed_figures, cells, subtotals, tol)
            found += _row_sums(text, table, placed_figures, cells, tol)
    return found
