"""restatement: the same claim stated more than once, in one document or across them.

Two figures are one claim when they have the same kind, unit, subject and object,
stand in different sentences, and their sentences say much the same thing (shared
words).  Equal within precision: pass.  Different with different as-of dates: the
figure moved over time (information).  Different otherwise: fail.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, written
from pipeline.checks.intervals import strict
from schemas.records import Mention
from schemas.vocab import Severity, Status

RULE = "restatement"
_KINDS = {"money", "count", "quantity", "percent", "duration", "ratio"}
#: NOTE: share of context words two sentences must have in common to state one claim;
#: figures that differ must also name what they count (an object) and overlap more
SAME_CLAIM_OVERLAP = 0.3
DIFFERING_CLAIM_OVERLAP = 0.6


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _different_events(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Figures under different headings or dated to different days are different claims."""
    if ma.doc_id == mb.doc_id and ev.section_of(ma) != ev.section_of(mb):
        return True
    da, db = ev.dates_in_sentence(ma), ev.dates_in_sentence(mb)
    return bool(da and db and not da & db)


def _key(f: Figure) -> tuple:
    m = f.mention
    return (m.kind, m.unit, m.subject, m.object)


def check_restatements(ev: Evidence) -> list[Finding]:
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.kind in _KINDS and f.mention.subject and f.mention.bound != "range":
                groups[_key(f)].append(f)
    found = []
    words: dict[str, set[str]] = {}
    for group in groups.values():
        for a, b in combinations(group, 2):
            ma, mb = a.mention, b.mention
            if ma.doc_id == mb.doc_id and ev.sentence_span(ma) == ev.sentence_span(mb):
                continue
            wa = words.setdefault(ma.mention_id, ev.context_words(ma))
            wb = words.setdefault(mb.mention_id, ev.context_words(mb))
            overlap = _overlap(wa, wb)
            if ma.value == mb.value and overlap >= SAME_CLAIM_OVERLAP:
                found.append(_compare(a, b))
            elif (
                ma.object
                and overlap >= DIFFERING_CLAIM_OVERLAP
                and not _different_events(ev, ma, mb)
            ):
                found.append(_compare(a, b))
    return found


def _compare(a: Figure, b: Figure) -> Finding:
    ma, mb = a.mention, b.mention
    what = f"{ma.subject}'s {ma.object or ma.kind}"
    if ma.value == mb.value or strict(a).meets(strict(b)):
        return finding(
            RULE,
            Status.PASS,
            [a, b],
            f"{what} is stated as {written(a)} and {written(b)}; they agree.",
            expected=str(a.interval),
            observed=str(b.interval),
        )
    if ma.as_of and mb.as_of and ma.as_of != mb.as_of:
        return finding(
            RULE,
            Status.WARN,
            [a, b],
            f"{what} is {written(a)} as of {ma.as_of} and {written(b)} as of {mb.as_of}: "
            "the figure changed over time.",
            expected=str(a.interval),
            observed=str(b.interval),
            severity=Severity.INFO,
        )
    return finding(
        RULE,
        Status.FAIL,
        [a, b],
        f"{what} is stated as {written(a)} (line {ma.line}) and {written(b)} "
        f"(line {mb.line}) with no different as-of date to explain it.",
        expected=str(a.interval),
        observed=str(b.interval),
    )
