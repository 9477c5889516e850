"""Where a figure stands in a markdown table: which table, row and column, and the row's label.

Tables are the markdown tables that markdown sources and trafilatura's HTML give:
runs of lines that start with "|", a header, a |---| line, then the body.  The one
reading of tables, shared by extraction (cells in a declared unit), attribution (what a
cell measures) and the table checks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

_ROW = re.compile(r"^\s*\|")
_SEPARATOR = re.compile(r"^\s*\|[\s:|-]*-[\s:|-]*$")
_BRACKETED_TAIL = re.compile(r"[(（][^()（）]*[)）]$")


class Table(NamedTuple):
    start: int
    end: int
    #: where the rows under the header start (after the |---| line)
    body: int


class Cell(NamedTuple):
    table: int  #: where the table's first line starts
    row: int  #: where the cell's line starts
    column: int  #: how many "|" stand before it on its line
    label: str  #: the row's first cell


def tables(text: str) -> list[Table]:
    """Every markdown table of a text, in order."""
    found: list[Table] = []
    start = body = -1
    at = 0
    for line in text.split("\n"):
        if _ROW.match(line):
            if start < 0:
                start = body = at
            if is_separator(line) and body == start:
                body = at + len(line) + 1
        elif start >= 0:
            found.append(Table(start, at, body))
            start = -1
        at += len(line) + 1
    if start >= 0:
        found.append(Table(start, len(text), min(body, len(text))))
    return found


def is_separator(line: str) -> bool:
    """The |---| line under a table's header."""
    return _SEPARATOR.match(line) is not None


def locate(text: str, layout: list[Table], offset: int, *, header: bool = False) -> Cell | None:
    """The cell of a table's body (or, with ``header``, of its header) holding ``offset``."""
    k = bisect_right(layout, offset, key=lambda t: t.start) - 1
    if k < 0:
        return None
    table = layout[k]
    inside = table.start <= offset < table.body if header else table.body <= offset < table.end
    if not inside:
        return None
    row = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    label = text[row : end if end >= 0 else len(text)].strip().strip("|").split("|")[0]
    return Cell(table.start, row, text.count("|", row, offset), label.strip())


def header_cell(text: str, table: int, column: int) -> str:
    """The text of the header's cell over ``column`` of the table starting at ``table``."""
    end = text.find("\n", table)
    cells = text[table : end if end >= 0 else len(text)].split("|")
    return cells[column].strip() if column < len(cells) else ""


def without_bracket(label: str) -> str:
    """A label without its bracketed tail: 売上高（百万円） is 売上高, 合計（連結） is 合計."""
    return _BRACKETED_TAIL.sub("", label.replace(" ", "")).strip()


def label_is(label: str, labels: tuple[str, ...]) -> bool:
    """合計 or 合計（連結）, not 計画 or 計測機器: the label itself, or it and a bracket."""
    return without_bracket(label) in labels
