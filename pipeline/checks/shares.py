"""share: a stated share of a whole (構成比61%, シェア30%, 3割) against the part and the whole.

Checked only where the sentence states the share with a share word and exactly two
amounts of one unit, the smaller being the part and the larger the whole.
"""

from __future__ import annotations

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import SHARE_MARKERS

RULE = "share"
_AMOUNTS = {"money", "count", "quantity"}


def check_shares(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        by_sentence: dict[tuple[int, int], list[Figure]] = {}
        for f in figures:
            by_sentence.setdefault(ev.sentence_span(f.mention), []).append(f)
        for span, group in by_sentence.items():
            text = ev.texts[group[0].mention.doc_id][span[0] : span[1]]
            shares = [f for f in group if f.mention.kind == "percent" and f.mention.unit == "%"]
            amounts = [f for f in group if f.mention.kind in _AMOUNTS and f.mention.value]
            if len(shares) != 1 or len(amounts) != 2 or not any(w in text for w in SHARE_MARKERS):
                continue
            if amounts[0].mention.unit != amounts[1].mention.unit:
                continue
            part, whole = sorted(amounts, key=lambda f: f.mention.value)
            share = shares[0]
            # NOTE: a ratio of two loosely read figures says nothing; every written digit counts
            p, w = strict(part, ev.approx_tolerance), strict(whole, ev.approx_tolerance)
            ratio = Interval(p.low / w.high * 100, p.high / w.low * 100)
            ok = ratio.meets(share.interval)
            message = (
                f"{written(part)} of {written(whole)} is {ratio} % (every written digit "
                f"significant); the stated share {written(share)} "
                f"{'agrees' if ok else 'does not agree'}."
            )
            found.append(
                verdict(
                    RULE,
                    ok,
                    [share, part, whole],
                    message,
                    expected=f"{ratio} %",
                    observed=f"{share.interval} %",
                )
            )
    return found
