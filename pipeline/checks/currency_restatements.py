"""restatement (``restatement.v3``): one claim stated in two currencies in one document.

"マイバンクは…計 4.39 億元を拠出" in one place and "マイバンクは…計 4.93 億円を拠出" in
another: the same subject, sentences that say much the same thing, two currencies.
With a rate stated in the document the two must agree through it, as a bracketed
conversion must.  Figures with the same number in two currencies are left to
``unit_consistency``, which reports the currency slip itself.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from pipeline.checks.conversions import stated_rate
from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import as_written, exact
from pipeline.checks.restatements import DIFFERING_CLAIM_OVERLAP, same_claim

RULE = "restatement"
#: NOTE: one subject's amounts in a document beyond which pairs are not compared: every
#: pair is weighed, and a long document's main subject can have thousands
MAX_AMOUNTS_PER_SUBJECT = 200


def _measures_meet(a: str | None, b: str | None) -> bool:
    """Whether two figures may measure one thing: 海外事業 and 海外事業の売上高 may, 国内事業
    and 海外事業の売上高 may not; a figure with no measure written may be anything."""
    return not a or not b or a in b or b in a


def _restated(ev: Evidence, a: Figure, b: Figure) -> bool:
    ma, mb = a.mention, b.mention
    return (
        ma.unit != mb.unit
        and ma.value != mb.value
        and (not ma.object or not mb.object or ma.object == mb.object)
        and _measures_meet(ma.measure, mb.measure)
        and not ev.is_bracketed_after(ma, mb)
        and same_claim(ev, a, b, DIFFERING_CLAIM_OVERLAP)
    )


def check_currency_restatements(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        by_subject: dict[str, list[Figure]] = defaultdict(list)
        for f in figures:
            m = f.mention
            if m.kind == "money" and m.value and m.bound in (None, "eq") and m.subject:
                by_subject[m.subject].append(f)
        pairs = [
            (a, b)
            for money in by_subject.values()
            if len(money) <= MAX_AMOUNTS_PER_SUBJECT
            for a, b in combinations(money, 2)
            if _restated(ev, a, b)
        ]
        for a, b in pairs:
            stated = stated_rate(figures, a.mention.unit, b.mention.unit)
            if stated is None:
                continue
            rate_figure, rate = stated
            expected = as_written(a, ev.approx_tolerance).scale(exact(rate))
            ok = expected.meets(b.interval)
            found.append(
                verdict(
                    RULE,
                    ok,
                    [a, b, rate_figure],
                    f"{a.mention.subject}'s {written(a)} (line {a.mention.line}) and "
                    f"{written(b)} (line {b.mention.line}) state one claim in two currencies; "
                    f"through the document's rate {written(rate_figure)} they "
                    f"{'agree' if ok else 'do not agree'} ({expected} against {b.interval}).",
                    expected=str(expected),
                    observed=str(b.interval),
                    version=3,
                )
            )
    return found
