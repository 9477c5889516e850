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
#: "売上高を3倍の300億円に": what is multiplied, named right before the multiple
_MEASURE_MULTIPLIED = re.compile(r"(?P<what>[一-鿿々ァ-ヶー]{2,12})を\s?(?:約|およそ)?\s?$")
#: NOTE: characters before a multiple in which what it multiplies is looked for
_MEASURE_WINDOW = 16


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


def _measured_base(ev: Evidence, sentence: list[Figure], k: int) -> tuple[Figure, Figure] | None:
    """(base, level) of "売上高100億円を達成し、…売上高を3倍の300億円に": the multiple names what
    it multiplies (売上高を), the level follows it (の), and the base is the latest earlier
    figure of the sentence of the level's kind and unit that measures that."""
    multiple = sentence[k]
    r = multiple.mention
    text = ev.texts[r.doc_id]
    named = _MEASURE_MULTIPLIED.search(text, max(0, r.start - _MEASURE_WINDOW), r.start)
    if named is None or k + 1 >= len(sentence):
        return None
    level = sentence[k + 1]
    if not _MULTIPLE_THEN_LEVEL.match(text[r.end : level.mention.start]) or not _amount(level):
        return None
    what = named["what"]
    bases = [
        f
        for f in sentence[:k]
        if _alike(f, level)
        and _amount(f)
        and (
            (f.mention.measure or "").endswith(what)
            # "売上高100億円": the word right before the figure
            or what in text[max(0, f.mention.start - len(what) - 2) : f.mention.start]
        )
    ]
    return (bases[-1], level) if bases else None


def check_multiples(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        for sentence in _sentences(ev, figures):
            for k in range(len(sentence)):
                multiple = sentence[k]
                r = multiple.mention
                if r.kind != "ratio" or r.value is None:
                    continue
                base = sentence[k - 1] if k else None
                if (
                    base is not None
                    and _amount(base)
                    and _BASE_THEN_MULTIPLE.match(ev.texts[r.doc_id][base.mention.end : r.start])
                ):
                    level = _level(ev, sentence, k)
                    if level is not None:
                        found += _verdicts(ev, multiple, base, level)
                elif measured := _measured_base(ev, sentence, k):
                    found += _verdicts(ev, multiple, *measured, version=2)
    return found


def _verdicts(
    ev: Evidence, multiple: Figure, base: Figure, level: Figure, version: int = 1
) -> list[Finding]:
    tol = ev.approx_tolerance
    quotient = _quotient(strict(level, tol), strict(base, tol))
    if quotient is None:
        return []
    ok = quotient.meets(multiple.interval)
    message = (
        f"{written(level)} is {quotient} times {written(base)}; the stated "
        f"{written(multiple)} {'agrees' if ok else 'does not agree'}."
    )
    return [
        verdict(
            RULE,
            ok,
            [multiple, base, level],
            message,
            expected=f"{quotient} 倍",
            observed=f"{multiple.interval} 倍",
            version=version,
        )
    ]
