"""Stage 6, cross-validate: every check on every figure, as rows of the checks table.

Needs: mentions (with subjects), source texts and sentences, entity mentions.
Produces: ``Check`` records, passes included, in a stable order.  Each rule is a
pure function of the evidence in its own module; ``schema`` checks are added by
the export stage, which validates the tables.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.checks.changes_from import check_changes_from
from pipeline.checks.conversions import check_conversions
from pipeline.checks.currency_restatements import check_currency_restatements
from pipeline.checks.dates import check_dates
from pipeline.checks.evidence import Evidence, Finding
from pipeline.checks.growth import check_growth
from pipeline.checks.multiples import check_multiples
from pipeline.checks.rates import check_rates
from pipeline.checks.restatements import check_restatements
from pipeline.checks.shares import check_shares
from pipeline.checks.sums import check_sums
from pipeline.checks.table_growth import check_table_growth
from pipeline.checks.table_sums import check_table_sums
from pipeline.checks.units import check_units
from schemas.records import Check

RULES: tuple[Callable[[Evidence], list[Finding]], ...] = (
    check_sums,
    check_table_sums,
    check_conversions,
    check_units,
    check_restatements,
    check_currency_restatements,
    check_rates,
    check_shares,
    check_dates,
    check_growth,
    check_table_growth,
    check_changes_from,
    check_multiples,
)


def _order(f: Finding) -> tuple:
    return (f.rule, [(x.mention.doc_id, x.mention.start) for x in f.figures], f.docs, f.message)


def to_checks(findings: list[Finding], start: int = 0) -> list[Check]:
    """Number findings per rule in a stable order: rule, then where they point."""
    ordered = sorted(findings, key=_order)
    counts: dict[str, int] = {}
    checks = []
    for f in ordered:
        counts[f.rule] = counts.get(f.rule, 0) + 1
        checks.append(
            # built by this program from checked parts; the checks table is validated whole
            Check.trusted(
                {
                    "check_id": f"{f.rule}:{counts[f.rule] + start:04d}",
                    "rule": f.rule,
                    "rule_version": f.rule_version,
                    "status": f.status,
                    "severity": f.severity,
                    "doc_ids": sorted({x.mention.doc_id for x in f.figures} | set(f.docs)),
                    "mention_ids": [x.mention.mention_id for x in f.figures],
                    "expected": f.expected,
                    "observed": f.observed,
                    "message": f.message,
                    "accepted": False,
                    "review": None,
                }
            )
        )
    return checks


def cross_validate(evidence: Evidence) -> list[Check]:
    """Run every rule over the evidence."""
    return to_checks([found for rule in RULES for found in rule(evidence)])
