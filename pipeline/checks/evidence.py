"""What the checks read: mentions with their intervals, and the text around them."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

from pipeline.checks.intervals import Interval, interval
from pipeline.patterns.check_cues import (
    APPROX_TOLERANCE,
    CHANGE_BASES,
    CHANGE_DIRECTIONS,
    COMPARED_WITH,
    EARLIER_PERIOD_WORDS,
    FORECAST_WORDS,
    MARGIN_AFTER,
    MARGIN_BEFORE,
    NOT_FORECAST_AFTER,
    NOUN_BOUND_TOTAL_MARKERS,
    PRICE_DECREASE_WORDS,
    PRICE_INCREASE_WORDS,
    REVISION_LABEL,
    TOTAL_MARKERS,
)
from pipeline.patterns.entity_cues import HEADING_MARKS, SHARE_ENDINGS
from schemas.records import Mention
from schemas.vocab import Severity, Status

_WORDS = re.compile(r"[\u4e00-\u9fff々ァ-ヶーA-Za-z]{2,}")
#: lines that open a section or a bullet (heading marks, markdown headings, list bullets)
_SECTION_MARKS = frozenset(HEADING_MARKS + "・#")
_SECTION_LINE = re.compile(rf"(?m)^[{re.escape(''.join(sorted(_SECTION_MARKS)))}]")
_REVISION_LABEL = re.compile(REVISION_LABEL)
_EARLIER_PERIOD = re.compile("|".join(EARLIER_PERIOD_WORDS))
_COMPARISONS = re.compile("|".join(b for b in CHANGE_BASES if b.endswith("比")))
#: a change written as one: "3%増の", "20%で増加", "2,500億円の増益"
_MOVES = CHANGE_DIRECTIONS + PRICE_INCREASE_WORDS + PRICE_DECREASE_WORDS
_DIRECTION_AFTER = re.compile(rf"\s?[)）]?\s?(?:の|で)?\s?(?:{'|'.join(_MOVES)})")
#: "前日比320円", "前年同月に比べ32万人": a change measured against an earlier figure; not
#: a share ("構成比61%")
_NOT_COMPARISONS = "".join(f"(?<!{re.escape(w[:-1])})" for w in SHARE_ENDINGS)
_COMPARED_BEFORE = re.compile(
    rf"{_NOT_COMPARISONS}(?:{'|'.join(COMPARED_WITH)})\s?[、，,]?\s?(?:約)?\s?$"
)
_FORECAST_AFTER = re.compile(rf"(?:{'|'.join(FORECAST_WORDS)})(?!{NOT_FORECAST_AFTER})")
_MARGIN_AFTER = re.compile(MARGIN_AFTER)
_MARGIN_BEFORE = re.compile(MARGIN_BEFORE)
_BRACKET_OPEN = re.compile(r"^\s*[(（]\s*(?:約|およそ)?\s*$")
#: a total word right before a figure ("計 4.39 億元", "…の計3,770棟", "合計約", "合計は"); a
#: one-character word only on its own: 設計 and 統計 end in 計 but total nothing; nor
#: 全体で after a noun ("財団全体で" is the whole of the foundation, not of a list)
_TOTAL_BEFORE = re.compile(
    "(?:"
    + "|".join(
        re.escape(w)
        if len(w) > 1 and w not in NOUN_BOUND_TOTAL_MARKERS
        else rf"(?<![\u4e00-\u9fff々ァ-ヶー]){re.escape(w)}"
        for w in sorted(TOTAL_MARKERS, key=len, reverse=True)
    )
    + r")\s?(?:は|が|で)?\s?(?:約)?\s?$"
)


@dataclass(frozen=True)
class Figure:
    """A mention and the interval of values it asserts."""

    mention: Mention
    interval: Interval

    @property
    def id(self) -> str:
        return self.mention.mention_id


@dataclass
class Evidence:
    """Every document's figures, sentences and entities, indexed once for the checks."""

    texts: dict[str, str]
    #: doc_id -> (start, end) of each sentence, source offsets
    sentences: dict[str, list[tuple[int, int]]]
    figures: dict[str, list[Figure]] = field(default_factory=dict)
    #: mention_id -> its sentence span
    span_of: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (doc_id, sentence start) -> content words / entity ids of that sentence
    words_of: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    entities_of: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    dates_of: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    #: mention_id -> its sentence's content words / dates: the rules ask for these a few
    #: hundred thousand times a run, and one lookup costs a third of three
    words_by_id: dict[str, frozenset[str]] = field(default_factory=dict)
    dates_by_id: dict[str, frozenset[str]] = field(default_factory=dict)
    #: how far 約, 程度 … widen a figure (a share of its value)
    approx_tolerance: float = APPROX_TOLERANCE
    #: doc_id -> where each sentence ends, in order
    ends_of: dict[str, list[int]] = field(default_factory=dict)
    #: doc_id -> where each heading or bullet line starts, in order
    heads_of: dict[str, list[int]] = field(default_factory=dict)
    #: doc_id -> (where, 前 or 後) of each label of a correction notice's blocks, in order
    revisions_of: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: doc_id -> ISO date the document was published, where known
    published_of: dict[str, str] = field(default_factory=dict)
    #: doc_id -> the spans of time the document names as a whole: its periods
    #: (2025年4～9月) and parts of years (上期, 第2四半期), as (first day, last day)
    spans_of: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        mentions: list[Mention],
        texts: dict[str, str],
        sentences: dict[str, list[tuple[int, int]]],
        entity_places: Iterable[tuple[str, int, str]],
        approx_tolerance: float = APPROX_TOLERANCE,
        published: Mapping[str, str | None] | None = None,
    ) -> Evidence:
        ev = cls(texts, sentences, approx_tolerance=approx_tolerance)
        ev.published_of = {doc_id: day for doc_id, day in (published or {}).items() if day}
        ev.ends_of = {doc_id: [b for _, b in spans] for doc_id, spans in sentences.items()}
        ev.heads_of = {
            doc_id: [h.start() for h in _SECTION_LINE.finditer(text)]
            for doc_id, text in texts.items()
        }
        ev.revisions_of = {
            doc_id: labels
            for doc_id, text in texts.items()
            if (labels := [(r.start(), r["when"]) for r in _REVISION_LABEL.finditer(text)])
        }
        by_doc: dict[str, list[Figure]] = defaultdict(list)
        # NOTE: names bound once: this loop runs once per figure of the corpus
        span_of, words_of, find_words = ev.span_of, ev.words_of, _WORDS.findall
        words_by_id = ev.words_by_id
        for m in sorted(mentions, key=attrgetter("doc_id", "start")):
            by_doc[m.doc_id].append(
                Figure(
                    m,
                    interval(
                        m.value,
                        m.value_low,
                        m.value_high,
                        m.bound,
                        m.approx,
                        m.precision,
                        m.normalized,
                        approx_tolerance,
                    ),
                )
            )
            span = _sentence_of(sentences, texts, m)
            span_of[m.mention_id] = span
            key = (m.doc_id, span[0])
            if key not in words_of:
                # interned: the same words recur in every document, held once
                words_of[key] = frozenset(
                    map(sys.intern, find_words(texts[m.doc_id], span[0], span[1]))
                )
            words_by_id[m.mention_id] = words_of[key]
        ev.figures = dict(by_doc)
        dates: dict[tuple[str, int], set[str]] = defaultdict(set)
        spans: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for m in mentions:
            if m.kind == "date":
                # a date without a year (no document date to infer it from: "4月") still
                # tells its sentence from another month's, within its own document
                day = m.date_start or f"{m.doc_id}~{''.join(m.normalized.split())}"
                dates[(m.doc_id, ev.span_of[m.mention_id][0])].add(day)
            if m.date_start and (m.kind == "period" or m.date_precision == "part"):
                spans[m.doc_id].add((m.date_start, m.date_end or ""))
        ev.spans_of = {k: frozenset(v) for k, v in spans.items()}
        ev.dates_of = {k: frozenset(v) for k, v in dates.items()}
        no_dates: frozenset[str] = frozenset()
        for m in mentions:
            ev.dates_by_id[m.mention_id] = ev.dates_of.get(
                (m.doc_id, span_of[m.mention_id][0]), no_dates
            )
        entities: dict[tuple[str, int], set[str]] = defaultdict(set)
        starts_of = {doc_id: [a for a, _ in spans] for doc_id, spans in sentences.items()}
        for doc_id, start, entity_id in entity_places:
            starts = starts_of.get(doc_id) or [0]
            entities[(doc_id, starts[max(bisect_right(starts, start) - 1, 0)])].add(entity_id)
        ev.entities_of = {k: frozenset(v) for k, v in entities.items()}
        return ev

    def of_document(self, doc_id: str) -> Evidence:
        """The evidence of one document alone, for the rules that look within one.

        The indexes keyed by mention or by document and sentence are shared: a lookup
        for this document's figures finds only this document's entries.
        """

        def alone(by_doc: dict[str, Any]) -> dict[str, Any]:
            return {doc_id: by_doc[doc_id]} if doc_id in by_doc else {}

        return replace(
            self,
            texts=alone(self.texts),
            sentences=alone(self.sentences),
            figures=alone(self.figures),
            ends_of=alone(self.ends_of),
            heads_of=alone(self.heads_of),
            revisions_of=alone(self.revisions_of),
            published_of=alone(self.published_of),
            spans_of=alone(self.spans_of),
        )

    def sentence_ends(self, doc_id: str) -> list[int]:
        """Where each sentence of a document ends, in order."""
        return self.ends_of.get(doc_id) or [len(self.texts[doc_id])]

    def sentence_span(self, m: Mention) -> tuple[int, int]:
        span = self.span_of.get(m.mention_id)
        return span if span is not None else _span(self.sentences, self.texts, m.doc_id, m.start)

    def sentence(self, m: Mention) -> str:
        a, b = self.sentence_span(m)
        return self.texts[m.doc_id][a:b]

    def entities_in_sentence(self, m: Mention) -> frozenset[str]:
        return self.entities_of.get((m.doc_id, self.sentence_span(m)[0]), frozenset())

    def context_words(self, m: Mention) -> frozenset[str]:
        words = self.words_by_id.get(m.mention_id)
        if words is not None:
            return words
        return self.words_of.get((m.doc_id, self.sentence_span(m)[0]), frozenset())

    def section_of(self, m: Mention) -> int:
        """Where the heading or bullet line above a figure's line starts (-1: none).  The
        text is read from that heading on only: a document on one line costs nothing."""
        heads = self.heads_of.get(m.doc_id)
        if not heads:
            return -1
        k = bisect_right(heads, m.start) - 1
        if k >= 0 and self.texts[m.doc_id].find("\n", heads[k], m.start) < 0:
            k -= 1  # the figure's own line is the heading: the one above it counts
        return heads[k] if k >= 0 else -1

    def dates_in_sentence(self, m: Mention) -> frozenset[str]:
        dates = self.dates_by_id.get(m.mention_id)
        if dates is not None:
            return dates
        return self.dates_of.get((m.doc_id, self.sentence_span(m)[0]), frozenset())

    def compared_before(self, m: Mention) -> bool:
        """Whether a comparison stands right before the figure ("前日比320円",
        "前年同月に比べ32万人"): a change measured against an earlier figure."""
        text = self.texts[m.doc_id]
        return bool(_COMPARED_BEFORE.search(text[max(0, m.start - 12) : m.start]))

    def is_change(self, m: Mention) -> bool:
        """Whether the figure states a change ("3%増", "前日比320円高") rather than a level."""
        return bool(_DIRECTION_AFTER.match(self.texts[m.doc_id], m.end)) or self.compared_before(m)

    def is_forecast(self, m: Mention) -> bool:
        """Whether the figure's sentence makes it a forecast or a goal ("…1兆3,000億円を
        見込む"), which never restates a result of the same measure."""
        _, end = self.sentence_span(m)
        return bool(_FORECAST_AFTER.search(self.texts[m.doc_id], m.end, end))

    def is_margin(self, m: Mention) -> bool:
        """Whether the figure is a margin between two others ("2万4,691票差",
        "その差は4.4ポイント"), not a level or a part."""
        text = self.texts[m.doc_id]
        return bool(
            _MARGIN_AFTER.match(text, m.end)
            or _MARGIN_BEFORE.search(text[max(0, m.start - 8) : m.start])
        )

    def names_earlier_period(self, m: Mention) -> bool:
        """Whether the figure's sentence places it in an earlier period (前期の売上高は…);
        前期比 and 前年同期比 compare with a period and do not place it there."""
        return bool(_EARLIER_PERIOD.search(_COMPARISONS.sub("", self.sentence(m))))

    def revision_of(self, m: Mention) -> str | None:
        """前 or 後: the block of a correction notice the figure stands in ("（訂正前）" …)."""
        labels = self.revisions_of.get(m.doc_id)
        if not labels:
            return None
        k = bisect_left(labels, (m.start, "")) - 1
        return labels[k][1] if k >= 0 else None

    def published_apart(self, a: Mention, b: Mention) -> tuple[str, str] | None:
        """The publication dates of two documents' figures when those explain a
        difference: both documents dated, on different days, and neither figure dated by
        its own words (no as-of date, no date in its sentence).  "累計利用者は500万人" in
        last year's release and "…620万人" in this year's state the count of their day;
        "2024年度の売上高" given twice for one year is one claim, restated or wrong, and so
        is a figure of two documents that name one span of time (``same_span``)."""
        if a.doc_id == b.doc_id or a.as_of or b.as_of:
            return None
        da, db = self.published_of.get(a.doc_id), self.published_of.get(b.doc_id)
        if not da or not db or da == db or self.same_span(a.doc_id, b.doc_id):
            return None
        if self.dates_in_sentence(a) or self.dates_in_sentence(b):
            return None
        return da, db

    def same_span(self, doc_a: str, doc_b: str) -> bool:
        """Whether two documents name one span of time as a whole (both 2025年4～9月): a
        release and the news story on it, whose figures are of that span, whatever day
        each was published."""
        return bool(self.spans_of.get(doc_a, frozenset()) & self.spans_of.get(doc_b, frozenset()))

    def dated_apart(self, a: Mention, b: Mention) -> bool:
        """Whether the two figures' sentences are dated to different days: they tell of
        different events."""
        da, db = self.dates_in_sentence(a), self.dates_in_sentence(b)
        return bool(da and db and not da & db)

    def total_word_before(self, m: Mention) -> bool:
        """Whether a total word (合計, 計, 累計 …) stands right before the figure."""
        text = self.texts[m.doc_id]
        return bool(_TOTAL_BEFORE.search(text[max(0, m.start - 8) : m.start].replace("*", "")))

    def between(self, a: Mention, b: Mention) -> str:
        return self.texts[a.doc_id][a.end : b.start]

    def is_bracketed_after(self, a: Mention, b: Mention) -> bool:
        """b is written in brackets right after a: 27億6,300万元（414.45億円）."""
        return (
            a.doc_id == b.doc_id
            and a.end <= b.start
            and bool(_BRACKET_OPEN.match(self.between(a, b)))
        )


