"""The review report: totals first, then every fail and warn quoted in context, then passes.

One context is built here and rendered twice, to ``report.md`` and to a
self-contained ``report.html`` (autoescaped; no scripts, fonts or links to fetch).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from schemas.records import Change, Check, Mention, SourceError

#: the order findings are shown in: what needs action first
_ORDER = {("fail", "error"): 0, ("warn", "warning"): 1, ("fail", "warning"): 1, ("warn", "info"): 2}


@dataclass(frozen=True)
class Piece:
    text: str
    marked: bool


@dataclass(frozen=True)
class Quote:
    doc_id: str
    line: int
    pieces: list[Piece]


def _quote(text: str, span: tuple[int, int], marks: list[Mention]) -> list[Piece]:
    start, end = span
    pieces, pos = [], start
    for m in sorted(marks, key=lambda m: m.start):
        if m.start < pos or m.end > end:
            continue
        pieces.append(Piece(text[pos : m.start], False))
        pieces.append(Piece(text[m.start : m.end], True))
        pos = m.end
    pieces.append(Piece(text[pos:end], False))
    return [p for p in pieces if p.text]


def _quotes(
    check: Check, mentions: dict[str, Mention], texts: dict[str, str], sentence_of
) -> list[Quote]:
    involved = [mentions[i] for i in check.mention_ids if i in mentions]
    by_sentence: dict[tuple[str, tuple[int, int]], list[Mention]] = defaultdict(list)
    for m in involved:
        by_sentence[(m.doc_id, sentence_of(m))].append(m)
    return [
        Quote(doc_id, min(m.line for m in marks), _quote(texts[doc_id], span, marks))
        for (doc_id, span), marks in sorted(
            by_sentence.items(), key=lambda kv: (kv[0][0], kv[0][1])
        )
    ]


#: NOTE: passing checks listed per rule; the rest are counted (all are in checks.csv),
#: because thousands of passes bury the findings and make the report slow to open
PASSES_SHOWN = 50
#: NOTE: findings quoted in their sentences; later ones are listed without quotes, so a
#: run with thousands of findings still gives a report a browser opens quickly
QUOTED_FINDINGS = 300


def context(
    checks: list[Check],
    mentions: list[Mention],
    texts: dict[str, str],
    sentence_of,
    errors: list[SourceError],
    n_documents: int,
    changes: list[Change] = (),
) -> dict:
    """Everything both report formats show."""
    by_id = {m.mention_id: m for m in mentions}
    totals = Counter((c.rule, c.status, c.severity) for c in checks)
    flagged = sorted(
        (c for c in checks if c.status != "pass"),
        key=lambda c: (_ORDER.get((c.status, c.severity), 3), c.rule, c.check_id),
    )
    passes: dict[str, list[Check]] = defaultdict(list)
    for c in checks:
        if c.status == "pass":
            passes[c.rule].append(c)
    open_findings = [c for c in flagged if not c.accepted]
    return {
        "n_documents": n_documents,
        "n_mentions": len(mentions),
        "n_checks": len(checks),
        "by_status": Counter(c.status for c in checks if not c.accepted),
        "n_accepted": sum(1 for c in checks if c.accepted),
        "totals": sorted(totals.items()),
        "changes": list(changes),
        "findings": [
            (c, _quotes(c, by_id, texts, sentence_of) if k < QUOTED_FINDINGS else [])
            for k, c in enumerate(open_findings)
        ],
        "n_unquoted": max(0, len(open_findings) - QUOTED_FINDINGS),
        "accepted": [(c, []) for c in flagged if c.accepted],
        "passes": [
            (rule, len(checks), checks[:PASSES_SHOWN]) for rule, checks in sorted(passes.items())
        ],
        "errors": errors,
    }


def _markdown_text(text: str) -> str:
    """Quoted source text shown literally in Markdown (its own ** and line breaks)."""
    return " ".join(text.split("\n")).replace("*", "\\*").replace("_", "\\_")


@cache
def _environment() -> Environment:
    """The templates, compiled once per process (compiling cost as much as rendering)."""
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _markdown_text
    return env


def render(ctx: dict) -> tuple[str, str]:
    """(markdown, html) of the report."""
    env = _environment()
    return (
        env.get_template("report.md.j2").render(**ctx),
        env.get_template("report.html.j2").render(**ctx),
    )


def report_files(ctx: dict) -> dict[str, str]:
    markdown, html = render(ctx)
    return {"report.md": markdown, "report.html": html}
