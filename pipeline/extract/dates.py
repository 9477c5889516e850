"""Dates (2020年3月31日, 3月11日, 5月上旬, 令和2年度, 今年) and periods between two dates.

A date without a written year takes the document's year (``year_inferred``).
Periods are found after dates: a date, a joiner (から, 〜, -) and a second date
or a tail that borrows the first date's year and month (5月1日から5日).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.numerals import parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.fragments import (
    DAY,
    MONTH,
    MONTH_PART,
    PERIOD_JOINER,
    RELATIVE_MONTH,
    RELATIVE_YEAR,
    SMALL_NUM,
    WEEKDAY,
    YEAR,
    YEAR_PART,
    alternation,
)
from schemas.vocab import DatePrecision, Kind

PRIORITY = 80
PERIOD_PRIORITY = 85

#: a month names no day of its own in "3月期決算" (a fiscal year without its year)
_MONTH_DATE = re.compile(
    rf"(?:{YEAR}|(?P<rel>{RELATIVE_YEAR}))?{MONTH}(?:{DAY}(?!間)|{MONTH_PART}|(?!期))"
)
_YEAR_DATE = re.compile(rf"{YEAR}(?:{YEAR_PART})?(?![間0-9])")
#: every year written out, also the one a full date opens with ("2025年10月1日")
_WRITTEN_YEAR = re.compile(rf"{YEAR}(?!間)")
#: "週1～2日", "週に3": days counted per week, not a date
_FREQUENCY = re.compile(
    rf"{''.join(f'(?<!{w[0]})' for w in cues.NAMED_WEEKS)}"
    rf"(?:{alternation(cues.FREQUENCY_BEFORE)})\s?(?:\d+\s?(?:{PERIOD_JOINER})\s?)?$"
)
#: a day of the month alone ("東京都は25日、"), placed in the document's month
_BARE_DAY = re.compile(
    rf"(?<![月\d.,]){DAY}(?!{alternation(cues.NOT_A_DAY_AFTER + cues.DAY_COUNT_AFTER)})"
)
_RELATIVE_DATE = re.compile(rf"(?P<rel>{RELATIVE_YEAR})(?:{YEAR_PART})?")
#: 今月, 先月中旬, 来月末: a month counted from the document's
_RELATIVE_MONTH = re.compile(rf"(?P<mrel>{RELATIVE_MONTH})(?:{MONTH_PART})?")
#: 2025年3月期, 2025年3月期第2四半期, 2025年3月期末: a fiscal year named by its last
#: month; without a year ("3月期決算の企業") it names a kind of company, not a year
#: (news writes the year in two digits there: 25年3月期, 24年10-12月期)
_SHORT_YEAR = r"(?<![\d.,/])(?P<yy>\d{2})年"
_FISCAL_MONTH = re.compile(
    rf"(?:{YEAR}|(?P<rel>{RELATIVE_YEAR})|{_SHORT_YEAR})(?P<month>{SMALL_NUM})月期"
    rf"(?P<fy_part>{alternation(cues.FISCAL_MONTH_PARTS)})?"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(?P<year>(?:19|20)\d\d)(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)"
    r"(?P<day>\d{1,2})(?![\d/.\-])"
)
#: 11/22(金): a month/day pair is a date only when a weekday follows it (3/4 is a fraction)
_SHORT_NUMERIC_DATE = re.compile(
    rf"(?<![\d/.\-])(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})(?![\d/])(?={WEEKDAY})"
)
_MONTH_RANGE = re.compile(
    rf"(?:{YEAR}|(?P<rel>{RELATIVE_YEAR})|{_SHORT_YEAR}(?=[^-~〜]+[-~〜][^月]+月期))?"
    rf"(?P<month>{SMALL_NUM})[-~〜](?P<month2>{SMALL_NUM})月"
)
_JOINER = re.compile(rf"{WEEKDAY}?\s?(?:{PERIOD_JOINER})\s?")
_PERIOD_TAIL = re.compile(
    rf"{WEEKDAY}?\s?(?:{PERIOD_JOINER})\s?(?:{MONTH}(?:{DAY}(?!間)|{MONTH_PART})?"
    rf"|(?P<day_only>{SMALL_NUM})日(?!間)|(?P<part_only>{alternation(cues.MONTH_PARTS)}))"
)


@dataclass(frozen=True)
class _Year:
    year: int | None
    inferred: bool


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    number = parse_numeral(text)
    return int(number.value) if number is not None and number.value == int(number.value) else None


_TENSE = re.compile(
    rf"(?P<future>{alternation(cues.FUTURE_CUES)})|(?P<past>{alternation(cues.PAST_CUES)})"
)


def _tense(ctx: Context, end: int) -> str | None:
    """'future' or 'past' from the first tense cue after a date, in its sentence."""
    window = ctx.text[end : end + cues.TENSE_WINDOW]
    window = window.split("。", 1)[0].split("\n", 1)[0]
    m = _TENSE.search(window)
    return m.lastgroup if m else None


def _context_year(ctx: Context, start: int, end: int, month: int | None) -> int | None:
    """The year a date without one belongs to: the document's, else the last one written
    before it in its paragraph or in the title line."""
    if ctx.doc_date is not None:
        year = ctx.doc_date.year
        if month is None:
            return year
        tense = _tense(ctx, end)
        if tense == "future" and month < ctx.doc_date.month:
            return year + 1
        if tense == "past" and month > ctx.doc_date.month:
            return year - 1
        # NOTE: a January/February document citing November/December means last year
        if tense is None and ctx.doc_date.month <= 2 and month >= 11:
            year -= 1
        return year
    if month is None:
        return None  # 今年, 昨年 are relative to a publication date nobody wrote down
    # the paragraph's own year, else the title's: a year elsewhere is as likely a target
    # ("2030年に6,000万人とする目標") as the year the text is about
    paragraph = max(ctx.text.rfind("\n\n", 0, start), 0)
    title_end = ctx.text.find("\n")
    earlier = [
        y
        for pos, y in ctx.written_years
        if pos < start and (pos >= paragraph or 0 <= pos < title_end or title_end < 0)
    ]
    return earlier[-1] if earlier else None


def _year(m: re.Match[str], ctx: Context, month: int | None) -> _Year:
    groups = m.groupdict()
    if groups.get("era"):
        era_year = 1 if groups["era_year"] == "元" else _int(groups["era_year"])
        return _Year(cues.ERAS[groups["era"]] + era_year if era_year else None, False)
    if groups.get("year"):
        return _Year(_int(groups["year"]), False)
    if groups.get("yy"):
        # 25年3月期: the century of the document, else this one
        century = ctx.doc_date.year // 100 * 100 if ctx.doc_date else 2000
        return _Year(century + int(groups["yy"]), False)
    if groups.get("rel"):
        base = _context_year(ctx, m.start(), m.end(), None)
        return _Year(base + cues.RELATIVE_YEARS[groups["rel"]] if base else None, True)
    return _Year(_context_year(ctx, m.start(), m.end(), month), True)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _days(year: int, month: int, day: int | None, part: str | None) -> tuple[date, date, str]:
    """First and last day covered by a month-based date, and its precision."""
    if day is not None:
        d = date(year, month, day)
        return d, d, DatePrecision.DAY
    if part is not None:
        first, last = cues.MONTH_PARTS[part]
        end = _month_end(year, month) if last is None else date(year, month, last)
        start = end if first is None else date(year, month, first)
        return start, end, DatePrecision.PART
    return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH


def _date_candidate(m: re.Match[str], rule: str, **fields: object) -> Candidate:
    first = m.start()
    return Candidate(
        start=first, end=m.end(), kind=Kind.DATE, rule=rule, numeral_start=first, **fields
    )  # type: ignore[arg-type]


def _month_date(m: re.Match[str], ctx: Context, rule: str = "date.month.v1") -> Candidate | None:
    month, day = _int(m.group("month")), _int(m.group("day"))
    if month is None or not 1 <= month <= 12:
        return None
    year = _year(m, ctx, month)
    try:
        # NOTE: 2000 is a leap year, so 2月29日 stands when the year is unknown
        part = m.groupdict().get("month_part")
        start, end, precision = _days(year.year or 2000, month, day, part)
    except ValueError:
        return None
    if year.year is None:
        return _date_candidate(m, rule, year_inferred=True)
    if year.inferred and day is not None:
        start, end = _weekday_year(ctx.text, m.end(), start)
    return _date_candidate(
        m,
        rule,
        date_start=start,
        date_end=end,
        date_precision=precision,
        year_inferred=year.inferred,
    )


_WEEKDAY_AFTER = re.compile(rf"\s?\(([{''.join(cues.WEEKDAYS)}])")


def _weekday_year(text: str, end: int, day: date) -> tuple[date, date]:
    """A weekday written after a year-less date picks its year among the inferred one
    and the years either side: 3月1日(土) in a November 2024 release is 2025-03-01."""
    written = _WEEKDAY_AFTER.match(text, end)
    if written is None or day.weekday() == cues.WEEKDAYS[written.group(1)]:
        return day, day
    for shift in (1, -1):
        other = _years_later(day, shift)
        if other is not None and other.weekday() == cues.WEEKDAYS[written.group(1)]:
            return other, other
    return day, day


def _year_span(year: int, part: str | None) -> tuple[date, date, str]:
    if part in cues.FISCAL_PARTS:
        (m1, d1, y1), (m2, d2, y2) = cues.FISCAL_PARTS[part]
        return date(year + y1, m1, d1), date(year + y2, m2, d2), DatePrecision.PART
    if part == cues.FISCAL_YEAR:
        return date(year, 4, 1), date(year + 1, 3, 31), DatePrecision.YEAR
    if part is not None:
        (m1, d1), (m2, d2) = cues.YEAR_PARTS[part]
        return date(year, m1, d1), date(year, m2, d2), DatePrecision.PART
    return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR


def _year_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    year = _year(m, ctx, None)
    if year.year is None:
        return _date_candidate(m, "date.year.v1", year_inferred=year.inferred)
    start, end, precision = _year_span(year.year, m.group("year_part"))
    return _date_candidate(
        m,
        "date.year.v1",
        date_start=start,
        date_end=end,
        date_precision=precision,
        year_inferred=year.inferred,
    )


def _relative_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """先月中旬: the document's month moved by the word's offset; undated without one."""
    rule = "date.relative_month.v1"
    if ctx.doc_date is None:
        return _date_candidate(m, rule, year_inferred=True)
    offset = cues.RELATIVE_MONTHS[m.group("mrel")]
    first = _month_start(ctx.doc_date.year, ctx.doc_date.month + offset)
    start, end, precision = _days(first.year, first.month, None, m.group("month_part"))
    return _date_candidate(
        m, rule, date_start=start, date_end=end, date_precision=precision, year_inferred=True
    )


def _month_start(year: int, month: int) -> date:
    """The first day of a month counted from January of ``year`` (month 13 = next January)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, 1)


