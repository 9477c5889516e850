"""A document's own findings as plain rows, to keep between runs and read back.

A row names its figures by mention id; reading it back takes the figures from this
run's evidence, so a reused finding points at the same records as a computed one.
"""

from __future__ import annotations

from pipeline.checks.evidence import Evidence, Finding
from schemas.vocab import Severity, Status


def as_rows(findings: list[Finding]) -> list[tuple]:
    """Findings without their figures' records: only what ``from_rows`` needs."""
    return [
        (
            f.rule,
            f.rule_version,
            f.status.value,
            f.severity.value,
            tuple(x.id for x in f.figures),
            f.expected,
            f.observed,
            f.message,
            f.docs,
        )
        for f in findings
    ]


def from_rows(rows: list[tuple], evidence: Evidence, doc_id: str) -> list[Finding] | None:
    """The findings again, with one document's figures from ``evidence``; None when a
    row names a figure the document does not have (the rows are then not its own)."""
    figures = {f.id: f for f in evidence.figures.get(doc_id, [])}
    found = []
    for rule, version, status, severity, ids, expected, observed, message, docs in rows:
        if not figures.keys() >= set(ids):
            return None
        found.append(
            Finding(
                rule,
                version,
                Status(status),
                Severity(severity),
                tuple(figures[i] for i in ids),
                expected,
                observed,
                message,
                docs,
            )
        )
    return found
