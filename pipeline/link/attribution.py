"""Who a figure is attributed to (``subject``) and footnote as-of dates.

Subject, in order: the topic or subject of the figure's clause (X は/が …), the
topic of an earlier sentence in the same paragraph, the entity of the section
heading (●X), the nearest entity before the figure in its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from pipeline.patterns import entity_cues as cues
from pipeline.patterns.check_cues import REVISION_LABEL

_COORDINATION = re.compile(r"^\s?(?:と|や|、|及び|および|,)\s?$")
_GLOSS_AFTER = re.compile(r"\s?[(（][^()（）\n]{0,80}[)）]")
_FOOTNOTE = re.compile(r"^\s*[*＊※]")
_OTHERS = re.compile(r"その他は")
_REVISION_LABEL = re.compile(REVISION_LABEL)
_BLOCK_START = re.compile(rf"^\s*(?:[{cues.HEADING_MARKS}]|.*-----)")


@dataclass(frozen=True)
class Occurrence:
    """An entity name in the normalised text."""

    start: int
    end: int
    text: str


#: a headline opening with a name and a comma: "アリババグループ、…に約500億円"
_HEADLINE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:【[^】\n]{0,20}】[ \t]*)?$")


def _particle_at(text: str, occ: Occurrence) -> int:
    """Where the particle after a name would be: past its gloss (X（Y）は) and the tail
    of a company name (トヨタ自動車は)."""
    after = occ.end
    for tail in cues.NAME_TAILS:
        if text.startswith(tail, after):
            after += len(tail)
    gloss = _GLOSS_AFTER.match(text, after)
    return gloss.end() if gloss else after


def _is_topic(text: str, occ: Occurrence, carried: bool = False) -> bool:
    """Whether a name is the topic of its clause; ``carried``: a topic that may stand
    for the sentences after its own (not a scope such as 日本では)."""
    after = _particle_at(text, occ)
    if text.startswith(cues.TOPIC_PARTICLES, after):
        return not (carried and text.startswith(cues.SCOPE_PARTICLES, after))
    return text.startswith("、", after) and bool(
        _HEADLINE_LEAD.search(text, max(0, occ.start - 30), occ.start)
    )


def _is_theme(text: str, occ: Occurrence) -> bool:
    """Of the topics, X は / X も and a headline's "X、": a theme, which stands for the
    paragraphs after it (X が only for its own clause: "ABCベンチャーズがリード投資家を務め")."""
    return text.startswith((*cues.THEME_PARTICLES, "、"), _particle_at(text, occ))


def _is_recipient(text: str, occ: Occurrence) -> bool:
    return text.startswith(cues.RECIPIENT_PARTICLES, occ.end)


def _coordinated_head(text: str, found: list[Occurrence], i: int) -> Occurrence:
    """For "A と B は", the figure belongs to A, the first of the coordinated names."""
    while i > 0:
        prev = found[i - 1]
        between = text[prev.end : found[i].start]
        gloss = _GLOSS_AFTER.match(text, prev.end)
        if gloss:
            between = text[gloss.end() : found[i].start]
        if not _COORDINATION.match(between):
            break
        i -= 1
    return found[i]


def _in_brackets(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` is inside a bracket opened after ``start`` (（ダイハツ工業を含む）)."""
    span = text[start:offset]
    return span.count("（") + span.count("(") > span.count("）") + span.count(")")


