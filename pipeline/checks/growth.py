"""growth: a stated change rate against the two figures it compares.

"売上高は3,210億円（前期比6.5%増）" and, in the same document, "前期の売上高は3,014億円":
the rate must meet (3,210 / 3,014 − 1) × 100 with every figure read as the interval
it was rounded from.  The rate is tied to its amount by the text between them (a
bracket right after the amount, or "前期比6.5%増の3,210億円"); the earlier figure is
the same subject's same measure, under the same heading, in a sentence that names the
earlier period.  A rate whose two figures are not both written is not checked.

``growth.v2``: a change amount written with its rate, "就業者数は6,850万人で、前年同月に
比べ32万人（0.5％）の増加" or "前日比150円（5.1%）高の3,095円": the rate must meet the
change over the level it started from, 32万 / (6,850万 − 32万).  The level is the
amount of the same kind and unit after "の", or else the nearest one before the change,
in its sentence or the one before, under the same heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, percent_change, strict
from pipeline.patterns.check_cues import (
    CHANGE_BASES,
    DECREASE_WORDS,
    INCREASE_WORDS,
    PRICE_DECREASE_WORDS,
    PRICE_INCREASE_WORDS,
    RELATIVE_PERIOD_WORDS,
)
from schemas.records import Mention

RULE = "growth"
_AMOUNTS = {"money", "count", "quantity"}
_BASE = rf"(?:{'|'.join(CHANGE_BASES)})"
_DIRECTION = rf"(?P<dir>{'|'.join(INCREASE_WORDS + DECREASE_WORDS)})"
#: "3,210億円（前期比6.5%増）": amount, bracket, base, then the rate
_RATE_AFTER = re.compile(rf"^\s?[(（]\s?{_BASE}\s?[+＋]?$")
#: "前期比6.5%増の3,210億円": base, the rate, direction, の, then the amount
_BASE_BEFORE = re.compile(rf"{_BASE}\s?[+＋]?$")
_AMOUNT_NEXT = re.compile(r"^\s?の\s?$")
#: "…前年同期比15%増の532億円だった。売上高は4.2%増の6,420億円": a base written earlier in
#: the paragraph stands for the rates after it that name none (not 同, which says so)
_WRITTEN_BASE = re.compile(rf"(?P<base>{'|'.join(b for b in CHANGE_BASES if b != '同')})")
_DIRECTION_AFTER = re.compile(rf"\s?{_DIRECTION}")
#: NOTE: characters between an amount and its bracketed rate: "（前年同期比"
_MAX_GAP = 10
#: "前年（3,876万人）に比べ": a level in brackets after its period, then what compares it
_BASE_LEVEL_BEFORE = re.compile(rf"{RELATIVE_PERIOD_WORDS}\s?[(（]\s?(?:約)?\s?$")
_BASE_LEVEL_AFTER = re.compile(r"\s?[)）]\s?(?:に|と)?\s?比")
_PERIOD_PREFIX = re.compile(rf"^(?:{RELATIVE_PERIOD_WORDS})の?")
#: "32万人（0.5％）": an open bracket between a change amount and its rate
_RATE_IN_BRACKETS = re.compile(r"^\s?[(（]\s?[+＋]?$")
#: "（0.5％）の増加", "（5.1%）高の": the close bracket, the direction, a following level
_CHANGE_WORDS = INCREASE_WORDS + DECREASE_WORDS + PRICE_INCREASE_WORDS + PRICE_DECREASE_WORDS
_CLOSED_DIRECTION = re.compile(
    rf"\s?[)）]\s?の?\s?(?P<dir>{'|'.join(_CHANGE_WORDS)})(?P<of>\s?の\s?)?"
)
#: NOTE: how far before "比べ" a change amount's level may be looked for, in sentences
LEVEL_SENTENCES_BACK = 1


def _measure(f: Figure) -> str | None:
    """The measure without the period it is of: 前期の売上高 and 当期の売上高 are 売上高."""
    m = f.mention.measure
    return _PERIOD_PREFIX.sub("", m) if m else None


def _carried_period(text: str, at: int) -> str | None:
    """The period of the latest base written earlier in the paragraph ("前年同期比" →
    前年同期), for a rate that names none ("売上高は4.2%増の6,420億円")."""
    paragraph = text.rfind("\n", 0, at) + 1
    bases = list(_WRITTEN_BASE.finditer(text, paragraph, at))
    return bases[-1]["base"].removesuffix("比") if bases else None


def rated_amounts(
    ev: Evidence, figures: list[Figure]
) -> list[tuple[Figure, Figure, int, str | None]]:
    """(rate, amount, +1 or -1, the period a carried base compares with) for each change
    rate written against an amount; the period is None when the rate names its base."""
    found = []
    amounts = [f for f in figures if f.mention.kind in _AMOUNTS]
    ends = [f.mention.end for f in amounts]
    starts = [f.mention.start for f in amounts]
    for rate in figures:
        r = rate.mention
        if r.kind != "percent" or r.unit != "%" or r.value is None:
            continue
        text = ev.texts[r.doc_id]
        direction = _DIRECTION_AFTER.match(text, r.end)
        if direction is None:
            continue
        k = bisect_right(ends, r.start)
        j = bisect_left(starts, direction.end())
        previous = amounts[k - 1] if k else None
        following = amounts[j] if j < len(amounts) else None
        sign = _sign(direction.group("dir"))
        # "3,210億円（前期比6.5%増）"
        if (
            previous is not None
            and r.start - previous.mention.end <= _MAX_GAP
            and _RATE_AFTER.match(text[previous.mention.end : r.start])
        ):
            found.append((rate, previous, sign, None))
        # "前期比6.5%増の3,210億円", or "4.2%増の6,420億円" after a base in the paragraph
        elif (
            following is not None
            and following.mention.start - direction.end() <= _MAX_GAP
            and _AMOUNT_NEXT.match(text[direction.end() : following.mention.start])
        ):
            if _BASE_BEFORE.search(text[max(0, r.start - 8) : r.start]):
                found.append((rate, following, sign, None))
            elif (period := _carried_period(text, r.start)) is not None:
                found.append((rate, following, sign, period))
    return found


def _sign(direction: str) -> int:
    return -1 if direction in DECREASE_WORDS + PRICE_DECREASE_WORDS else 1


def _changes(ev: Evidence, figures: list[Figure]) -> list[tuple[Figure, Figure, Figure, int]]:
    """(change amount, its rate, the level it changed to, +1 or -1), as written."""
    found = []
    for i in range(len(figures) - 1):
        change, rate = figures[i], figures[i + 1]
        c, r = change.mention, rate.mention
        if c.kind not in _AMOUNTS or r.kind != "percent" or r.unit != "%" or not c.value:
            continue
        text = ev.texts[c.doc_id]
        direction = _CLOSED_DIRECTION.match(text, r.end)
        if not (
            direction and _RATE_IN_BRACKETS.match(text[c.end : r.start]) and ev.compared_before(c)
        ):
            continue
        level = _level_after(figures[i + 2 :], direction) or _level_before(ev, figures[:i], c)
        if level is not None:
            found.append((change, rate, level, _sign(direction.group("dir"))))
    return found


def _level_after(following: list[Figure], direction: re.Match[str]) -> Figure | None:
    """ "高の3,095円": the amount right after the direction and の."""
    if following and direction.group("of") and following[0].mention.start == direction.end():
        return following[0]
    return None


def _level_before(ev: Evidence, earlier: list[Figure], change: Mention) -> Figure | None:
    """The nearest amount of the change's kind and unit before it, under the same heading,
    at most ``LEVEL_SENTENCES_BACK`` sentences back."""
    ends = ev.sentence_ends(change.doc_id)
    sentence = bisect_right(ends, change.start)
    for f in reversed(earlier):
        m = f.mention
        if bisect_right(ends, m.start) < sentence - LEVEL_SENTENCES_BACK:
            return None
        if (m.kind, m.unit) == (change.kind, change.unit) and m.bound in (None, "eq"):
            return f if ev.section_of(m) == ev.section_of(change) else None
    return None


def _is_base_level(ev: Evidence, m: Mention) -> bool:
    """ "前年（3,876万人）に比べ339万人（8.7％）増加": the earlier period's level, in brackets
    after the period it is of, that the change is measured from."""
    text = ev.texts[m.doc_id]
    return bool(
        _BASE_LEVEL_BEFORE.search(text[max(0, m.start - 10) : m.start])
        and _BASE_LEVEL_AFTER.match(text, m.end)
    )


def _change_findings(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    found = []
    for change, rate, level, sign in _changes(ev, figures):
        delta, now = strict(change, ev.approx_tolerance), strict(level, ev.approx_tolerance)
        if _is_base_level(ev, level.mention):
            # the level is the one changed from: the rate is the change over it
            low_base, high_base = now.high, now.low
            said = f"from the level {written(level)}"
        else:
            # the level is the one changed to; the rate grows with the change and falls
            # with the level: two corners bound it
            low_base, high_base = now.high - sign * delta.low, now.low - sign * delta.high
            said = f"on the level {written(level)}"
        if delta.low < 0 or low_base <= 0 or high_base <= 0:
            continue
        change_rate = Interval(delta.low / low_base * 100, delta.high / high_base * 100)
        ok = change_rate.meets(rate.interval)
        message = (
            f"{written(change)} {said} is a change of {change_rate} %; "
            f"the stated {written(rate)} {'agrees' if ok else 'does not agree'}."
        )
        found.append(
            verdict(
                RULE,
                ok,
                [rate, change, level],
                message,
                expected=f"{change_rate} %",
                observed=f"{rate.interval} %",
                version=2,
            )
        )
    return found


def _key(f: Figure) -> tuple:
    m = f.mention
    return (m.kind, m.unit, m.subject, _measure(f))


def _earlier_figures(ev: Evidence, figures: list[Figure]) -> dict[tuple, list[Figure]]:
    """A document's figures whose sentence names an earlier period, by what they measure."""
    found: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.mention.value and f.mention.measure and ev.names_earlier_period(f.mention):
            found[_key(f)].append(f)
    return found