def _fiscal_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """2025年3月期 is the year ending March 2025; its parts count from April 2024."""
    last = _int(m.group("month"))
    if last is None or not 1 <= last <= 12:
        return None
    year = _year(m, ctx, None)
    if year.year is None:
        return _date_candidate(m, "date.fiscal_month.v1", year_inferred=True)
    first = _month_start(year.year - 1, last + 1)
    part = m.group("fy_part")
    span = cues.FISCAL_MONTH_PARTS[part] if part else (0, 12)
    if span is None:  # 期末: the year's last day
        start = end = _month_end(year.year, last)
    else:
        offset, months = span
        start = _month_start(first.year, first.month + offset)
        following = _month_start(first.year, first.month + offset + months)
        end = date.fromordinal(following.toordinal() - 1)
    return _date_candidate(
        m,
        "date.fiscal_month.v1",
        date_start=start,
        date_end=end,
        date_precision=DatePrecision.PART if part else DatePrecision.YEAR,
        year_inferred=year.inferred,
    )


def _short_numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """11/22(金): read like 11月22日, the year inferred."""
    return _month_date(m, ctx, "date.numeric.v1")


def _numeric_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    try:
        d = date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None
    return _date_candidate(
        m,
        "date.numeric.v1",
        date_start=d,
        date_end=d,
        date_precision=DatePrecision.DAY,
        year_inferred=False,
    )


