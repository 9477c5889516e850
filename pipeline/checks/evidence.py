"""What the checks read: mentions with their intervals, and the text around them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.checks.intervals import Interval, interval
from pipeline.patterns.entity_cues import HEADING_MARKS
from schemas.records import EntityMention, Mention
from schemas.vocab import Severity, Status

_WORDS = re.compile(r"[\u4e00-\u9fff々ァ-ヶーA-Za-z]{2,}")
#: lines that open a section or a bullet (heading marks and list bullets)
_SECTION_MARKS = frozenset(HEADING_MARKS + "・")
_BRACKET_OPEN = re.compile(r"^\s*[(（]\s*(?:約|およそ)?\s*$")


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
    """Every document's figures, sentences and entities, indexed for the checks."""

    texts: dict[str, str]
    #: doc_id -> (start, end) of each sentence, source offsets
    sentences: dict[str, list[tuple[int, int]]]
    figures: dict[str, list[Figure]] = field(default_factory=dict)
    entities_at: dict[str, list[EntityMention]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        mentions: list[Mention],
        texts: dict[str, str],
        sentences: dict[str, list[tuple[int, int]]],
        entity_mentions: list[EntityMention],
    ) -> Evidence:
        ev = cls(texts, sentences)
        by_doc: dict[str, list[Figure]] = defaultdict(list)
        for m in sorted(mentions, key=lambda m: (m.doc_id, m.start)):
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
                    ),
                )
            )
        ev.figures = dict(by_doc)
        places: dict[str, list[EntityMention]] = defaultdict(list)
        for e in entity_mentions:
            places[e.doc_id].append(e)
        ev.entities_at = dict(places)
        return ev

    def sentence_span(self, m: Mention) -> tuple[int, int]:
        spans = self.sentences.get(m.doc_id) or [(0, len(self.texts[m.doc_id]))]
        starts = [s for s, _ in spans]
        return spans[max(bisect_right(starts, m.start) - 1, 0)]

    def sentence(self, m: Mention) -> str:
        a, b = self.sentence_span(m)
        return self.texts[m.doc_id][a:b]

    def entities_in_sentence(self, m: Mention) -> set[str]:
        a, b = self.sentence_span(m)
        return {e.entity_id for e in self.entities_at.get(m.doc_id, []) if a <= e.start < b}

    def context_words(self, m: Mention) -> set[str]:
        return set(_WORDS.findall(self.sentence(m)))

    def section_of(self, m: Mention) -> int:
        """Where the heading or bullet line above a figure starts (-1: none)."""
        text = self.texts[m.doc_id]
        line = text.rfind("\n", 0, m.start)
        while line >= 0:
            start = text.rfind("\n", 0, line) + 1
            if text[start : start + 1] in _SECTION_MARKS and text[start:line].strip():
                return start
            line = start - 1
        return -1

    def dates_in_sentence(self, m: Mention) -> set[str]:
        a, b = self.sentence_span(m)
        return {
            f.mention.date_start
            for f in self.figures.get(m.doc_id, [])
            if f.mention.kind == "date" and a <= f.mention.start < b and f.mention.date_start
        }

    def between(self, a: Mention, b: Mention) -> str:
        return self.texts[a.doc_id][a.end : b.start]

    def is_bracketed_after(self, a: Mention, b: Mention) -> bool:
        """b is written in brackets right after a: 27億6,300万元（414.45億円）."""
        return (
            a.doc_id == b.doc_id
            and a.end <= b.start
            and bool(_BRACKET_OPEN.match(self.between(a, b)))
        )


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
    )


def written(f: Figure) -> str:
    """How a figure reads in a message: its surface and unit."""
    surface = " ".join(f.mention.surface.split())
    return f"'{surface}'"


def amount(value: float) -> str:
    """A value as a reviewer reads it: 439,000,000 or 15.5."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"
