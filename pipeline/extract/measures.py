"""Percentages, ratios, physical quantities and durations: a number and its unit."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.amounts import number_candidate, unit_rows
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.numerals import parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.fragments import (
    DURATION_UNIT,
    NUM,
    PERCENT_UNIT,
    QUANTITY_UNIT,
    RANGE_JOINER,
    SMALL_NUM,
    alternation,
)
from schemas.vocab import Bound, Kind

_WARI = re.compile(
    rf"(?P<num>{NUM})(?:割?\s?{RANGE_JOINER}\s?(?P<num2>{NUM}))?割(?:(?P<bu>{SMALL_NUM})分)?"
)
#: "0.2ポイント上昇", "0.2ポイントの上昇", "18.52ポイント（0.67%）高"
_POINTS = re.compile(
    rf"(?P<num>{NUM})\s?{cues.POINT_UNIT}"
    rf"(?=\s?(?:[(（][^)）\n]{{1,20}}[)）]\s?)?の?\s?(?:{alternation(cues.POINT_CONTEXT)}))"
)
#: "寄与度は1.55ポイント": points with no word of change after them (see ``_points_in_sentence``)
_BARE_POINTS = re.compile(rf"(?P<num>{NUM})\s?{cues.POINT_UNIT}(?![ァ-ヶー])")
_SENTENCE_ENDS = "。！？\n"
_SENTENCE_BOUNDARY = re.compile(f"[{_SENTENCE_ENDS}]")
#: "その差は4.4ポイント": points after a word of margin
_POINTS_OF_MARGIN = re.compile(
    rf"(?:{'|'.join(f'(?<={re.escape(w)})' for w in cues.POINT_MARGIN_BEFORE)})"
    rf"(?P<num>{NUM})\s?{cues.POINT_UNIT}"
)
#: "時速15キロ": kilometres an hour
_SPEED = re.compile(
    "(?:"
    + "|".join(
        f"(?<={re.escape(w + gap)})"
        for w in cues.SPEED_BEFORE
        for gap in ("", " ", "約", "約 ", " 約 ", " 約")
    )
    + rf")(?P<num>{NUM})\s?(?:{alternation(cues.SPEED_UNITS)})"
)
#: "3~5年で", "2~3日以内": either row may be a range of small numbers
_NUM_OR_RANGE = rf"(?P<num>{NUM})(?:\s?{RANGE_JOINER}\s?(?P<num2>{NUM}))?"
_DAY_COUNT = re.compile(rf"{_NUM_OR_RANGE}日(?=(?:{alternation(cues.DAY_COUNT_AFTER)}))")
#: 週3日, 週1～2日, 月に2日: days per week or month
_DAYS_PER = re.compile(
    rf"(?:{'|'.join(f'(?<={re.escape(w)})' for w in cues.FREQUENCY_BEFORE)})"
    rf"{''.join(f'(?<!{re.escape(w)})' for w in cues.NAMED_WEEKS)}"
    rf"{_NUM_OR_RANGE}日(?!間)"
)
#: "平均2.4日", "約45日": days that no date can be (see ``_days_not_a_date``)
_DAYS_NOT_A_DATE = re.compile(rf"(?<![月\d.,]){_NUM_OR_RANGE}日(?![間付曜])")
_SHORT_YEARS = re.compile(rf"{_NUM_OR_RANGE}{cues.SHORT_YEARS_UNIT}(?![度月間0-9])")


_TEMPERATURE = re.compile(rf"(?P<num>{NUM})(?:度?\s?{RANGE_JOINER}\s?(?P<num2>{NUM}))?度(?![目数])")
_TEMPERATURE_WORD = re.compile(alternation(cues.TEMPERATURE_WORDS))


def _temperature(m: re.Match[str], ctx: Context) -> Candidate | None:
    """35.2度 or 気温が…30度: degrees Celsius; 3度 alone counts times (a count row)."""
    before = ctx.text[max(0, m.start() - cues.TEMPERATURE_WINDOW) : m.start()]
    before = before.rsplit("。", 1)[-1]
    if "." not in m.group(0) and not _TEMPERATURE_WORD.search(before):
        return None
    return number_candidate(m, Kind.QUANTITY, "quantity.temperature.v1", "°C")


_HALF = re.compile(
    rf"(?P<num>{NUM})(?P<unit>{alternation(cues.HALF_AFTER_UNITS)}){cues.HALF}(?:間)?(?![年期ば])"
)


_COMPOUND = re.compile(
    "|".join(
        rf"(?P<num{k}>{NUM})\s?{big}\s?(?P<small{k}>[0-9]{{1,2}})\s?{small}(?:間)?(?![0-9])"
        for k, (big, small, _, _) in enumerate(cues.COMPOUND_DURATIONS)
    )
)


def _compound(m: re.Match[str], ctx: Context) -> Candidate | None:
    """1時間36分 is one length, 96 minutes, not an hour and a separate 36 minutes."""
    k = next(i for i in range(len(cues.COMPOUND_DURATIONS)) if m.group(f"num{i}"))
    _, _, factor, unit = cues.COMPOUND_DURATIONS[k]
    big, small = parse_numeral(m.group(f"num{k}")), int(m.group(f"small{k}"))
    if big is None or small >= factor:
        return None
    value = big.value * factor + small
    return Candidate(
        start=m.start(),
        end=m.end(),
        kind=Kind.DURATION,
        rule="duration.compound.v1",
        numeral_start=m.start(),
        value=value,
        value_low=value,
        value_high=value,
        bound=Bound.EQ,
        unit=unit,
        precision=Decimal(1),
    )


def _and_a_half(m: re.Match[str], ctx: Context) -> Candidate | None:
    """1年半, 2時間半: the number and half of its unit."""
    unit = cues.HALF_AFTER_UNITS[m.group("unit")]
    cand = number_candidate(m, Kind.DURATION, "duration.half.v1", unit)
    if cand is None or cand.value is None:
        return None
    if unit == "year" and cand.value > cues.SHORT_YEARS_MAX:
        return None  # 2020年半ば is a time of year, not a length
    value = cand.value + Decimal("0.5")
    return cand.with_(value=value, value_low=value, value_high=value, precision=Decimal("0.5"))


def _wari(m: re.Match[str], ctx: Context) -> Candidate | None:
    """割 is tenths: 3割 = 30%, 3割5分 = 35%."""
    cand = number_candidate(m, Kind.PERCENT, "percent.wari.v1", "%", scale=10)
    bu = parse_numeral(m.group("bu")) if m.group("bu") else None
    if cand is None or bu is None or cand.value is None:
        return cand
    value = cand.value + bu.value
    return cand.with_(value=value, value_low=value, value_high=value, precision=Decimal(1))


def _points(m: re.Match[str], ctx: Context) -> Candidate | None:
    return number_candidate(m, Kind.PERCENT, "percent.points.v1", "pt")


def _points_in_sentence(m: re.Match[str], ctx: Context) -> Candidate | None:
    """Points whose sentence speaks of contributions or changes and not of loyalty
    points: "寄与度は1.55ポイント" (a percentage point), not "1ポイントを付与"."""
    text = ctx.text
    start = max(text.rfind(c, 0, m.start()) for c in _SENTENCE_ENDS) + 1
    end_at = _SENTENCE_BOUNDARY.search(text, m.end())
    sentence = text[start : end_at.start() if end_at else len(text)]
    if not any(w in sentence for w in cues.POINT_SENTENCE_WORDS) or any(
        w in sentence for w in cues.LOYALTY_POINT_WORDS
    ):
        return None
    return number_candidate(m, Kind.PERCENT, "percent.points.v2", "pt")


def _speed(m: re.Match[str], ctx: Context) -> Candidate | None:
    return number_candidate(m, Kind.QUANTITY, "quantity.speed.v1", "km/h")


def _day_count(m: re.Match[str], ctx: Context) -> Candidate | None:
    """N日以内, N日ぶり: a number of days, where N日 alone would be a date."""
    return number_candidate(m, Kind.DURATION, "duration.days.v1", "day")


def _days_not_a_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """A number of days with decimals or past the longest month is a count of days."""
    cand = number_candidate(m, Kind.DURATION, "duration.days.v1", "day")
    if cand is None or cand.value_low is None or cand.value_high is None:
        return None
    fractional = cand.value_low % 1 or cand.value_high % 1
    return cand if fractional or cand.value_high > cues.LONGEST_MONTH_DAYS else None


def _short_years(m: re.Match[str], ctx: Context) -> Candidate | None:
    cand = number_candidate(m, Kind.DURATION, "duration.years.v1", "year")
    if cand is None or (cand.value_high or 0) > cues.SHORT_YEARS_MAX:
        return None
    return cand


PATTERNS: list[Pattern] = [
    *unit_rows("percent", Kind.PERCENT, PERCENT_UNIT, cues.PERCENT_UNITS, priority=50),
    Pattern("percent.wari.v1", _WARI, _wari, 50),
    Pattern("percent.points.v1", _POINTS, _points, 50),
    Pattern("percent.points.v1", _POINTS_OF_MARGIN, _points, 50),
    Pattern("percent.points.v2", _BARE_POINTS, _points_in_sentence, 49),
    *unit_rows("ratio", Kind.RATIO, "倍", cues.RATIO_UNITS, priority=45),
    *unit_rows(
        "quantity", Kind.QUANTITY, QUANTITY_UNIT, cues.QUANTITY_UNITS, priority=40, latin=True
    ),
    *unit_rows("duration", Kind.DURATION, DURATION_UNIT, cues.DURATION_UNITS, priority=35),
    Pattern("duration.years.v1", _SHORT_YEARS, _short_years, 30),
    Pattern("duration.days.v1", _DAY_COUNT, _day_count, 35),
    Pattern("duration.days.v1", _DAYS_PER, _day_count, 35),
    Pattern("duration.days.v1", _DAYS_NOT_A_DATE, _days_not_a_date, 35),
    Pattern("quantity.temperature.v1", _TEMPERATURE, _temperature, 40),
    Pattern("quantity.speed.v1", _SPEED, _speed, 45),
    Pattern("duration.half.v1", _HALF, _and_a_half, 36),
    Pattern("duration.compound.v1", _COMPOUND, _compound, 37),
]