def _month_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    first, last = _int(m.group("month")), _int(m.group("month2"))
    if first is None or last is None or not 1 <= first < last <= 12:
        return None
    year = _year(m, ctx, first)
    cand = _date_candidate(m, "period.months.v1", year_inferred=year.inferred)
    if year.year is None:
        return cand.with_(kind=Kind.PERIOD)
    return cand.with_(
        kind=Kind.PERIOD,
        date_start=date(year.year, first, 1),
        date_end=_month_end(year.year, last),
        date_precision=DatePrecision.MONTH,
    )


def _bare_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """A day without its month belongs to the document's month (news: 東京都は25日、…);
    in a document with no date of its own, to the month of the last full date written
    before it ("2025年11月3日午前4時…。…5日午後2時時点で"), else it stays undated."""
    day = _int(m.group("day"))
    if day is None:
        return None
    if _FREQUENCY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # 週1～2日: days counted (duration.days), not a date
    month_of = ctx.doc_date or _last_written_month(ctx, m.start())
    if month_of is None:
        return _date_candidate(m, "date.day.v1", year_inferred=True)
    try:
        d = date(month_of.year, month_of.month, day)
    except ValueError:
        return None
    return _date_candidate(
        m,
        "date.day.v1",
        date_start=d,
        date_end=d,
        date_precision=DatePrecision.DAY,
        year_inferred=True,
    )


