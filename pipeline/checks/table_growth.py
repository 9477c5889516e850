"""growth (``growth.v3``, ``growth.v4``, ``growth.v5``): a table's change-rate column (and
its difference column) against the period columns it compares.

"| セグメント | 2024年3月期 | 2025年3月期 | 増減率 |": in each row the rate must meet
(later / earlier − 1) × 100, the two columns being the ones whose headers name the
earliest and the latest period.  A 前年比 column may also give the later figure as a
share of the earlier (108.3%); either reading is accepted and the check says which.
Rows whose three cells are not all figures are not checked.

``growth.v5`` reads a table the other way round, as a 業績予想の修正 gives it: rows (A) and
(B), a difference row (B－A) and a rate row, checked column by column.

``growth.v6`` reads a 決算短信's results table, whose note says its ％ cells are changes on
the year before ("（％表示は、対前年中間期増減率）"): rows named by periods, each amount
followed by its ％ cell, which must meet the change from the same column of the row of
the latest earlier period.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, percent_change, strict
from pipeline.patterns.check_cues import (
    TABLE_DIFFERENCE_HEADERS,
    TABLE_RATE_HEADERS,
    TABLE_RATE_NOTE,
    TABLE_RATE_NOTE_WINDOW,
    TABLE_ROW_CHANGE_LABELS,
)
from pipeline.table_layout import Table, locate, tables, without_bracket

RULE = "growth"
_AMOUNTS = {"money", "count", "quantity"}
_TEMPORAL = {"date", "period"}
_RATE_HEADER = re.compile("|".join(map(re.escape, TABLE_RATE_HEADERS)))
#: a row named by a letter ("今回修正予想（B）"), and a difference of two ("（B－A）")
_LETTER = re.compile(r"[(（]\s?([A-Z])\s?[)）]")
_LETTERS_DIFFERENCE = re.compile(r"[(（]\s?([A-Z])\s?[-－−ー–]\s?([A-Z])\s?[)）]")


def _rate_columns(text: str, table: Table) -> list[int]:
    """The columns whose header names a change rate (増減率, 前年比 …)."""
    header = text[table.start : text.find("\n", table.start)]
    return [c for c, cell in enumerate(header.split("|")) if _RATE_HEADER.search(cell)]


def _difference_columns(text: str, table: Table) -> list[int]:
    """The columns whose header names a difference (増減額（百万円）, 前年差 …)."""
    header = text[table.start : text.find("\n", table.start)]
    return [
        c
        for c, cell in enumerate(header.split("|"))
        if without_bracket(cell) in TABLE_DIFFERENCE_HEADERS
    ]


def _difference_verdict(
    ev: Evidence, stated: Figure, earlier: Figure, later: Figure, version: int = 4
) -> Finding:
    tol = ev.approx_tolerance
    change = strict(later, tol) - strict(earlier, tol)
    ok = change.meets(strict(stated, tol))
    message = (
        f"In the table (line {stated.mention.line}), {written(later)} less {written(earlier)} "
        f"is {change}; the stated {written(stated)} {'agrees' if ok else 'does not agree'}."
    )
    return verdict(
        RULE,
        ok,
        [stated, later, earlier],
        message,
        expected=str(change),
        observed=str(strict(stated, tol)),
        version=version,
    )


def _periods(ev: Evidence, figures: list[Figure], layout: list[Table]) -> dict[int, dict]:
    """table start -> {column: start date of the period its header names}."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    text = ev.texts[figures[0].mention.doc_id] if figures else ""
    for f in figures:
        m = f.mention
        if m.kind in _TEMPORAL and m.date_start:
            cell = locate(text, layout, m.start, header=True)
            if cell is not None:
                found[cell.table].setdefault(cell.column, m.date_start)
    return found


def _verdict(
    ev: Evidence, rate: Figure, earlier: Figure, later: Figure, version: int = 3
) -> Finding | None:
    tol = ev.approx_tolerance
    change = percent_change(strict(later, tol), strict(earlier, tol))
    if change is None:
        return None
    as_share = Interval(change.low + 100, change.high + 100)
    reading = "change" if change.meets(rate.interval) else None
    if reading is None and as_share.meets(rate.interval):
        reading = "share of the earlier figure"
    message = (
        f"In the table (line {rate.mention.line}), {written(later)} against {written(earlier)} "
        f"is a change of {change} %; the stated {written(rate)} "
        + (f"agrees (read as a {reading})." if reading else "does not agree.")
    )
    return verdict(
        RULE,
        reading is not None,
        [rate, later, earlier],
        message,
        expected=f"{change} %",
        observed=f"{rate.interval} %",
        version=version,
    )


def _same_amounts(*figures: Figure) -> bool:
    """Amounts (not rates) of one kind and unit."""
    return (
        len({(f.mention.kind, f.mention.unit) for f in figures}) == 1
        and figures[0].mention.kind in _AMOUNTS
    )


def _operands(labels: dict[int, str], derived: int) -> tuple[int, int] | None:
    """(later, earlier) rows a difference or rate row compares: the rows its label names by
    letter ("増減額（B－A）" with "今回修正予想（B）" and "前回発表予想（A）"); else, for a label
    that names no base (増減, 増減率: not 前年比), the two rows right above it that are not
    differences or rates themselves."""
    named = _LETTERS_DIFFERENCE.search(labels[derived])
    if named:
        by_letter = {
            m.group(1): row for row, label in labels.items() if (m := _LETTER.search(label))
        }
        later, earlier = by_letter.get(named.group(1)), by_letter.get(named.group(2))
        return (later, earlier) if later is not None and earlier is not None else None
    if without_bracket(labels[derived]) not in TABLE_ROW_CHANGE_LABELS:
        return None
    above = [row for row in sorted(labels) if row < derived and not _is_derived(labels[row])]
    return (above[-1], above[-2]) if len(above) >= 2 else None