def _sentence_of(
    sentences: dict[str, list[tuple[int, int]]], texts: dict[str, str], m: Mention
) -> tuple[int, int]:
    """The mention's sentence by its ``sentence_id`` (no search), checked against its start."""
    spans = sentences.get(m.doc_id)
    if spans and 0 <= m.sentence_id < len(spans):
        span = spans[m.sentence_id]
        if span[0] <= m.start < span[1]:
            return span
    return _span(sentences, texts, m.doc_id, m.start)


def _span(
    sentences: dict[str, list[tuple[int, int]]], texts: dict[str, str], doc_id: str, offset: int
) -> tuple[int, int]:
    spans = sentences.get(doc_id) or [(0, len(texts[doc_id]))]
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return spans[max(i, 0)]


@dataclass(frozen=True)
class Finding:
    """A check before it gets its id."""

    rule: str
    rule_version: str
    status: Status
    severity: Severity
    figures: tuple[Figure, ...]
    expected: str | None
    observed: str | None
    message: str
    #: documents named by a finding that points at no mention (an impossible date)
    docs: tuple[str, ...] = ()


SEVERITY_OF = {
    Status.PASS: Severity.INFO,
    Status.FAIL: Severity.ERROR,
    Status.WARN: Severity.WARNING,
}


def finding(
    rule: str,
    status: Status,
    figures: list[Figure],
    message: str,
    *,
    expected: str | None = None,
    observed: str | None = None,
    severity: Severity | None = None,
    version: int = 1,
    docs: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        rule,
        f"{rule}.v{version}",
        status,
        severity or SEVERITY_OF[status],
        tuple(figures),
        expected,
        observed,
        message,
        docs,
    )


def verdict(
    rule: str,
    ok: bool,
    figures: list[Figure],
    message: str,
    *,
    expected: str,
    observed: str,
    version: int = 1,
) -> Finding:
    """A comparison that either agrees (pass) or does not (fail, an error)."""
    return finding(
        rule,
        Status.PASS if ok else Status.FAIL,
        figures,
        message,
        expected=expected,
        observed=observed,
        version=version,
    )


def written(f: Figure) -> str:
    """How a figure reads in a message: its surface and unit."""
    surface = " ".join(f.mention.surface.split())
    return f"'{surface}'"


def amount(value: float) -> str:
    """A value as a reviewer reads it: 439,000,000 or 15.5."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"
