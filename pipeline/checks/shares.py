"""share: a stated share of a whole (構成比61%, シェア30%) against the part and the whole.

Checked only where the share is written against its part ("構成比61%の61億円",
"40%を占める440億円", "61億円が構成比61%") and the sentence holds exactly one larger
amount of the same unit, the whole; a percentage merely near two amounts is not read
as the share of one in the other.
"""

from __future__ import annotations

import re

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import PART_THEN_SHARE, SHARE_MARKERS, SHARE_THEN_PART

RULE = "share"
_AMOUNTS = {"money", "count", "quantity"}
_SHARE_THEN_PART = re.compile(rf"^{SHARE_THEN_PART}$")
_PART_THEN_SHARE = re.compile(rf"^{PART_THEN_SHARE}$")
#: NOTE: how far before a share (characters) a share word may stand: 構成比61%
_MARKER_WINDOW = 6


def _part_of(ev: Evidence, share: Figure, amounts: list[Figure]) -> Figure | None:
    """The amount the share is written against, if the text links the two."""
    text = ev.texts[share.mention.doc_id]
    s = share.mention
    for f in amounts:
        m = f.mention
        if m.start >= s.end and _SHARE_THEN_PART.match(text[s.end : m.start]):
            before = text[max(0, s.start - _MARKER_WINDOW) : s.start]
            after = text[s.end : m.start]
            if any(w in before or w in after for w in SHARE_MARKERS):
                return f
        if m.end <= s.start and _PART_THEN_SHARE.match(text[m.end : s.start]):
            return f
    return None


def check_shares(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        by_sentence: dict[tuple[int, int], list[Figure]] = {}
        for f in figures:
            by_sentence.setdefault(ev.sentence_span(f.mention), []).append(f)
        for group in by_sentence.values():
            amounts = [f for f in group if f.mention.kind in _AMOUNTS and f.mention.value]
            for share in (f for f in group if f.mention.kind == "percent"):
                if share.mention.unit != "%":
                    continue
                part = _part_of(ev, share, amounts)
                if part is None:
                    continue
                wholes = [
                    f
                    for f in amounts
                    if f is not part
                    and f.mention.unit == part.mention.unit
                    and (f.mention.value or 0) > (part.mention.value or 0)
                ]
                if len(wholes) == 1:
                    found.append(_verdict(ev, share, part, wholes[0]))
    return found


def _verdict(ev: Evidence, share: Figure, part: Figure, whole: Figure) -> Finding:
    # NOTE: a ratio of two loosely read figures says nothing; every written digit counts
    p, w = strict(part, ev.approx_tolerance), strict(whole, ev.approx_tolerance)
    ratio = Interval(p.low / w.high * 100, p.high / w.low * 100)
    ok = ratio.meets(share.interval)
    message = (
        f"{written(part)} of {written(whole)} is {ratio} % (every written digit "
        f"significant); the stated share {written(share)} "
        f"{'agrees' if ok else 'does not agree'}."
    )
    return verdict(
        RULE,
        ok,
        [share, part, whole],
        message,
        expected=f"{ratio} %",
        observed=f"{share.interval} %",
    )
