"""date_validity: dates that cannot be right as written.

- a day that does not exist (4月31日, 13月1日): the extractor drops it, so it is found
  here on the text;
- a period whose end comes before its start (5月5日から5月1日);
- a weekday in brackets that is not the date's (2020年5月21日（水）: it was a Thursday).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from itertools import pairwise

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, verdict, written
from pipeline.patterns.check_cues import WEEKDAYS
from schemas.vocab import Status

RULE = "date_validity"
_DAY = re.compile(
    r"(?<![0-9０-９])(?:([0-9０-９]{4})\s?年\s?)?([0-9０-９]{1,2})\s?月\s?([0-9０-９]{1,2})\s?日"
)
#: the month-day tail of ``_DAY``: a literal 月 lets the scan skip through a text quickly
_DAY_TAIL = re.compile(r"月\s?[0-9０-９]{1,2}\s?日")
#: how far before its 月 a ``_DAY`` match can start (2020 年 12 月)
_DAY_HEAD = 10
_WEEKDAY = re.compile(rf"\s?[（(]\s?([{''.join(WEEKDAYS)}])(?:曜日?)?\s?[）)]")
_JOINER = re.compile(r"\s*(?:から|~|〜|～|-|–)\s*")
_NAMES = "月火水木金土日"


def _written_days(text: str) -> list[re.Match[str]]:
    """Every ``_DAY`` match of a text, found from the 月…日 tails (far fewer places to try)."""
    return [
        day
        for tail in _DAY_TAIL.finditer(text)
        for day in _DAY.finditer(text, max(0, tail.start() - _DAY_HEAD), tail.end())
        if day.end() == tail.end()
    ]


def _impossible(ev: Evidence) -> list[Finding]:
    found = []
    for doc_id, text in ev.texts.items():
        for m in _written_days(text):
            year, month, day = (
                int(unicodedata.normalize("NFKC", g)) if g else None for g in m.groups()
            )
            # NOTE: with no year written, 2000 (a leap year) lets 2月29日 stand
            days = calendar.monthrange(year or 2000, month)[1] if 1 <= month <= 12 else 0
            if not 1 <= day <= days:
                line = text.count("\n", 0, m.start()) + 1
                found.append(
                    finding(
                        RULE,
                        Status.FAIL,
                        [],
                        f"'{m.group()}' ({doc_id}, line {line}) is not a date: "
                        + (
                            f"month {month} does not exist."
                            if not days
                            else f"month {month} has {days} days."
                        ),
                        observed=m.group(),
                        docs=(doc_id,),
                    )
                )
    return found


def _order_key(m) -> tuple | None:
    """When a date falls: its ISO date, or (month, day) when its year is unknown."""
    if m.date_start:
        return tuple(map(int, m.date_start.split("-")))
    found = _DAY.search(unicodedata.normalize("NFKC", m.normalized))
    return (0, int(found.group(2)), int(found.group(3))) if found else None


def _reversed_periods(ev: Evidence, dates: list[Figure]) -> list[Finding]:
    found = []
    for a, b in pairwise(dates):
        ma, mb = a.mention, b.mention
        start, end = _order_key(ma), _order_key(mb)
        if (
            ma.doc_id != mb.doc_id
            or start is None
            or end is None
            or (start[0] == 0) != (end[0] == 0)
        ):
            continue
        if _JOINER.fullmatch(ev.between(ma, mb)) and end < start:
            found.append(
                finding(
                    RULE,
                    Status.FAIL,
                    [a, b],
                    f"The period from {written(a)} to {written(b)} (line {ma.line}) ends before "
                    "it starts.",
                    expected=f"after {written(a)}",
                    observed=written(b),
                )
            )
    return found


def _weekdays(ev: Evidence, dates: list[Figure]) -> list[Finding]:
    found = []
    for f in dates:
        m = f.mention
        if m.date_precision != "day" or not m.date_start:
            continue
        w = _WEEKDAY.match(ev.texts[m.doc_id], m.end)
        if w is None:
            continue
        actual = _NAMES[calendar.weekday(*map(int, m.date_start.split("-")))]
        ok = WEEKDAYS[w.group(1)] == _NAMES.index(actual)
        message = f"{written(f)} ({m.date_start}) is a {actual}曜日" + (
            "; the text agrees." if ok else f", not a {w.group(1)}曜日 as written (line {m.line})."
        )
        found.append(
            verdict(
                RULE,
                ok,
                [f],
                message,
                expected=f"{actual}曜日",
                observed=f"{w.group(1)}曜日",
            )
        )
    return found


def check_dates(ev: Evidence) -> list[Finding]:
    dates = [f for fs in ev.figures.values() for f in fs if f.mention.kind == "date"]
    return _impossible(ev) + _reversed_periods(ev, dates) + _weekdays(ev, dates)
