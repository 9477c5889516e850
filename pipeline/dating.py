"""The document's own date, from the text, when no sidecar gives it.

Tried in order: a date stated as the publication or update date
(``この記事は2020年5月21日に更新されました``, ``発表日: 2020年5月21日``), then the
dateline (a line near the top holding only a date, as releases and articles open:
``2024年11月8日``, ``令和6年11月22日``, ``2024年11月22日 18時05分``), then the latest
full date given as the data's as-of date (``2020年5月10日時点のデータ``).  An as-of date
comes last because it dates the data, which often precedes publication.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.patterns import cues
from pipeline.patterns.fragments import alternation

_FULL_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
_PUBLISH_WORDS = r"(?:更新|公開|発表|掲載|発行|配信|公表|作成)"
_STATED = re.compile(
    rf"{_FULL_DATE}\s?(?:に|付け?で?|付)?\s?{_PUBLISH_WORDS}"
    rf"|{_PUBLISH_WORDS}日\s?[:：]?\s?{_FULL_DATE.replace('?P<', '?P<p_')}"
)
#: a publication word that tells of an earlier release, modifying a noun: "に公表した業績
#:予想", "に発表された計画" (not "に更新されました", which dates this text)
_EARLIER_EVENT = re.compile(r"(?:し|され)た(?![。\s]|$)")
_AS_OF = re.compile(rf"{_FULL_DATE}\s?(?:{alternation(cues.AS_OF_MARKERS)})")


def _date(m: re.Match[str], prefix: str = "") -> date | None:
    try:
        return date(
            int(m.group(prefix + "y")), int(m.group(prefix + "m")), int(m.group(prefix + "d"))
        )
    except (ValueError, TypeError):
        return None


#: a line that is only a date, as press releases and news articles open: the dateline
#: (2024年11月8日, 令和6年11月22日, 2024年11月22日 18:05, 2024年11月22日 18時05分,
#: 2024年11月8日（金）, 報道発表 2024年11月8日)
_DATELINE = re.compile(
    rf"^[ \t]*(?:[^\d\n]{{0,12}}[:： ][ \t]*)?"
    rf"(?:(?P<y>\d{{4}})|(?P<era>{alternation(cues.ERAS)})(?P<ey>\d{{1,2}}|元))年"
    r"\s?(?P<m>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?日"
    r"[ \t]*(?:[(（][月火水木金土日](?:曜日?)?[)）])?"
    r"[ \t]*(?:\d{1,2}[:：]\d{2}|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?)?"
    rf"[ \t]*(?:{_PUBLISH_WORDS})?[ \t]*$",
    re.M,
)
#: NOTE: a dateline stands among the first lines of a document
DATELINE_MAX_LINE = 15


def _dateline(text: str) -> date | None:
    head = "\n".join(text.split("\n", DATELINE_MAX_LINE)[:DATELINE_MAX_LINE])
    for m in _DATELINE.finditer(head):
        if m.group("y"):
            year = int(m.group("y"))
        else:
            year = cues.ERAS[m.group("era")] + (1 if m.group("ey") == "元" else int(m.group("ey")))
        try:
            return date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None


def date_from_text(text: str) -> date | None:
    """Publication date stated in the (normalised) text, else the dateline, else the
    latest as-of date."""
    for m in _STATED.finditer(text):
        if _EARLIER_EVENT.match(text, m.end()):
            continue  # "5月13日に公表した業績予想": an earlier release, not this one
        found = _date(m) if m.group("y") else _date(m, "p_")
        if found:
            return found
    dateline = _dateline(text)
    if dateline:
        return dateline
    as_of = [d for d in (_date(m) for m in _AS_OF.finditer(text)) if d]
    return max(as_of) if as_of else None
