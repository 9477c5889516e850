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

from pipeline.extract import counts, dates, measures, money, rates
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.context_fields import as_of_dates, object_of
from pipeline.extract.filters import keep, masked_spans
from pipeline.extract.modifiers import apply_modifiers
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


@dataclass(frozen=True)
class DocumentText:
    """Everything the extractor reads about one document."""

    doc_id: str
    normalised: NormalisedText
    tokens: Tokens
    sentence_starts: list[int]
    published: date | None


#: where a figure can begin: numerals, era and relative-year words, prefixed currencies
_ANCHOR = re.compile(
    rf"[0-9{''.join(cues.KANJI_DIGITS)}{''.join(cues.SMALL_SCALES)}]"
    rf"|{alternation(cues.ERAS)}|{alternation(cues.RELATIVE_YEARS)}"
    rf"|{alternation(cues.CURRENCY_PREFIXES)}"
)
#: NOTE: a figure ends at most this far after its last anchor character (the longest
#: unit, modifier or period tail is shorter); windows closer than this are merged.
_WINDOW_MARGIN = 40


def numeral_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text that can hold a figure; patterns scan only these."""
    windows: list[list[int]] = []
    for m in _ANCHOR.finditer(text):
        if windows and m.start() <= windows[-1][1]:
            windows[-1][1] = min(len(text), m.end() + _WINDOW_MARGIN)
        else:
            windows.append([m.start(), min(len(text), m.end() + _WINDOW_MARGIN)])
    return [(a, b) for a, b in windows]


def find_candidates(
    ctx: Context, patterns: Iterable[Pattern] = PATTERNS
) -> list[tuple[Candidate, int]]:
    """Every match of every row, with the row's priority."""
    found = []
    windows = numeral_windows(ctx.text)
    for pattern in patterns:
        finditer = pattern.regex.finditer
        for start, end in windows:
            for m in finditer(ctx.text, start, end):
                cand = pattern.parse(m, ctx)
                if cand is not None:
                    found.append((cand, pattern.priority))
    found += [(p, dates.PERIOD_PRIORITY) for p in dates.periods([c for c, _ in found], ctx.text)]
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


def _num(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def candidates(doc: DocumentText) -> tuple[list[Candidate], Context]:
    """The figures of a document on its normalised text, filtered and resolved."""
    text = doc.normalised.text
    ctx = Context(text, doc.tokens, doc.published, dates.written_years(text))
    masks = masked_spans(text)
    scored = [(c, p) for c, p in find_candidates(ctx) if keep(c, ctx, masks)]
    return [apply_modifiers(c, text) for c in leftmost_longest(scored)], ctx


def extract(doc: DocumentText) -> list[Mention]:
    """All mentions of one document, in source order."""
    chosen, ctx = candidates(doc)
    norm = doc.normalised
    lines = LineIndex(norm.source)
    as_of = as_of_dates([c for c in chosen if c.kind == Kind.DATE], ctx.text)
    mentions = []
    for cand in chosen:
        start, end = norm.to_source(cand.start, cand.end)
        sentence = sentence_of(doc.sentence_starts, cand.start)
        stated_as_of = None
        if cand.kind not in TEMPORAL_KINDS:
            same = [d for pos, d in as_of if sentence_of(doc.sentence_starts, pos) == sentence]
            stated_as_of = same[-1] if same else None
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
                normalized=ctx.text[cand.start : cand.end],
                rule=cand.rule,
            )
        )
    return mentions
