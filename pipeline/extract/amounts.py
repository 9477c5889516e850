"""Shared shape of every "number + unit" family: one number or a range, then a unit.

Money, counts, percentages, ratios, quantities and durations differ only in their
unit table, so each family declares rows with ``unit_rows`` instead of regexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.numerals import Number, parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.check_cues import CHANGE_AMOUNT, CHANGE_DIRECTIONS, CHANGE_TO
from pipeline.patterns.fragments import NOT_LATIN_AFTER, NUM, RANGE_SYMBOL, alternation
from schemas.vocab import Bound, Kind

UnitOf = Callable[[str], str]
#: "…に減少", "…と1.2ポイント上昇" after a second figure: "AからB" was a change, not a range
_CHANGE_TO_LEVEL = (
    rf"\s?(?:{alternation(CHANGE_TO)})\s?[、，,]?\s?(?:{CHANGE_AMOUNT}\s?)?"
    rf"(?:{alternation(CHANGE_DIRECTIONS)})"
)


def _trailing_scale(numeral: str) -> int | None:
    return cues.SCALE_WORDS.get(numeral[-1])


def range_ends(first: str, second: str) -> tuple[Number, Number] | None:
    """Both ends of "5,000万~1億" or "3~5万" (the second's scale applies to a bare first)."""
    low, high = parse_numeral(first), parse_numeral(second)
    if low is None or high is None:
        return None
    scale = _trailing_scale(second)
    if scale and not any(c in cues.SCALE_WORDS for c in first):
        low = Number(low.value * scale, low.precision * scale, low.kanji_only)
    if low.value >= high.value:
        return None
    return low, high


def valid_tail(numeral: str) -> tuple[int, Number] | None:
    """Where a numeral whose scales are out of order ("27万6,300億", a slip or a damaged
    copy) holds a whole number after a scale word, and that number: the figure the
    unit belongs to, so the checks can weigh it against what the text says elsewhere."""
    for i, c in enumerate(numeral):
        if c in cues.SCALE_WORDS:
            start = i + 1
            while start < len(numeral) and numeral[start].isspace():
                start += 1
            if start < len(numeral) and (number := parse_numeral(numeral[start:])) is not None:
                return start, number
    return None


def is_lone_one(number: Number, numeral: str) -> bool:
    return number.kanji_only and number.value == 1 and numeral in ("一", "壱")


def number_candidate(
    m: re.Match[str],
    kind: Kind,
    rule: str,
    unit: str | None,
    *,
    scale: int = 1,
    latin_unit: bool = False,
) -> Candidate | None:
    """A candidate from a match with group ``num`` and optionally ``num2`` (a range)."""
    first = m.group("num")
    second = m.groupdict().get("num2")
    common = dict(
        start=m.start(),
        end=m.end(),
        kind=kind,
        rule=rule,
        numeral_start=m.start("num"),
        unit=unit,
        latin_unit=latin_unit,
    )
    if second:
        ends = range_ends(first, second)
        if ends is None:
            return None
        low, high = ends
        return Candidate(
            value_low=low.value * scale,
            value_high=high.value * scale,
            bound=Bound.RANGE,
            precision=high.precision * scale,
            **common,
        )
    number = parse_numeral(first)
    if number is None:
        tail = valid_tail(first)
        if tail is None:
            return None
        offset, number = tail
        common["start"] = common["numeral_start"] = m.start("num") + offset
        first = first[offset:]
    value = number.value * scale
    return Candidate(
        value=value,
        value_low=value,
        value_high=value,
        bound=Bound.EQ,
        precision=number.precision * scale,
        lone_kanji_one=is_lone_one(number, first),
        **common,
    )


def unit_rows(
    family: str,
    kind: Kind,
    unit_regex: str,
    unit_of: UnitOf | Mapping[str, str],
    *,
    priority: int,
    latin: bool = False,
    scale_of: Callable[[str], Decimal] | None = None,
) -> list[Pattern]:
    """The row of a family: a single figure or a range, ending in a unit."""
    lookup = unit_of.__getitem__ if isinstance(unit_of, Mapping) else unit_of
    unit = rf"(?P<unit>{unit_regex}){NOT_LATIN_AFTER if latin else ''}"
    # one regex for "N unit" and "N(unit)~M unit"; the range part backtracks away, also
    # from "100万人から120万人に減少": a change from one figure to another, not a range
    regex = re.compile(
        rf"(?P<num>{NUM})(?:(?:\s?(?:{unit_regex}))?\s?(?:(?P<from_>から)|{RANGE_SYMBOL})"
        rf"\s?(?P<num2>{NUM}))?\s?{unit}(?(from_)(?!{_CHANGE_TO_LEVEL}))"
    )
    single = re.compile(rf"(?P<num>{NUM})\s?{unit}")

    def parse(m: re.Match[str], ctx: Context) -> Candidate | None:
        cand = _parse(m)
        if cand is None and m.group("num2"):
            # "前期の100億円から20億円増加": no range, but a figure where a change starts
            alone = single.match(ctx.text, m.start())
            cand = _parse(alone) if alone else None
        return cand

    def _parse(m: re.Match[str]) -> Candidate | None:
        written = m.group("unit")
        scale = scale_of(written) if scale_of else 1
        is_latin = written.isascii() and written.isalpha()
        rule = f"{family}.range.v1" if m.groupdict().get("num2") else f"{family}.v1"
        return number_candidate(m, kind, rule, lookup(written), scale=scale, latin_unit=is_latin)

    return [Pattern(f"{family}.v1", regex, parse, priority)]
