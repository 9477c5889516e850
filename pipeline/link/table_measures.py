"""What a table cell measures: its column's header, and its row's label unless that row
is the table's total.

"| 運輸業 | 1,850 |" under "営業収益（億円）" measures 運輸業の営業収益, and the 合計 row's
3,120 measures 営業収益, as "営業収益は3,120億円" in the text does; so the restatement
check can tie a table to the prose around it.  A header that names a period or a
comparison (2025年3月期, 前年比) measures nothing here: the cells under two period
headers of one row would otherwise read as one measure with two values.
"""

from __future__ import annotations

import re

from pipeline.patterns.check_cues import SUBTOTAL_ROW_LABELS, TOTAL_ROW_LABELS
from pipeline.patterns.entity_cues import COMPARISON_ENDING, SHARE_ENDINGS
from pipeline.table_layout import Table, header_cell, label_is, locate, without_bracket

_DIGIT = re.compile(r"\d")


def table_measure(text: str, layout: list[Table], offset: int) -> str | None:
    """The measure of the figure at ``offset`` if it stands in a table's body."""
    cell = locate(text, layout, offset) if layout else None
    if cell is None:
        return None
    header = without_bracket(header_cell(text, cell.table, cell.column))
    if (
        not header
        or _DIGIT.search(header)
        or (header.endswith(COMPARISON_ENDING) and not header.endswith(SHARE_ENDINGS))
    ):
        return None
    label = without_bracket(cell.label)
    if not label or label_is(label, TOTAL_ROW_LABELS + SUBTOTAL_ROW_LABELS):
        return header
    return f"{label}の{header}"
