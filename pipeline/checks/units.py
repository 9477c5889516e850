"""unit_consistency: one figure for one subject written in two different units.

``4.39億元`` in the highlights and ``4.39億円`` in the body, for the same subject
(or, in one document, sentences naming the same entity), is an error: one of the
two currencies is wrong.  A converted amount in brackets is not such a pair.  So is
``4.39億元`` against ``4.39万元``: the same digits at two scales (``unit_consistency.v2``).
"""

from __future__ import annotations

import math
from itertools import combinations

from pipeline.checks.evidence import Evidence, Figure, Finding, amount, finding, written
from pipeline.patterns.cues import PER_UNIT_AFTER
from schemas.vocab import Status

RULE = "unit_consistency"
_KINDS = {"money", "quantity"}
#: NOTE: how many significant digits make a figure too specific to recur by chance
MIN_SIGNIFICANT_DIGITS = 2
#: NOTE: and how many make the same digits at two scales a slip, not two figures
SCALE_SLIP_DIGITS = 3
#: NOTE: sentences sharing this many content words, this share of the shorter one's,
#: say the same thing: a round figure in them is one figure
SLIP_SHARED_WORDS = 3
SLIP_OVERLAP = 0.5
#: NOTE: a round value stated more often than this is everywhere; its pairs are not read
ROUND_GROUP_MAX = 50
#: NOTE: how far before an amount (characters) 当たり makes it an amount per unit
PER_UNIT_WINDOW = 10


def _distinctive(f: Figure) -> bool:
    """Two or more significant digits (4.39, 6.1, 15): a round 10億 or 5億 recurs in
    other currencies by chance ("10億ドルで買収…売上高は10億円増加")."""
    return len(_digits(f)) >= MIN_SIGNIFICANT_DIGITS


def _same_subject(ev: Evidence, a: Figure, b: Figure) -> bool:
    ma, mb = a.mention, b.mention
    if ma.doc_id == mb.doc_id and ev.sentence_span(ma) == ev.sentence_span(mb):
        return False  # one sentence naming two currencies names two amounts
    if ma.subject and ma.subject == mb.subject:
        return True
    return ma.doc_id == mb.doc_id and bool(
        ev.entities_in_sentence(ma) & ev.entities_in_sentence(mb)
    )


def _clusters(ev: Evidence, group: list[Figure]) -> list[list[Figure]]:
    """Figures linked by the same-subject relation (a conversion pair never links)."""
    clusters: list[list[Figure]] = []
    for f in group:
        joined = [
            c
            for c in clusters
            if any(
                _same_subject(ev, f, g)
                and not ev.is_bracketed_after(g.mention, f.mention)
                and not ev.is_bracketed_after(f.mention, g.mention)
                for g in c
            )
        ]
        merged = [f] + [g for c in joined for g in c]
        clusters = [c for c in clusters if c not in joined] + [merged]
    return clusters


def _digits(f: Figure) -> str:
    """The significant digits as written: 4.39億 and 4.39万 are both 439."""
    return "".join(c for c in f.mention.normalized if c.isdigit()).strip("0")


def _scaled_apart(values: set[float]) -> bool:
    """Values that differ only by a power of ten of a thousand or more (4.39億 / 4.39万)."""
    low, high = min(values), max(values)
    ratio = high / low if low > 0 else 0
    return ratio >= 1000 and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-9


def _per_unit(ev: Evidence, f: Figure) -> bool:
    """An amount per person or per share ("市民1人当たりでは約214万円"): another scale of
    figure than the totals of its document, whatever its digits."""
    m = f.mention
    start = max(ev.sentence_span(m)[0], m.start - PER_UNIT_WINDOW)
    return any(w in ev.texts[m.doc_id][start : m.start] for w in PER_UNIT_AFTER)