_FULL_MONTH = re.compile(r"(?P<year>(?:19|20)\d\d)年(?P<month>\d{1,2})月")


def written_months(text: str) -> tuple[tuple[int, date], ...]:
    """Each year-and-month written (2025年11月), for dating the bare days of a document
    that carries no date of its own."""
    return tuple(
        (m.start(), date(int(m.group("year")), int(m.group("month")), 1))
        for m in _FULL_MONTH.finditer(text)
        if 1 <= int(m.group("month")) <= 12
    )


def _last_written_month(ctx: Context, before: int) -> date | None:
    k = bisect_right(ctx.written_months, (before, date.min)) - 1
    return ctx.written_months[k][1] if k >= 0 else None


PATTERNS: list[Pattern] = [
    Pattern("date.month.v1", _MONTH_DATE, _month_date, PRIORITY),
    Pattern("date.day.v1", _BARE_DAY, _bare_day, PRIORITY - 2),
    Pattern("date.year.v1", _YEAR_DATE, _year_date, PRIORITY),
    Pattern("date.relative.v1", _RELATIVE_DATE, _year_date, PRIORITY - 1),
    Pattern("date.relative_month.v1", _RELATIVE_MONTH, _relative_month, PRIORITY - 1),
    Pattern("date.numeric.v1", _NUMERIC_DATE, _numeric_date, PRIORITY),
    Pattern("date.fiscal_month.v1", _FISCAL_MONTH, _fiscal_month, PRIORITY),
    Pattern("date.numeric.v1", _SHORT_NUMERIC_DATE, _short_numeric_date, PRIORITY),
    Pattern("period.months.v1", _MONTH_RANGE, _month_range, PERIOD_PRIORITY),
]


