"""margin: a margin between two figures against those figures.

"A候補が12万3,456票、B候補が9万8,765票で、A候補が2万4,691票差で当選した": 12万3,456 −
9万8,765 must meet 2万4,691.  A margin is a figure written right before 差 ("票差", "3点の
差") or right after 差は/差が ("その差は4.5ポイント"); the figures it separates are levels
of its kind and unit before it in its sentence, or else in the sentence before
(percentages for a margin in points).  Of two levels, the difference must meet the
margin (a fail otherwise); of three to five, some two must (a warning otherwise: which
two it separates is unread).  Every figure is the interval it was rounded from.

A balance is a margin too ("輸出額は9兆1,234億円、輸入額は9兆5,678億円で、貿易収支は4,444億円
の赤字"): when it is called a deficit or a surplus and its two levels are an inflow and an
outflow (輸出 and 輸入, 歳入 and 歳出 …), the word must agree with which is larger
(``margin.v2``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import combinations

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, verdict, written
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import BALANCE_SIGNS, INFLOW_WORDS, OUTFLOW_WORDS
from schemas.vocab import Status

RULE = "margin"
_LEVELS = {"money", "count", "quantity", "percent", "duration"}
#: NOTE: the most levels a margin is read against (candidates, a league table's top)
MARGIN_LEVELS_MAX = 5


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


def _levels_before(ev: Evidence, figures: list[Figure], margin: Figure) -> list[Figure]:
    """The levels the margin may separate: those before it in its sentence, or when there
    are none, those of the sentence before ("…山田氏が18万4,512票、鈴木氏が12万1,006票
    だった。山田氏は鈴木氏に6万3,506票差をつけた")."""
    start = ev.sentence_span(margin.mention)[0]
    starts = [a for a, _ in ev.sentences.get(margin.mention.doc_id) or []]
    k = bisect_right(starts, start) - 1
    for low, high in ((start, margin.mention.start), (starts[k - 1] if k >= 1 else -1, start)):
        levels = [
            g
            for g in figures
            if low <= g.mention.start < high
            and not ev.is_margin(g.mention)
            and _separates(margin, g)
        ]
        if levels or low < 0:
            return levels
    return []


def _pair_finding(ev: Evidence, margin: Figure, levels: list[Figure]) -> Finding:
    """Two levels: their difference must meet the margin.  A few more: some two of them
    must ("首位と2位の差は25億円"), and when none do the margin is likely wrong (a warning:
    which two it separates is unread)."""
    tol = ev.approx_tolerance
    stated = strict(margin, tol)
    unit = f" {margin.mention.unit}" if margin.mention.unit else ""
    apart = [(a, b, _apart(strict(a, tol), strict(b, tol))) for a, b in combinations(levels, 2)]
    meeting = [(a, b, gap) for a, b, gap in apart if gap.meets(stated)]
    if len(levels) == 2 or meeting:
        a, b, computed = (meeting or apart)[0]
        ok = computed.meets(stated)
        return verdict(
            RULE,
            ok,
            [a, b, margin],
            f"The margin {written(margin)} between {written(a)} and {written(b)} "
            f"{'agrees with' if ok else 'does not agree with'} their difference "
            f"({computed}{unit} vs {stated}{unit}).",
            expected=f"{computed}{unit}",
            observed=f"{stated}{unit}",
        )
    listed = ", ".join(written(f) for f in levels)
    return finding(
        RULE,
        Status.WARN,
        [*levels, margin],
        f"The margin {written(margin)} is the difference of no two of {listed}; it, or "
        "one of them, is likely wrong.",
        expected=f"a difference of two of {listed}",
        observed=f"{stated}{unit}",
    )


_SIGN_AFTER = re.compile(rf"\s?の?\s?(?P<word>{'|'.join(BALANCE_SIGNS)})")


def _balance_finding(ev: Evidence, balance: Figure, levels: list[Figure]) -> Finding | None:
    """A deficit (赤字) or surplus (黒字) against the inflow and outflow it balances."""
    m = balance.mention
    said = _SIGN_AFTER.match(ev.texts[m.doc_id], m.end)
    if said is None or len(levels) != 2:
        return None
    inflows = [f for f in levels if any(w in (f.mention.measure or "") for w in INFLOW_WORDS)]
    outflows = [f for f in levels if any(w in (f.mention.measure or "") for w in OUTFLOW_WORDS)]
    if len(inflows) != 1 or len(outflows) != 1 or inflows[0] is outflows[0]:
        return None
    tol = ev.approx_tolerance
    net = strict(inflows[0], tol) - strict(outflows[0], tol)
    sign = BALANCE_SIGNS[said["word"]]
    ok = net.high > 0 if sign > 0 else net.low < 0
    return verdict(
        RULE,
        ok,
        [inflows[0], outflows[0], balance],
        f"{written(balance)} is called a {'surplus' if sign > 0 else 'deficit'} "
        f"({said['word']}); {written(inflows[0])} less {written(outflows[0])} is {net} "
        f"{m.unit or ''}, {'which agrees' if ok else 'which says the opposite'}.",
        expected=f"a {'surplus' if sign > 0 else 'deficit'}",
        observed=f"{net} {m.unit or ''}",
        version=2,
    )


def check_margins(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.bound not in (None, "eq") or not ev.is_margin(f.mention):
                continue
            levels = _levels_before(ev, figures, f)
            if 2 <= len(levels) <= MARGIN_LEVELS_MAX:
                found.append(_pair_finding(ev, f, levels))
            if (balance := _balance_finding(ev, f, levels)) is not None:
                found.append(balance)
    return found
