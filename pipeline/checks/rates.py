"""rate_consistency: documents stating different rates for the same currency pair."""

from __future__ import annotations

from itertools import combinations

from pipeline.checks.evidence import Evidence, Finding, finding, written
from schemas.vocab import Severity, Status

RULE = "rate_consistency"


def check_rates(ev: Evidence) -> list[Finding]:
    rates = [f for fs in ev.figures.values() for f in fs if f.mention.kind == "rate"]
    found = []
    for a, b in combinations(rates, 2):
        ma, mb = a.mention, b.mention
        if ma.unit != mb.unit:
            continue
        if ma.value == mb.value:
            found.append(
                finding(
                    RULE,
                    Status.PASS,
                    [a, b],
                    f"{written(a)} and {written(b)} state the same {ma.unit} rate.",
                )
            )
            continue
        found.append(
            finding(
                RULE,
                Status.WARN,
                [a, b],
                f"{written(a)} ({ma.doc_id}) and {written(b)} ({mb.doc_id}) state different "
                f"{ma.unit} rates ({ma.value:g} and {mb.value:g}); conversions differ accordingly.",
                expected=f"{ma.value:g} {ma.unit}",
                observed=f"{mb.value:g} {mb.unit}",
                severity=Severity.INFO,
            )
        )
    return found
