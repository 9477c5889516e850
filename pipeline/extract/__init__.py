"""Stage 4, extract: every figure, date and rate of a document as ``Mention`` records.

Needs: source text, its ``NormalisedText``, ``Tokens``, sentence spans and the
document date.  Produces: mentions whose ``surface == source[start:end]``.

The steps read like ja-timex's parser: run the pattern tables, add periods,
filter what is not a figure, let the leftmost-longest candidate claim its
characters, apply modifiers, add context fields, map offsets back to the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from pipeline.extract import counts, dates, measures, money, rates
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.context_fields import as_of_dates, object_of
from pipeline.extract.filters import keep, masked_spans
from pipeline.extract.modifiers import apply_modifiers
from pipeline.extract.tables import table_cells
from pipeline.normalise import LineIndex, NormalisedText
from pipeline.patterns import cues
from pipeline.patterns.fragments import alternation
from pipeline.tokenise import Tokens, sentence_of
from schemas.records import Mention
from schemas.vocab import TEMPORAL_KINDS, Kind

#: every pattern row, all families; order does not matter (priority breaks ties)
PATTERNS: tuple[Pattern, ...] = (
    *rates.PATTERNS,
    *dates.PATTERNS,
    *money.PATTERNS,
    *measures.PATTERNS,
    *counts.PATTERNS,
)


#: a bare number in a table cell loses to any pattern that reads more into it
TABLE_CELL_PRIORITY = 5


@dataclass(frozen=True)
class DocumentText:
    """Everything the extractor reads about one document."""

    doc_id: str
    normalised: NormalisedText
    tokens: Tokens
    sentence_starts: list[int]
    published: date | None


#: where a figure can begin besides numeral tokens: eras, relative years, currency signs
_WORD_ANCHORS = re.compile(
    rf"{alternation(cues.ERAS)}|{alternation(cues.RELATIVE_YEARS)}"
    rf"|{alternation(cues.RELATIVE_MONTHS)}"
    rf"|{alternation(cues.CURRENCY_PREFIXES)}"
)


def anchors(text: str, tokens: Tokens) -> list[int]:
    """Offsets where a figure can begin: each run of numeral tokens, and anchor words.

    Patterns are tried only here (``regex.match`` at an offset), which is far cheaper
    than letting every pattern try every character of the text.
    """
    starts = tokens.numeral_starts()
    ends = tokens.numeral_ends()
    # a numeral token glued to the one before it continues a number ("1億" + "3,000")
    run_starts = starts[~np.isin(starts, ends)] if len(starts) else starts
    words = [m.start() for m in _WORD_ANCHORS.finditer(text)]
    return sorted(set(run_starts.tolist()) | set(words))


def find_candidates(
    ctx: Context, patterns: Iterable[Pattern] = PATTERNS
) -> list[tuple[Candidate, int]]:
    """Every match of every row at every anchor, with the row's priority."""
    found = []
    text = ctx.text
    at = anchors(text, ctx.tokens)
    for pattern in patterns:
        match, parse, priority = pattern.regex.match, pattern.parse, pattern.priority
        for offset in at:
            m = match(text, offset)
            if m is not None:
                cand = parse(m, ctx)
                if cand is not None:
                    found.append((cand, priority))
    dated = [c for c, _ in found]
    found += [(p, dates.PERIOD_PRIORITY) for p in dates.periods(dated, text)]
    return found


def leftmost_longest(scored: list[tuple[Candidate, int]]) -> list[Candidate]:
    """Resolve overlaps: earliest start, then longest span, then priority claims the text."""
    ordered = sorted(scored, key=lambda cp: (cp[0].start, -(cp[0].end - cp[0].start), -cp[1]))
    chosen: list[Candidate] = []
    last_end = -1
    for cand, _ in ordered:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


#: characters of context kept around each mention, to recognise it in a later version
CONTEXT = 10


def _context(text: str) -> str:
    return "".join(text.split())


def _num(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def candidates(doc: DocumentText) -> tuple[list[Candidate], Context]:
    """The figures of a document on its normalised text, filtered and resolved."""
    text = doc.normalised.text
    months = dates.written_months(text) if doc.published is None else ()
    ctx = Context(text, doc.tokens, doc.published, dates.written_years(text), months)
    tables = table_cells(text)
    masks = sorted(masked_spans(text) + tables.labels)
    found = find_candidates(ctx) + [(c, TABLE_CELL_PRIORITY) for c in tables.cells]
    scored = [(c, p) for c, p in found if keep(c, ctx, masks)]
    chosen = dates.spelled_out(leftmost_longest(scored), text)
    return [apply_modifiers(c, text) for c in chosen], ctx


def extract(doc: DocumentText) -> list[Mention]:
    """All mentions of one document, in source order."""
    chosen, ctx = candidates(doc)
    norm = doc.normalised
    lines = LineIndex(norm.source)
    # the last as-of date written in each sentence
    as_of_in: dict[int, date] = {}
    title_end = ctx.text.find("\n", len(ctx.text) - len(ctx.text.lstrip()))
    title_as_of = None
    for pos, day in as_of_dates([c for c in chosen if c.kind == Kind.DATE], ctx.text):
        as_of_in[sentence_of(doc.sentence_starts, pos)] = day
        if 0 <= pos < title_end and title_as_of is None:
            # "…の発生動向（5月20日時点）": a title's as-of date dates the whole document
            title_as_of = day
    starts = norm.starts_to_source(np.array([c.start for c in chosen], dtype=np.int64)).tolist()
    ends = norm.ends_to_source(np.array([c.end for c in chosen], dtype=np.int64)).tolist()
    mentions = []
    for cand, start, end in zip(chosen, starts, ends, strict=True):
        sentence = sentence_of(doc.sentence_starts, cand.start)
        stated_as_of = (
            as_of_in.get(sentence, title_as_of) if cand.kind not in TEMPORAL_KINDS else None
        )
        mentions.append(
            Mention(
                mention_id=f"{doc.doc_id}:{start}",
                doc_id=doc.doc_id,
                start=start,
                end=end,
                line=lines.line(start),
                surface=norm.source[start:end],
                sentence_id=sentence,
                kind=cand.kind,
                value=_num(cand.value),
                value_low=_num(cand.value_low),
                value_high=_num(cand.value_high),
                bound=cand.bound,
                approx=cand.approx,
                unit=cand.unit,
                object=object_of(cand, ctx),
                subject=None,
                as_of=_iso(stated_as_of),
                date_start=_iso(cand.date_start),
                date_end=_iso(cand.date_end),
                date_precision=cand.date_precision,
                year_inferred=cand.year_inferred if cand.kind in TEMPORAL_KINDS else None,
                precision=_num(cand.precision),
                context_before=_context(ctx.text[max(0, cand.start - CONTEXT) : cand.start]),
                context_after=_context(ctx.text[cand.end : cand.end + CONTEXT]),
                normalized=ctx.text[cand.start : cand.end],
                rule=cand.rule,
            )
        )
    return mentions
