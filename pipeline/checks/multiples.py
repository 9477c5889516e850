"""ratio: a multiple written against its base ("Bの1.4倍") against the level it states.

"22万7,000円と、2019年同期（15万9,000円）の約1.4倍に達した": 22万7,000 / 15万9,000 must meet
1.4 (widened by 約); "100億円の3倍に当たる300億円": 300 / 100 must meet 3.  The base is the
amount written right before "の" and the multiple; the level is the amount of the base's
kind and unit written right after the multiple ("の", "に当たる"), or else the nearest one
before the base in its sentence.  A multiple of something not written as a figure
(前年の3倍) is not checked.
"""

from __future__ import annotations

import re

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import BASE_THEN_MULTIPLE, MULTIPLE_THEN_LEVEL

RULE = "ratio"
_AMOUNTS = {"money", "count", "quantity", "duration", "percent"}
_BASE_THEN_MULTIPLE = re.compile(rf"^{BASE_THEN_MULTIPLE}$")
_MULTIPLE_THEN_LEVEL = re.compile(rf"^{MULTIPLE_THEN_LEVEL}$")


def _amount(f: Figure) -> bool:
    m = f.mention
    return m.kind in _AMOUNTS and m.value is not None and m.bound in (None, "eq")


def _alike(a: Figure, b: Figure) -> bool:
    return (a.mention.kind, a.mention.unit) == (b.mention.kind, b.mention.unit)


def _quotient(level: Interval, base: Interval) -> Interval | None:
    if base.low <= 0 or level.low < 0:
        return None
    return Interval(level.low / base.high, level.high / base.low)


def _level(ev: Evidence, sentence: list[Figure], k: int) -> Figure | None:
    """The amount the multiple at ``sentence[k]`` comes to, its base at ``k - 1``."""
    base, multiple = sentence[k - 1], sentence[k]
    text = ev.texts[multiple.mention.doc_id]
    if k + 1 < len(sentence):
        after = sentence[k + 1]
        if _MULTIPLE_THEN_LEVEL.match(text[multiple.mention.end : after.mention.start]):
            return after if _alike(after, base) and _amount(after) else None
    before = [f for f in sentence[: k - 1] if _alike(f, base)]
    return before[-1] if before and _amount(before[-1]) else None


def _sentences(ev: Evidence, figures: list[Figure]) -> list[list[Figure]]:
    grouped: dict[int, list[Figure]] = {}
    for f in figures:
        grouped.setdefault(ev.sentence_span(f.mention)[0], []).append(f)
    return list(grouped.values())


def check_multiples(ev: Evidence) -> list[Finding]:
    found = []
    tol = ev.approx_tolerance
    for figures in ev.figures.values():
        for sentence in _sentences(ev, figures):
            for k in range(1, len(sentence)):
                multiple, base = sentence[k], sentence[k - 1]
                r, b = multiple.mention, base.mention
                if r.kind != "ratio" or r.value is None or not _amount(base):
                    continue
                if not _BASE_THEN_MULTIPLE.match(ev.texts[r.doc_id][b.end : r.start]):
                    continue
                level = _level(ev, sentence, k)
                quotient = _quotient(strict(level, tol), strict(base, tol)) if level else None
                if level is None or quotient is None:
                    continue
                ok = quotient.meets(multiple.interval)
                message = (
                    f"{written(level)} is {quotient} times {written(base)}; the stated "
                    f"{written(multiple)} {'agrees' if ok else 'does not agree'}."
                )
                found.append(
                    verdict(
                        RULE,
                        ok,
                        [multiple, base, level],
                        message,
                        expected=f"{quotient} 倍",
                        observed=f"{multiple.interval} 倍",
                    )
                )
    return found