def _is_derived(label: str) -> bool:
    return _is_difference(label) or bool(_RATE_HEADER.search(label))


def _is_difference(label: str) -> bool:
    return without_bracket(label) in TABLE_DIFFERENCE_HEADERS


def _row_findings(
    ev: Evidence, rows: dict[int, dict[int, Figure]], labels: dict[int, str]
) -> list[Finding]:
    """A table whose rows are what is compared ("| 前回発表予想（A） | 250,000 |", "| 今回修正
    予想（B） | 262,000 |", "| 増減額（B－A） | 12,000 |", "| 増減率（％） | 4.8 |"), column
    by column (``growth.v5``)."""
    found: list[Finding] = []
    operands: tuple[int, int] | None = None
    for row in sorted(labels):
        label = labels[row]
        if not _is_derived(label):
            continue
        # a rate row without letters compares what the difference row above it does
        if operands is None or _is_difference(label) or _LETTERS_DIFFERENCE.search(label):
            operands = _operands(labels, row)
        if operands is None:
            continue
        later_row, earlier_row = rows.get(operands[0], {}), rows.get(operands[1], {})
        for column, stated in rows.get(row, {}).items():
            later, earlier = later_row.get(column), earlier_row.get(column)
            if not (later and earlier and _same_amounts(later, earlier)):
                continue
            if _is_difference(label) and _same_amounts(stated, earlier, later):
                found.append(_difference_verdict(ev, stated, earlier, later, version=5))
            elif stated.mention.kind == "percent" and stated.mention.unit == "%":
                checked = _verdict(ev, stated, earlier, later, version=5)
                if checked is not None:
                    found.append(checked)
    return found


_RATE_NOTE = re.compile(TABLE_RATE_NOTE)


def _yearly_rate_findings(
    ev: Evidence,
    text: str,
    table: Table,
    rows: dict[int, dict[int, Figure]],
    row_dates: dict[int, str],
) -> list[Finding]:
    """A table under a note that its ％ cells are changes on the year before (``growth.v6``):
    in each row named by a period, the ％ cell right after an amount against the same
    column of the row of the latest earlier period."""
    if not _RATE_NOTE.search(text, max(0, table.start - TABLE_RATE_NOTE_WINDOW), table.start):
        return []
    found: list[Finding] = []
    for row, day in row_dates.items():
        earlier_days = [(d, r) for r, d in row_dates.items() if d < day]
        if not earlier_days:
            continue
        earlier_row = rows.get(max(earlier_days)[1], {})
        for column, rate in rows.get(row, {}).items():
            later, earlier = rows[row].get(column - 1), earlier_row.get(column - 1)
            if not (
                later
                and earlier
                and _same_amounts(later, earlier)
                and rate.mention.kind == "percent"
                and rate.mention.unit == "%"
            ):
                continue
            checked = _verdict(ev, rate, earlier, later, version=6)
            if checked is not None:
                found.append(checked)
    return found


def check_table_growth(ev: Evidence) -> list[Finding]:
    found: list[Finding] = []
    for doc_id, figures in ev.figures.items():
        text = ev.texts[doc_id]
        if "|" not in text:
            continue
        layout = tables(text)
        by_row: dict[int, dict[int, dict[int, Figure]]] = defaultdict(lambda: defaultdict(dict))
        labels: dict[int, dict[int, str]] = defaultdict(dict)
        #: table -> row -> start date of the period its label names
        row_dates: dict[int, dict[int, str]] = defaultdict(dict)
        for f in figures:
            cell = locate(text, layout, f.mention.start)
            if cell is None:
                continue
            if cell.column == 1 and f.mention.kind in _TEMPORAL and f.mention.date_start:
                row_dates[cell.table].setdefault(cell.row, f.mention.date_start)
            else:
                by_row[cell.table][cell.row].setdefault(cell.column, f)
            labels[cell.table][cell.row] = cell.label
        for table_start, rows in by_row.items():
            found += _row_findings(ev, rows, labels[table_start])
            if len(row_dates[table_start]) >= 2:
                table = next(t for t in layout if t.start == table_start)
                found += _yearly_rate_findings(ev, text, table, rows, row_dates[table_start])
        periods = _periods(ev, figures, layout)
        rows: dict[tuple[int, int], dict[int, Figure]] = defaultdict(dict)
        for f in figures:
            cell = locate(text, layout, f.mention.start)
            if cell is not None and cell.table in periods:
                rows[(cell.table, cell.row)].setdefault(cell.column, f)
        for (table_start, _), cells in rows.items():
            dated = periods[table_start]
            if len(set(dated.values())) < 2:
                continue
            first = min(dated, key=lambda c: dated[c])
            last = max(dated, key=lambda c: dated[c])
            table = next(t for t in layout if t.start == table_start)
            for column in _difference_columns(text, table):
                stated, earlier, later = cells.get(column), cells.get(first), cells.get(last)
                if stated and earlier and later and _same_amounts(stated, earlier, later):
                    found.append(_difference_verdict(ev, stated, earlier, later))
            for column in _rate_columns(text, table):
                rate, earlier, later = cells.get(column), cells.get(first), cells.get(last)
                if not (rate and earlier and later):
                    continue
                if rate.mention.kind != "percent" or rate.mention.unit != "%":
                    continue
                if not {earlier.mention.kind, later.mention.kind} <= _AMOUNTS:
                    continue
                if earlier.mention.unit != later.mention.unit:
                    continue
                checked = _verdict(ev, rate, earlier, later)
                if checked is not None:
                    found.append(checked)
    return found
