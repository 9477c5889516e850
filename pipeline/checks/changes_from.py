"""change: a change written from a starting figure ("Aから") against the figures it joins.

"62.3％で、前年の58.1％から4.2ポイント上昇": 62.3 − 58.1 must meet 4.2 (points between
percentages); "2.4日で、前年（2.1日）より0.3日増えました": 2.4 − 2.1 must meet 0.3;
"100億円から10%増の110億円": the rate must meet 110 / 100 − 1; "45万2,318票で、28万7,654票を
16万4,664票上回った": the difference must meet the amount.  "100億円から120億円に減少":
the direction word must agree with the two levels.  Every figure is the interval it was
rounded from.  The level a change ends at is the figure of the start's kind and unit
right after the change ("…増加し、6,850万人となった", "…増の3,095円"), or else the one right
before the start in its sentence; a comparison ("Bを N 上回った") whose sentence states no
level compares the one level of its unit in the sentence before.  Nothing else ties
figures together here: a start without a written change or level is not checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, percent_change, strict
from pipeline.patterns.check_cues import (
    CHANGE_FROM,
    CHANGE_TO,
    COMPARED_TO,
    COMPARISON_VERBS,
    DECREASE_VERBS,
    DECREASE_WORDS,
    INCREASE_VERBS,
    INCREASE_WORDS,
)

RULE = "change"
_LEVELS = {"money", "count", "quantity", "percent", "duration"}
_DATES = {"date", "period"}
_DECREASES = DECREASE_WORDS + DECREASE_VERBS
_DIRECTION = rf"(?P<dir>{'|'.join(INCREASE_WORDS + INCREASE_VERBS + _DECREASES)})"
#: "58.1％から", "前年（2.1日）より": between the start and the next figure
_FROM = re.compile(
    rf"^\s?[)）]?\s?(?:(?P<from>{'|'.join(CHANGE_FROM)})|{'|'.join(COMPARED_TO)})\s?[、，,]?\s?"
    r"(?:約|およそ)?\s?$"
)
#: "…から120億円に増加": the next figure is the level the change ends at
_TO_LEVEL = re.compile(rf"\s?(?:{'|'.join(CHANGE_TO)})\s?{_DIRECTION}")
#: "…から9.3%と1.2ポイント上昇", "…から1.8kgへと25%軽量化": the level the change ends at,
#: then the amount of the change (between the two figures)
_LEVEL_THEN_AMOUNT = re.compile(rf"^\s?(?:{'|'.join(CHANGE_TO)})\s?[、，,]?\s?(?:約|およそ)?\s?$")
#: "…から4.2ポイント上昇", "…から20億円の増加": the next figure is the change itself
_BY_AMOUNT = re.compile(rf"\s?の?\s?{_DIRECTION}")
#: "約52億円、4.3%の増加": an amount and its rate, one change
_LISTED = re.compile(r"^\s?[、，,]\s?$")
#: NOTE: characters between a change's direction word and the level written after it
#: ("増加し、6,850万人", "増の3,095円")
LEVEL_AFTER_GAP = 8


def _is_level(f: Figure) -> bool:
    m = f.mention
    return m.kind in _LEVELS and m.value is not None and m.bound in (None, "eq")


def _same_unit(a: Figure, b: Figure) -> bool:
    return (a.mention.kind, a.mention.unit) == (b.mention.kind, b.mention.unit)


def _sign(direction: str) -> int:
    return -1 if direction.startswith(_DECREASES) else 1


def _directed(stated: Interval, sign: int) -> Interval:
    return stated if sign > 0 else Interval(-stated.high, -stated.low)


def _in_sentence(ev: Evidence, figures: list[Figure], i: int) -> list[Figure]:
    span = ev.sentence_span(figures[i].mention)
    return [f for f in figures if span[0] <= f.mention.start < span[1]]


def _level_of(sentence: list[Figure], start: Figure, change: Figure, gap_end: int) -> Figure | None:
    """The level a change ends at: the next figure when it follows the direction word
    closely and measures what the start does; else the figure right before the start."""
    k = sentence.index(change)
    if k + 1 < len(sentence):
        after = sentence[k + 1]
        if after.mention.start - gap_end <= LEVEL_AFTER_GAP and _same_unit(after, start):
            return after if _is_level(after) else None
    # the figure before the start, past the dates that place it ("前回調査（2024年9月）の")
    before = [f for f in sentence[: sentence.index(start)] if f.mention.kind not in _DATES]
    if before and _same_unit(before[-1], start) and _is_level(before[-1]):
        return before[-1]
    return None


def _level_said_before(
    ev: Evidence, figures: list[Figure], sentence: list[Figure], start: Figure
) -> Figure | None:
    """ "訪日客数は389万6,300人となった。前年同月の331万2,193人を約58万人上回った": a
    comparison whose sentence states no level compares the one level of the start's kind
    and unit in the sentence before it."""
    first = bisect_left(figures, sentence[0].mention.start, key=lambda f: f.mention.start)
    if first == 0:
        return None
    before = _in_sentence(ev, figures, first - 1)
    levels = [f for f in before if _same_unit(f, start) and _is_level(f)]
    return levels[0] if len(levels) == 1 else None


def _from_to(start: Figure, level: Figure, sign: int, tol: float) -> Finding:
    """ "100億円から120億円に増加": does the level move the way the word says?"""
    then, now = strict(start, tol), strict(level, tol)
    moved = now - then
    ok = moved.high > 0 if sign > 0 else moved.low < 0
    way = "rise" if sign > 0 else "fall"
    message = (
        f"{written(start)} to {written(level)} is said to {way}; "
        f"{'it does' if ok else 'the figures say otherwise'}."
    )
    return verdict(
        RULE, ok, [start, level], message, expected=f"a {way}", observed=f"{moved} change"
    )


def _by_amount(
    start: Figure, change: Figure, level: Figure, sign: int, tol: float
) -> Finding | None:
    """ "58.1％から4.2ポイント上昇" to 62.3％: does the level minus the start meet the change?"""
    then, now, stated = strict(start, tol), strict(level, tol), strict(change, tol)
    s, c = start.mention, change.mention
    # a percentage that rises "20%" may have risen by 20 points or by a fifth: unread
    if (c.unit == s.unit and s.kind != "percent") or (c.unit == "pt" and s.unit == "%"):
        computed, unit = (now - then), f" {c.unit}" if c.unit else ""
    elif c.unit == "%" and s.kind != "percent":
        computed, unit = percent_change(now, then), " %"
    else:
        return None
    if computed is None:
        return None
    ok = computed.meets(_directed(stated, sign))
    message = (
        f"From {written(start)} to {written(level)} is a change of {computed}{unit}; "
        f"the stated {written(change)} {'agrees' if ok else 'does not agree'}."
    )
    return verdict(
        RULE,
        ok,
        [start, change, level],
        message,
        expected=f"{computed}{unit}",
        observed=f"{_directed(stated, sign)}{unit}",
    )


def check_changes_from(ev: Evidence) -> list[Finding]:
    found = []
    tol = ev.approx_tolerance
    for figures in ev.figures.values():
        for i in range(len(figures) - 1):
            start, following = figures[i], figures[i + 1]
            s = start.mention
            text = ev.texts[s.doc_id]
            joined = _FROM.match(text[s.end : following.mention.start])
            if not _is_level(start) or joined is None:
                continue
            end = following.mention.end
            compared = joined.group("from") is None  # "Bを X 上回った"
            if not compared and (to := _TO_LEVEL.match(text, end)) and _same_unit(following, start):
                if _is_level(following):
                    found.append(_from_to(start, following, _sign(to.group("dir")), tol))
                continue
            if not compared and (stated := _level_then_amount(ev, figures, i + 1, start)):
                found += stated
                continue
            changes, by = _changes_after(ev, figures, i + 1)
            if by is None or (compared and not by.group("dir").startswith(COMPARISON_VERBS)):
                continue
            sentence = _in_sentence(ev, figures, i)
            for change in changes:
                level = _level_of(sentence, start, change, by.end())
                if level is None and compared:
                    level = _level_said_before(ev, figures, sentence, start)
                if level is not None and level is not start and change.mention.value is not None:
                    checked = _by_amount(start, change, level, _sign(by.group("dir")), tol)
                    if checked is not None:
                        found.append(checked)
    return found


def _level_then_amount(
    ev: Evidence, figures: list[Figure], k: int, start: Figure
) -> list[Finding] | None:
    """ "前年の8.1%から9.3%と1.2ポイント上昇", "2.4kgから1.8kgへと25%軽量化": the figure
    after the start is the level it changed to, and the one after that the amount of the
    change, followed by its direction word.  None when the text is not written so."""
    if k + 1 >= len(figures):
        return None
    level, change = figures[k], figures[k + 1]
    text = ev.texts[level.mention.doc_id]
    by = _BY_AMOUNT.match(text, change.mention.end)
    if (
        by is None
        or not _LEVEL_THEN_AMOUNT.match(text[level.mention.end : change.mention.start])
        or not _same_unit(level, start)
        or not _is_level(level)
        or change.mention.value is None
    ):
        return None
    checked = _by_amount(start, change, level, _sign(by.group("dir")), ev.approx_tolerance)
    return [checked] if checked is not None else []


def _changes_after(
    ev: Evidence, figures: list[Figure], k: int
) -> tuple[list[Figure], re.Match[str] | None]:
    """The change written after a start, and its direction word: one figure ("4.2ポイント
    上昇"), or an amount and its rate listed together ("約52億円、4.3%の増加")."""
    first = figures[k].mention
    text = ev.texts[first.doc_id]
    if (by := _BY_AMOUNT.match(text, first.end)) is not None:
        return [figures[k]], by
    if k + 1 < len(figures):
        second = figures[k + 1].mention
        if _LISTED.match(text[first.end : second.start]) and (
            by := _BY_AMOUNT.match(text, second.end)
        ):
            return [figures[k], figures[k + 1]], by
    return [], None
