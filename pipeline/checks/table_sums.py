"""sum (``sum.v2``): a table's total row against the rows above it, column by column.

Earnings releases and statistics tables give a 合計 (or 計, 総計 …) row under their
parts.  In each column, the total cell must equal the sum of the cells above it, back
to the header or the previous total row.  A table with 小計 rows is checked only at
its 小計 rows: its 合計 may sum the 小計s or every row, which the layout does not say.
Tables are the markdown tables that markdown sources and trafilatura's HTML give: lines
that start and end with "|".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import reduce
from typing import NamedTuple

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, written
from pipeline.checks.intervals import strict
from pipeline.patterns.check_cues import SUBTOTAL_ROW_LABELS, TOTAL_ROW_LABELS
from schemas.vocab import Status

RULE = "sum"
_SUMMABLE = {"money", "count", "quantity"}
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|[\s:|-]+\|\s*$")


class _Cell(NamedTuple):
    table: int  #: where the table's first line starts
    column: int  #: how many "|" stand before it on its line
    label: str  #: the row's first cell


class _Table(NamedTuple):
    start: int
    end: int
    #: where the rows under the header start (after the |---| line)
    body: int


def _tables(text: str) -> list[_Table]:
    """Every markdown table of a text: runs of lines that start and end with "|"."""
    found: list[_Table] = []
    start = body = -1
    at = 0
    for line in text.splitlines(keepends=True):
        if _ROW.match(line):
            if start < 0:
                start = body = at
            if _SEPARATOR.match(line) and body == start:
                body = at + len(line)
        elif start >= 0:
            found.append(_Table(start, at, body))
            start = -1
        at += len(line)
    if start >= 0:
        found.append(_Table(start, at, body))
    return found


def _cell(text: str, tables: list[_Table], starts: list[int], offset: int) -> _Cell | None:
    """Where in a table's body a figure stands, or None outside table bodies."""
    k = bisect_right(starts, offset) - 1
    if k < 0 or not tables[k].body <= offset < tables[k].end:
        return None
    row = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    label = text[row : end if end >= 0 else len(text)].strip().strip("|").split("|")[0]
    return _Cell(tables[k].start, text.count("|", row, offset), label.strip())


def _is_total(label: str, labels: tuple[str, ...]) -> bool:
    return label.replace(" ", "").startswith(labels)


def _column_sums(
    figures: list[Figure], cells: list[_Cell], subtotals: bool, tol: float
) -> list[Finding]:
    """The total rows of one table against the rows above them."""
    totals = SUBTOTAL_ROW_LABELS if subtotals else TOTAL_ROW_LABELS
    by_column: dict[int, list[tuple[_Cell, Figure]]] = defaultdict(list)
    for cell, f in zip(cells, figures, strict=True):
        by_column[cell.column].append((cell, f))
    found = []
    for column in by_column.values():
        parts: list[Figure] = []
        for cell, f in column:
            if _is_total(cell.label, totals + SUBTOTAL_ROW_LABELS + TOTAL_ROW_LABELS):
                if _is_total(cell.label, totals) and len(parts) >= 2:
                    found.append(_verdict(f, parts, tol))
                parts = []
            else:
                parts.append(f)
    return found


def _verdict(total: Figure, parts: list[Figure], tol: float) -> Finding:
    m = total.mention
    same = all((p.mention.kind, p.mention.unit) == (m.kind, m.unit) for p in parts)
    # a table states every cell to its unit (百万円): trailing zeros are digits
    summed = reduce(lambda a, b: a + b, (strict(p, tol) for p in parts))
    stated = strict(total, tol)
    ok = same and summed.meets(stated)
    expression = " + ".join(written(p) for p in parts)
    return finding(
        RULE,
        Status.PASS if ok else Status.FAIL,
        [total, *parts],
        f"The table's total {written(total)} (line {m.line}) "
        f"{'equals' if ok else 'does not equal'} the sum of the cells above it: "
        f"{expression} ({summed} vs {stated} {m.unit or ''}).",
        expected=f"{stated} {m.unit or ''}",
        observed=f"{summed} {m.unit or ''}",
        version=2,
    )


def check_table_sums(ev: Evidence) -> list[Finding]:
    found = []
    for doc_id, figures in ev.figures.items():
        text = ev.texts[doc_id]
        if "|" not in text:
            continue
        layout = _tables(text)
        starts = [t.start for t in layout]
        tables: dict[int, list[tuple[_Cell, Figure]]] = defaultdict(list)
        for f in figures:
            if f.mention.kind not in _SUMMABLE or f.mention.value is None:
                continue
            cell = _cell(text, layout, starts, f.mention.start)
            if cell is not None and cell.column > 1:  # the first column holds labels
                tables[cell.table].append((cell, f))
        for placed in tables.values():
            cells = [c for c, _ in placed]
            subtotals = any(_is_total(c.label, SUBTOTAL_ROW_LABELS) for c in cells)
            found += _column_sums([f for _, f in placed], cells, subtotals, ev.approx_tolerance)
    return found
