"""Figures in table cells whose unit is declared once for the table: （単位：百万円）.

Financial statements and statistics tables write bare numbers ("| 売上高 | 123,456 |")
and say their unit above the table or in its header.  A cell holding only a number
is a figure in that unit (value × scale); without a declaration a bare number is
left alone, since nothing says what it counts.  Tables are found by
``pipeline.table_layout``, as every stage that reads tables finds them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from pipeline.extract.amounts import number_candidate
from pipeline.extract.candidate import Candidate
from pipeline.patterns import cues
from pipeline.patterns.fragments import NUM, alternation
from pipeline.table_layout import is_separator, tables
from schemas.vocab import Kind

#: （単位：百万円）, (単位:千人), 単位：% — the scale words and the unit after 単位
_DECLARATION = re.compile(
    rf"単位\s?[:：]?\s?(?P<scale>[{''.join(cues.SMALL_SCALES)}{''.join(cues.SCALE_WORDS)}]*)"
    rf"(?P<unit>{alternation({**cues.CURRENCY_SUFFIXES, **cues.PERCENT_UNITS})}"
    rf"|{alternation(cues.QUANTITY_UNITS)}|{alternation(cues.COUNTERS)})"
    r"\s?[)）]?"
)
#: a second unit after the first in a declaration: "（単位：千人、％）"
_PERCENT_TOO = re.compile(r"\s?[、,，・/／]\s?[%％]")
#: a header cell that ends in its column's unit: 売上高（百万円）, 前年比(%), 人口(千人)
_COLUMN_UNIT = re.compile(
    rf"[(（](?:単位\s?[:：]?\s?)?(?P<scale>[{''.join(cues.SMALL_SCALES)}{''.join(cues.SCALE_WORDS)}]*)"
    rf"(?P<unit>{alternation({**cues.CURRENCY_SUFFIXES, **cues.PERCENT_UNITS})}"
    rf"|{alternation(cues.QUANTITY_UNITS)}|{alternation(cues.COUNTERS)})\s?[)）]\s*$"
)
#: a cell of a unit row: a unit and nothing else (百万円, ％, (千人)) over its column; "円 銭"
#: heads a column of yen with sen after the point (a 決算短信's dividends: 35.00)
_UNIT_CELL = re.compile(
    rf"\s*[(（]?\s?(?P<scale>[{''.join(cues.SMALL_SCALES)}{''.join(cues.SCALE_WORDS)}]*)"
    rf"(?P<unit>{alternation({**cues.CURRENCY_SUFFIXES, **cues.PERCENT_UNITS})}"
    rf"|{alternation(cues.QUANTITY_UNITS)}|{alternation(cues.COUNTERS)})"
    rf"(?:(?<=円)\s?銭)?\s?[)）]?\s*$"
)
#: NOTE: how many rows from the top of a table may be header rows (a unit row among them)
HEADER_ROWS = 4
#: a cell that is a number and nothing else (a sign may come first: △1,234)
_CELL_NUMBER = re.compile(rf"\s*(?:[{''.join(cues.NEGATIVE_MARKERS)}]\s?)?(?P<num>{NUM})\s*$")
_NUMBER_AT = re.compile(rf"(?P<num>{NUM})")
#: NOTE: how many lines above a table its unit declaration may stand
DECLARATION_LINES_ABOVE = 3
#: NOTE: and how many lines below it, where only a line that is the declaration counts
DECLARATION_LINES_BELOW = 3
_DECLARATION_LINE = re.compile(r"^\s*[(（]?\s?単位")


#: unit tables a declared unit is looked up in, and the kind of figure each makes
_UNIT_TABLES = (
    (cues.CURRENCY_SUFFIXES, Kind.MONEY),
    (cues.PERCENT_UNITS, Kind.PERCENT),
    (cues.QUANTITY_UNITS, Kind.QUANTITY),
    ({c: c for c in cues.COUNTERS}, Kind.COUNT),
)
_SCALES = {**cues.SMALL_SCALES, **cues.SCALE_WORDS}


Unit = tuple[tuple[Kind, str], int]


def _unit_of(written: str) -> tuple[Kind, str] | None:
    return next(((kind, table[written]) for table, kind in _UNIT_TABLES if written in table), None)


def _scale_of(written: str) -> int:
    scale = 1
    for ch in written:
        scale *= _SCALES[ch]
    return scale


def _declaration(lines: list[tuple[int, str]], table: range) -> tuple[Unit | None, bool]:
    """The unit declared in the table's first row or in the lines just above it, or on a
    line of its own right below it (a note under the table: "（単位：百万円）"); and
    whether the declaration names % as well ("（単位：千人、％）"), for rate columns."""
    above = range(table.start - 1, max(-1, table.start - 1 - DECLARATION_LINES_ABOVE), -1)
    below = [
        i
        for i in range(table.stop, min(len(lines), table.stop + DECLARATION_LINES_BELOW))
        if _DECLARATION_LINE.match(lines[i][1]) and not _heads_a_table(lines, i)
    ]
    for i in [table.start, *above, *below]:
        m = _DECLARATION.search(lines[i][1])
        if m and (unit := _unit_of(m.group("unit"))):
            percent_too = bool(_PERCENT_TOO.match(lines[i][1], m.end()))
            return (unit, _scale_of(m.group("scale"))), percent_too
    return None, False


def _percent_columns(header: str) -> set[int]:
    """The columns whose header names a rate or a share (前年比, 増減率, 構成比 …)."""
    return {
        c
        for c, cell in enumerate(header.split("|"))
        if cell.strip() and any(w in cell for w in cues.PERCENT_COLUMN_WORDS)
    }


def _heads_a_table(lines: list[tuple[int, str]], i: int) -> bool:
    """Whether a table starts within the few lines after line ``i`` (past blank lines):
    a declaration there is the next table's."""
    for _, line in lines[i + 1 : i + 1 + DECLARATION_LINES_ABOVE]:
        if line.strip():
            return line.lstrip().startswith("|")
    return False


