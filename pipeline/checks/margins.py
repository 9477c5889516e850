"""margin: a margin between two figures against those figures.

"A候補が12万3,456票、B候補が9万8,765票で、A候補が2万4,691票差で当選した": 12万3,456 −
9万8,765 must meet 2万4,691.  A margin is a figure written right before 差 ("票差", "3点の
差") or right after 差は/差が ("その差は4.5ポイント"); the figures it separates are the two
levels of its kind and unit before it in its sentence (percentages for a margin in
points).  With more than two such levels which two it separates is unread, and nothing
is checked.  Every figure is the interval it was rounded from.
"""

from __future__ import annotations

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, strict

RULE = "margin"
_LEVELS = {"money", "count", "quantity", "percent", "duration"}


def _separates(margin: Figure, level: Figure) -> bool:
    """A level of the margin's kind and unit (a percentage, for a margin in points)."""
    m, lv = margin.mention, level.mention
    if lv.kind not in _LEVELS or lv.value is None or lv.bound not in (None, "eq"):
        return False
    return lv.kind == m.kind and (lv.unit == m.unit or (m.unit == "pt" and lv.unit == "%"))


def _apart(a: Interval, b: Interval) -> Interval:
    """How far apart two intervals' values may be: |a − b|."""
    gap = a - b
    if gap.low >= 0:
        return gap
    if gap.high <= 0:
        return Interval(-gap.high, -gap.low, gap.ambiguous)
    return Interval(0.0, max(-gap.low, gap.high), gap.ambiguous)


def check_margins(ev: Evidence) -> list[Finding]:
    found = []
    tol = ev.approx_tolerance
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.bound not in (None, "eq") or not ev.is_margin(f.mention):
                continue
            start = ev.sentence_span(f.mention)[0]
            levels = [
                g
                for g in figures
                if start <= g.mention.start < f.mention.start
                and not ev.is_margin(g.mention)
                and _separates(f, g)
            ]
            if len(levels) != 2:
                continue
            a, b = levels
            computed, stated = _apart(strict(a, tol), strict(b, tol)), strict(f, tol)
            ok = computed.meets(stated)
            unit = f" {f.mention.unit}" if f.mention.unit else ""
            message = (
                f"The margin {written(f)} between {written(a)} and {written(b)} "
                f"{'agrees with' if ok else 'does not agree with'} their difference "
                f"({computed}{unit} vs {stated}{unit})."
            )
            found.append(
                verdict(
                    RULE,
                    ok,
                    [a, b, f],
                    message,
                    expected=f"{computed}{unit}",
                    observed=f"{stated}{unit}",
                )
            )
    return found