def _scale_slips(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """``4.39億元`` in the highlights and ``4.39万元`` in the body for one subject: the same
    digits (three or more) at two scales; one scale word is wrong (``unit_consistency.v2``)."""
    by_digits: dict[tuple[str, str | None, str], list[Figure]] = {}
    for f in figures:
        if len(digits := _digits(f)) >= SCALE_SLIP_DIGITS and not _per_unit(ev, f):
            by_digits.setdefault((f.mention.kind, f.mention.unit, digits), []).append(f)
    found = []
    for group in by_digits.values():
        if len(group) < 2 or not _scaled_apart({f.mention.value for f in group}):
            continue
        for cluster in _clusters(ev, group):
            if not _scaled_apart({f.mention.value for f in cluster}):
                continue
            cluster.sort(key=lambda f: (f.mention.doc_id, f.mention.start))
            first = cluster[0].mention
            odd = next(f.mention for f in cluster if f.mention.value != first.value)
            places = ", ".join(f"{written(f)} (line {f.mention.line})" for f in cluster)
            subject = next(
                (f.mention.subject for f in cluster if f.mention.subject), "the same subject"
            )
            found.append(
                finding(
                    RULE,
                    Status.FAIL,
                    cluster,
                    f"The same digits for {subject} are written at different scales: "
                    f"{places}; a scale word (万, 億 …) is likely wrong.",
                    expected=f"{amount(first.value)} {first.unit}",
                    observed=f"{amount(odd.value)} {odd.unit}",
                    version=2,
                )
            )
    return found


def _similar_sentences(ev: Evidence, a: Figure, b: Figure) -> bool:
    wa, wb = ev.context_words(a.mention), ev.context_words(b.mention)
    shared = len(wa & wb)
    return shared >= SLIP_SHARED_WORDS and shared / max(1, min(len(wa), len(wb))) >= SLIP_OVERLAP


def _round_slips(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """``5億元`` in the highlights and ``5億円`` in the body: a round figure recurs in
    another currency by chance, but not in a sentence that says the same thing
    (``unit_consistency.v3``)."""
    by_value: dict[tuple[str, float], list[Figure]] = {}
    for f in figures:
        by_value.setdefault((f.mention.kind, f.mention.value), []).append(f)
    found = []
    for group in by_value.values():
        if len(group) > ROUND_GROUP_MAX or len({f.mention.unit for f in group}) < 2:
            continue
        for a, b in combinations(group, 2):
            ma, mb = a.mention, b.mention
            if (
                ma.unit == mb.unit
                or not _same_subject(ev, a, b)
                or ev.is_bracketed_after(ma, mb)
                or ev.is_bracketed_after(mb, ma)
                or not _similar_sentences(ev, a, b)
            ):
                continue
            subject = ma.subject or mb.subject or "the same subject"
            found.append(
                finding(
                    RULE,
                    Status.FAIL,
                    [a, b],
                    f"The same figure for {subject} is written in different units in two "
                    f"sentences that say the same thing: {written(a)} ({ma.unit}, line "
                    f"{ma.line}) and {written(b)} ({mb.unit}, line {mb.line}); one of the "
                    "two units is likely wrong.",
                    expected=f"{amount(ma.value)} {ma.unit}",
                    observed=f"{amount(mb.value)} {mb.unit}",
                    version=3,
                )
            )
    return found


def check_units(ev: Evidence) -> list[Finding]:
    candidates = [
        f
        for fs in ev.figures.values()
        for f in fs
        if f.mention.kind in _KINDS and f.mention.value and f.mention.bound != "range"
    ]
    round_ones = [f for f in candidates if not _distinctive(f)]
    return _distinct_slips(ev, [f for f in candidates if _distinctive(f)]) + _round_slips(
        ev, round_ones
    )


def _distinct_slips(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    by_value: dict[tuple[str, float], list[Figure]] = {}
    for f in figures:
        by_value.setdefault((f.mention.kind, f.mention.value), []).append(f)
    found = []
    for group in by_value.values():
        for cluster in _clusters(ev, group):
            units = sorted({f.mention.unit for f in cluster})
            if len(units) < 2:
                continue
            cluster.sort(key=lambda f: (f.mention.doc_id, f.mention.start))
            several = len({f.mention.doc_id for f in cluster}) > 1
            places = ", ".join(
                f"{written(f)} ({f.mention.unit}, "
                f"{f'{f.mention.doc_id} ' if several else ''}line {f.mention.line})"
                for f in cluster
            )
            subject = next(
                (f.mention.subject for f in cluster if f.mention.subject), "the same subject"
            )
            message = (
                f"The same figure for {subject} is written in different units: {places}; "
                "at least one of them is wrong."
            )
            first = cluster[0].mention
            odd = next(f.mention for f in cluster if f.mention.unit != first.unit)
            found.append(
                finding(
                    RULE,
                    Status.FAIL,
                    cluster,
                    message,
                    expected=f"{amount(first.value)} {first.unit}",
                    observed=f"{amount(odd.value)} {odd.unit}",
                )
            )
    return found + _scale_slips(ev, figures)