def _column_units(header: str) -> dict[int, Unit]:
    """Units the header row gives its columns, by cell index."""
    units = {}
    for c, cell in enumerate(header.split("|")):
        m = _COLUMN_UNIT.search(cell)
        if m and (unit := _unit_of(m.group("unit"))):
            units[c] = (unit, _scale_of(m.group("scale")))
    return units


def _unit_row(line_start: int, line: str) -> tuple[dict[int, Unit], list[tuple[int, int]]]:
    """The units a row of units only ("| | 百万円 | ％ |") gives its columns, and where
    those cells are; nothing when any cell holds something else."""
    units, spans, cell_start = {}, [], line_start
    for c, cell in enumerate(line.split("|")):
        if cell.strip():
            m = _UNIT_CELL.match(cell)
            unit = _unit_of(m.group("unit")) if m else None
            if unit is None:
                return {}, []
            units[c] = (unit, _scale_of(m.group("scale")))
            spans.append((cell_start, cell_start + len(cell)))
        cell_start += len(cell) + 1
    return units, spans


def _row_unit(cells: list[str]) -> Unit | None:
    """The unit a row's label gives its cells ("| 増減率（％） | 4.8 |", "| 1株当たり配当金
    （円） | 45 |"), which overrides the table's and the columns' units."""
    label = cells[1] if len(cells) > 2 else ""
    m = _COLUMN_UNIT.search(label)
    unit = _unit_of(m.group("unit")) if m else None
    return (unit, _scale_of(m.group("scale"))) if m and unit else None


def _cell_unit(row: Unit | None, column: Unit | None) -> Unit | None:
    """A row's unit over its column's (増減率（％） in a table of 百万円), except a column of
    percentages ("| 前年比（％） |") in a row of amounts ("| 売上高（百万円） |")."""
    if row is None:
        return column
    if column is not None and column[0][0] == Kind.PERCENT and row[0][0] != Kind.PERCENT:
        return column
    return row


class TableFigures(NamedTuple):
    cells: list[Candidate]
    #: where unit-row cells stand: labels of their columns ("百万円"), never figures
    labels: list[tuple[int, int]]


def table_cells(text: str) -> TableFigures:
    """A candidate for every bare number in a table cell whose unit is declared, for
    the table (（単位：百万円） above it), for its column (売上高（百万円） in the header,
    or a row of units under it: "| | 百万円 | ％ |") or for its row (増減率（％）)."""
    if "|" not in text:
        return TableFigures([], [])
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found, labels = [], []
    starts = [at for at, _ in lines]
    for layout in tables(text):
        first = bisect_left(starts, layout.start)
        table = range(first, bisect_left(starts, layout.end, lo=first))
        declared, percent_too = _declaration(lines, table)
        columns = _column_units(lines[table.start][1])
        if percent_too:
            percent: Unit = ((Kind.PERCENT, "%"), 1)
            columns = {c: percent for c in _percent_columns(lines[table.start][1])} | columns
        for i in table[1:HEADER_ROWS]:
            if not is_separator(lines[i][1]):
                row_units, spans = _unit_row(*lines[i])
                columns.update(row_units)
                labels += spans
        for line_start, line in (lines[i] for i in table):
            cell_start = line_start
            cells = line.split("|")
            row_unit = _row_unit(cells)
            for c, cell in enumerate(cells):
                number = _CELL_NUMBER.match(cell)
                unit_here = _cell_unit(row_unit, columns.get(c, declared))
                if number is not None and unit_here is not None:
                    (kind, unit), scale = unit_here
                    at = _NUMBER_AT.match(text, cell_start + number.start("num"))
                    cand = number_candidate(at, kind, "table.cell.v1", unit, scale=scale)
                    if cand is not None:
                        # no unit follows the number: the token check for units is moot
                        found.append(cand.with_(latin_unit=True))
                cell_start += len(cell) + 1
    return TableFigures(found, labels)