def _tail_end(first: Candidate, tail: re.Match[str]) -> tuple[date, str] | None:
    """Last day covered by a period's second end, borrowing what it does not say."""
    assert first.date_start is not None
    month = _int(tail.group("month")) or first.date_start.month
    day = _int(tail.group("day") or tail.group("day_only"))
    year = first.date_start.year
    if tail.group("month") and month < first.date_start.month:
        year += 1
    try:
        part = tail.group("month_part") or tail.group("part_only")
        _, end, precision = _days(year, month, day, part)
    except ValueError:
        return None
    return end, precision


def _second_end(first: Candidate, text: str, by_start: dict[int, Candidate]):
    """(end offset, last day, precision) of a period's second end, if one follows."""
    joiner = _JOINER.match(text, first.end)
    full = by_start.get(joiner.end()) if joiner else None
    if full is not None and full.date_end is not None and full.year_inferred is False:
        return full.end, full.date_end, full.date_precision
    if (
        full is not None
        and full.date_end is not None
        and first.year_inferred
        and full.rule in _DATES_WITH_MONTH
    ):
        # both ends without a year (11/22～12/6): the end follows the start
        end = full.date_end
        if first.date_start is not None and end < first.date_start:
            end = _years_later(end, 1)
        return (full.end, end, full.date_precision) if end else None
    tail = _PERIOD_TAIL.match(text, first.end)
    ends = _tail_end(first, tail) if tail else None
    return (tail.end(), *ends) if tail and ends else None


#: rules whose dates name their month (a bare 7日 borrows the month of the period's start)
_DATES_WITH_MONTH = frozenset({"date.month.v1", "date.numeric.v1"})


def _years_later(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 2月29日
        return None


def periods(dates: list[Candidate], text: str) -> list[Candidate]:
    """Periods made of a dated candidate, a joiner and a second end."""
    by_start = {c.start: c for c in dates if c.kind == Kind.DATE}
    found = []
    for first in dates:
        if first.kind != Kind.DATE or first.date_start is None:
            continue
        second = _second_end(first, text, by_start)
        if second is None or second[1] < first.date_start:
            continue
        tail_end, end, tail_precision = second
        parts = {first.date_precision, tail_precision}
        precision = DatePrecision.PART if DatePrecision.PART in parts else tail_precision
        found.append(
            first.with_(
                end=tail_end,
                kind=Kind.PERIOD,
                rule="period.v1",
                date_end=end,
                date_precision=precision,
            )
        )
    return found


#: the bracket right after a fiscal part that spells out its months: （2025年4～6月期）
_BRACKET_OPEN = re.compile(r"\s?\(\s?")


def spelled_out(chosen: list[Candidate], text: str) -> list[Candidate]:
    """A fiscal part followed by its months in brackets takes those months: a company
    whose 年度 is the calendar year writes "2025年度第2四半期（2025年4～6月期）"."""
    by_start = {c.start: c for c in chosen}
    out = []
    for c in chosen:
        bracket = (
            _BRACKET_OPEN.match(text, c.end) if c.date_precision == DatePrecision.PART else None
        )
        inner = by_start.get(bracket.end()) if bracket else None
        if (
            inner is not None
            and inner.kind == Kind.PERIOD
            and inner.date_start is not None
            and (inner.date_start, inner.date_end) != (c.date_start, c.date_end)
        ):
            c = c.with_(date_start=inner.date_start, date_end=inner.date_end)
        out.append(c)
    return out


def written_years(text: str) -> tuple[tuple[int, int], ...]:
    """Explicit years in the text, for dating documents that carry no date of their own:
    a year alone ("2025年度") or opening a full date ("令和7年10月1日")."""
    years = []
    for m in _WRITTEN_YEAR.finditer(text):
        year = _year(m, Context(text, None, None), None)  # type: ignore[arg-type]
        if year.year is not None and not year.inferred:
            years.append((m.start(), year.year))
    return tuple(years)
