"""Stage 6, cross-validate: every check on every figure, as rows of the checks table.

Needs: mentions (with subjects), source texts and sentences, entity mentions.
Produces: ``Check`` records, passes included, in a stable order.  Each rule is a
pure function of the evidence in its own module; ``schema`` checks are added by
the export stage, which validates the tables.

Rules look within one document (``DOCUMENT_RULES``, run on each document alone, so a
run may reuse a document's findings while its evidence is unchanged) or across
documents (``corpus_findings``, recomputed over the whole corpus on every run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from pipeline.checks.changes_from import check_changes_from
from pipeline.checks.conversions import check_conversions
from pipeline.checks.currency_restatements import check_currency_restatements
from pipeline.checks.dates import check_dates
from pipeline.checks.evidence import Evidence, Finding
from pipeline.checks.growth import check_growth
from pipeline.checks.margins import check_margins
from pipeline.checks.multiples import check_multiples
from pipeline.checks.plausibility import check_plausibility
from pipeline.checks.rates import check_rates
from pipeline.checks.restatements import RULE as RESTATEMENT
from pipeline.checks.restatements import check_restatements, check_restatements_across
from pipeline.checks.shares import check_shares
from pipeline.checks.sums import check_sums
from pipeline.checks.table_growth import check_table_growth
from pipeline.checks.table_sums import check_table_sums
from pipeline.checks.tax import check_tax
from pipeline.checks.units import check_units
from schemas.records import Check

#: rules whose findings each stay within one document
DOCUMENT_RULES: tuple[Callable[[Evidence], list[Finding]], ...] = (
    check_sums,
    check_table_sums,
    check_conversions,
    check_units,
    check_restatements,
    check_currency_restatements,
    check_shares,
    check_dates,
    check_growth,
    check_table_growth,
    check_changes_from,
    check_multiples,
    check_plausibility,
    check_margins,
    check_tax,
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


def document_findings(evidence: Evidence, doc_id: str) -> list[Finding]:
    """Every document rule over one document alone: what they find depends on that
    document's evidence only."""
    alone = evidence.of_document(doc_id)
    return [found for rule in DOCUMENT_RULES for found in rule(alone)]


def _across_documents(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if len({x.mention.doc_id for x in f.figures} | set(f.docs)) > 1]


def corpus_findings(evidence: Evidence, within: Iterable[Finding]) -> list[Finding]:
    """The rules that compare documents, over the whole corpus.  ``within``: the
    documents' own findings, whose restatements tie figures an echo in another document
    does not restate again."""
    paired = frozenset(x.id for f in within if f.rule == RESTATEMENT for x in f.figures)
    return (
        check_rates(evidence)
        + _across_documents(check_units(evidence))
        + check_restatements_across(evidence, paired)
    )


def cross_validate(
    evidence: Evidence, known: Mapping[str, list[Finding]] | None = None
) -> tuple[list[Check], dict[str, list[Finding]]]:
    """Run every rule over the evidence; returns the checks and each document's own
    findings.  ``known``: documents' findings reused from an earlier run (their
    evidence unchanged); the other documents' are computed."""
    known = known or {}
    within = {
        doc_id: known[doc_id] if doc_id in known else document_findings(evidence, doc_id)
        for doc_id in evidence.texts
    }
    everything = [f for found in within.values() for f in found]
    return to_checks(everything + corpus_findings(evidence, everything)), within