@dataclass(frozen=True)
class Layout:
    """Sentences, paragraphs and headings of a document (normalised offsets)."""

    text: str
    sentences: list[tuple[int, int]]
    occurrences: list[Occurrence]
    #: names of places: the topic of their own sentence at most (欧州が10%を占めます does
    #: not make 欧州 the subject of the paragraphs after it)
    places: frozenset[str] = frozenset()

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _starts(self) -> list[int]:
        return [o.start for o in self.occurrences]

    def _in(self, start: int, end: int) -> list[Occurrence]:
        """Occurrences inside [start, end) (occurrences are in text order)."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [o for o in self.occurrences[lo:hi] if o.end <= end]

    def _topic(self, start: int, end: int, carried: bool = False) -> Occurrence | None:
        found = self._in(start, end)
        topics = [i for i, o in enumerate(found) if self._is_topic(o, carried)]
        return _coordinated_head(self.text, found, topics[-1]) if topics else None

    def has_topic(self) -> bool:
        """Whether any name but a place's is the topic of a clause in the document."""
        return any(
            o.text not in self.places and self._is_topic(o, carried=False) for o in self.occurrences
        )

    def _is_topic(self, occ: Occurrence, carried: bool) -> bool:
        return _is_topic(self.text, occ, carried) and not (carried and occ.text in self.places)

    def _heading_entity(self, offset: int) -> Occurrence | None:
        line_start = self.text.rfind("\n", 0, offset) + 1
        while line_start > 0:
            prev_start = self.text.rfind("\n", 0, line_start - 1) + 1
            line = self.text[prev_start : line_start - 1]
            if line[:1] and line[0] in cues.HEADING_MARKS:
                inside = self._in(prev_start, line_start - 1)
                return inside[0] if inside else None
            line_start = prev_start
        return None

    def _section_topic(self, offset: int) -> Occurrence | None:
        """The latest theme (X は/も, a headline's "X、") named earlier in the same 【…】
        section, or with none, its first topic: lists after a lead sentence ("X が共同で、
        各国へ…寄附しました。") keep X as their subject."""
        section = self.text.rfind("\n【", 0, offset)
        # "【訂正前】" labels a block of a correction notice, not a section of its own
        while section >= 0 and _REVISION_LABEL.match(self.text, section + 1):
            section = self.text.rfind("\n【", 0, section)
        section += 1
        found = self._in(section, offset)
        topics = [i for i, o in enumerate(found) if self._is_topic(o, carried=True)]
        themes = [i for i in topics if _is_theme(self.text, found[i])]
        # the latest theme; with none, the first topic, which leads the text ("X が9日発表")
        chosen = themes[-1] if themes else topics[0] if topics else None
        return _coordinated_head(self.text, found, chosen) if chosen is not None else None

    def subject(self, start: int) -> str | None:
        """The entity a figure starting at ``start`` is attributed to."""
        k = max(bisect_right(self._sentence_starts, start) - 1, 0)
        s_start, _ = self.sentences[k] if self.sentences else (0, len(self.text))
        topic = self._topic(s_start, start)
        paragraph_start = self.text.rfind("\n", 0, s_start) + 1
        j = k
        while topic is None and j > 0 and self.sentences[j - 1][0] >= paragraph_start:
            j -= 1
            topic = self._topic(*self.sentences[j], carried=True)
        if topic is None:
            topic = self._heading_entity(s_start)
        # an actor named in the figure's own sentence (X や Y 等は, X での…) says more than
        # a topic carried from paragraphs away; places and recipients (X に/へ) are not one
        before = [o for o in self._in(s_start, start) if not _is_recipient(self.text, o)]
        if topic is None:
            # glosses and asides in brackets name no actor: タオバオ（淘宝）, （X社を含む）
            outside = [o for o in before if not _in_brackets(self.text, s_start, o.start)]
            actors = [i for i, o in enumerate(outside) if o.text not in self.places]
            topic = _coordinated_head(self.text, outside, actors[-1]) if actors else None
        if topic is None:
            topic = self._section_topic(s_start)
        if topic is None:
            # NOTE: the weakest readings: the nearest place, then the entity the paragraph
            # names first (a place only in the figure's own sentence: "地域別では、日本が
            # 5,120億円" makes 日本 the subject of no sentence after it)
            earlier = [
                o
                for o in self._in(paragraph_start, start)
                if o.start >= s_start or o.text not in self.places
            ]
            topic = before[-1] if before else (earlier[0] if earlier else None)
        return topic.text if topic else None


def footnote_scopes(
    text: str, footnotes: list[tuple[int, str]]
) -> list[tuple[int, int, str, bool]]:
    """(start, end, as_of, starred_only) for each footnote date given as (offset, date).

    A footnote line ``*2020年3月31日時点のデータ`` dates the figures marked ``*`` in
    the block above it; ``その他は…時点`` dates the rest of that block.
    """
    scopes = []
    for offset, as_of in footnotes:
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        head = text[line_start:offset]
        starred = bool(_FOOTNOTE.match(line)) and not _OTHERS.search(head)
        if not (starred or _OTHERS.search(head)):
            continue
        block = line_start
        while block > 0:
            prev = text.rfind("\n", 0, block - 1) + 1
            if _BLOCK_START.match(text[prev : block - 1]):
                break
            block = prev
        scopes.append((block, line_start, as_of, starred))
    return scopes
