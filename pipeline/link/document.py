"""Link one document: what each figure is attributed to, and the names it holds.

Needs: normalised text, tokens, sentences and the mentions of a document.
Produces: a ``LinkedDocument``: mentions with ``subject`` (as written; made canonical
once every document is read), ``measure`` (what the figure's clause is about), footnote
``as_of`` dates, names for the entity table and their places.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from pipeline.link.attribution import Layout, Occurrence, footnote_scopes
from pipeline.link.entities import Name, find_names, name_key
from pipeline.link.linked import LinkedDocument
from pipeline.link.measures import LABELLED_KINDS, SpanSet, label_of, measure_of
from pipeline.link.table_measures import table_measure
from pipeline.normalise import NormalisedText
from pipeline.patterns import entity_cues as cues
from pipeline.table_layout import tables
from pipeline.tokenise import Tokens
from schemas.records import Mention
from schemas.vocab import TEMPORAL_KINDS

#: dates and stated conversion rates belong to no entity
_UNATTRIBUTED_KINDS = TEMPORAL_KINDS | {"rate"}


def occurrences(text: str, tokens: Tokens, names: list[Name]) -> list[Occurrence]:
    """Every place a known name is written, token-aligned, leftmost-longest first.

    Each name is located with ``str.find`` (a regex alternation of a document's names
    would have to be compiled anew for every document, which cost more than the search).
    """
    hits = []
    for surface in {n.text for n in names if n.text}:
        at = text.find(surface)
        while at >= 0:
            # トルコ語, 日本人, 中国製: a word of its own, not the place named
            if not text.startswith(cues.NAME_WORD_ENDINGS, at + len(surface)):
                hits.append((at, -len(surface), surface))
            at = text.find(surface, at + 1)
    found = []
    claimed = 0
    for start, negative_length, surface in sorted(hits):
        end = start - negative_length
        if start < claimed:
            continue
        claimed = end
        if tokens.index_starting_at(start) is not None and (
            tokens.index_ending_at(end) is not None
        ):
            found.append(Occurrence(start, end, surface))
    return found


def _footnote_dates(mentions: list[Mention], norm_starts: list[int]) -> list[tuple[int, str]]:
    return [
        (pos, m.date_end)
        for m, pos in zip(mentions, norm_starts, strict=True)
        if m.kind == "date" and m.date_end
    ]


def link(
    norm: NormalisedText,
    tokens: Tokens,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
) -> LinkedDocument:
    """Attribute a document's figures and collect its names."""
    text = norm.text
    findings = find_names(text, tokens)
    places = occurrences(text, tokens, findings.names)
    layout = Layout(
        text, sentences, places, frozenset(n.text for n in findings.names if n.type == "LOC")
    )
    norm_starts = _normalised_starts(norm, mentions)
    scopes = footnote_scopes(text, _footnote_dates(mentions, norm_starts))
    dates = [
        (start, start + len(m.normalized))
        for m, start in zip(mentions, norm_starts, strict=True)
        if m.kind in TEMPORAL_KINDS
    ]
    # "（以下「当社」）": the document's word for itself names its company here only
    self_names = {alias: full for full, alias in findings.same if alias in cues.SELF_REFERENCES}
    # a document that makes some name a topic says whose its figures are itself
    issuer = None if layout.has_topic() else sole_organisation(findings.names)
    name_spans = [(o.start, o.end) for o in places]
    sentence_starts = [a for a, _ in sentences]
    skipped = (SpanSet(name_spans), SpanSet(name_spans + dates))
    tables_here = tables(text) if "|" in text else []
    linked = []
    for m, start in zip(mentions, norm_starts, strict=True):
        update: dict[str, object] = {}
        if m.kind not in _UNATTRIBUTED_KINDS:
            k = bisect_right(sentence_starts, start) - 1
            sentence_start = sentence_starts[k] if k >= 0 else 0
            measure = measure_of(text, tokens, start, places, skipped, sentence_start)
            # "X の売上高は": the figure is X's, whatever the paragraph is about
            subject = measure.owner or layout.subject(start) or issuer
            update["subject"] = self_names.get(subject, subject) if subject else subject
            # a rate's own label (96%の正確率) says more than its clause's topic (技術は)
            label = (
                label_of(text, tokens, start, start + len(m.normalized), skipped[1])
                if m.kind in LABELLED_KINDS
                else None
            )
            update["measure"] = table_measure(text, tables_here, start) or label or measure.phrase
            if m.as_of is None:
                update["as_of"] = _footnote_as_of(text, sentences, sentence_starts, start, scopes)
        # every figure is rebuilt, so all share one set of field names (see amended)
        linked.append(m.amended(**update))
    spans = norm.starts_to_source(np.array([o.start for o in places], dtype=np.int64)).tolist()
    ends = norm.ends_to_source(np.array([o.end for o in places], dtype=np.int64)).tolist()
    source_places = [
        (s, e, norm.source[s:e], self_names.get(o.text, o.text))
        for s, e, o in zip(spans, ends, places, strict=True)
    ]
    return LinkedDocument(
        linked,
        [n for n in findings.names if n.text not in self_names],
        [(a, b) for a, b in findings.same if b not in self_names],
        source_places,
    )


def sole_organisation(names: list[Name]) -> str | None:
    """The one organisation a document names, if it names only one: the issuer of a
    report that makes no name a sentence's topic (上場会社名 X … 売上高は…)."""
    organisations = {name_key(n.text): n.text for n in names if n.type == "ORG"}
    return next(iter(organisations.values())) if len(organisations) == 1 else None


def _normalised_starts(norm: NormalisedText, mentions: list[Mention]) -> list[int]:
    """Where each mention starts in the normalised text (inverse of the offset map)."""
    probe = np.arange(len(norm.text) + 1, dtype=np.int64)
    source_starts = norm.starts_to_source(probe)
    return [int(np.searchsorted(source_starts, m.start)) for m in mentions]


def _footnote_as_of(
    text: str,
    sentences: list[tuple[int, int]],
    sentence_starts: list[int],
    start: int,
    scopes: list[tuple[int, int, str, bool]],
) -> str | None:
    inside = [(as_of, only) for a, b, as_of, only in scopes if a <= start < b]
    if not inside:
        return None
    k = bisect_right(sentence_starts, start) - 1
    sentence = sentences[k] if k >= 0 and start < sentences[k][1] else None
    starred = sentence is not None and "*" in text[start : sentence[1]]
    return next((as_of for as_of, only in inside if starred == only), None)