def _earlier(ev: Evidence, earlier: dict[tuple, list[Figure]], current: Figure) -> Figure | None:
    """The one figure of the earlier period for the same subject and measure."""
    if not current.mention.measure or ev.names_earlier_period(current.mention):
        return None
    section = ev.section_of(current.mention)
    candidates = [f for f in earlier.get(_key(current), []) if ev.section_of(f.mention) == section]
    values = {f.mention.value for f in candidates}
    return candidates[0] if len(values) == 1 else None


def check_growth(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        found += _change_findings(ev, figures)
        rated = rated_amounts(ev, figures)
        earlier = _earlier_figures(ev, figures) if rated else {}
        for rate, current, sign, period in rated:
            base = _earlier(ev, earlier, current)
            # a carried base compares with the period the earlier figure's sentence names
            if base is None or (period is not None and period not in ev.sentence(base.mention)):
                continue
            change = percent_change(
                strict(current, ev.approx_tolerance), strict(base, ev.approx_tolerance)
            )
            if change is None:
                continue
            stated = rate.interval
            stated = Interval(sign * stated.low, sign * stated.high)
            stated = Interval(min(stated.low, stated.high), max(stated.low, stated.high))
            ok = change.meets(stated)
            message = (
                f"{written(current)} against {written(base)} is a change of {change} %; "
                f"the stated {written(rate)} {'agrees' if ok else 'does not agree'}."
            )
            found.append(
                verdict(
                    RULE,
                    ok,
                    [rate, current, base],
                    message,
                    expected=f"{change} %",
                    observed=f"{stated} %",
                )
            )
    return found
