"""rate_consistency: documents stating different rates for the same currency pair."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, written
from schemas.vocab import Severity, Status

RULE = "rate_consistency"


def check_rates(ev: Evidence) -> list[Finding]:
    """Per currency pair: the rate most documents state, and each rate that differs from it."""
    by_pair: dict[str, list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.kind == "rate" and f.mention.value:
                by_pair[f.mention.unit].append(f)
    found = []
    for unit, rates in sorted(by_pair.items()):
        if len(rates) < 2:
            continue
        common = Counter(f.mention.value for f in rates).most_common(1)[0][0]
        reference = next(f for f in rates if f.mention.value == common)
        differing = [f for f in rates if f.mention.value != common]
        if not differing:
            found.append(
                finding(
                    RULE,
                    Status.PASS,
                    rates,
                    f"All {len(rates)} statements of the {unit} rate agree ({common:g}).",
                )
            )
        for f in differing:
            m, r = f.mention, reference.mention
            found.append(
                finding(
                    RULE,
                    Status.WARN,
                    [reference, f],
                    f"{written(f)} ({m.doc_id}) states a different {unit} rate from "
                    f"{written(reference)} ({r.doc_id}): {m.value:g} against {r.value:g}; "
                    "conversions differ accordingly.",
                    expected=f"{r.value:g} {unit}",
                    observed=f"{m.value:g} {unit}",
                    severity=Severity.INFO,
                )
            )
    return found
