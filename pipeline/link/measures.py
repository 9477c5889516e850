"""What a figure measures (``measure``): the noun phrase its clause is about.

"売上高は合計1,200億円" and "2024年度の売上高が1,300億円だった" both measure 売上高, so the
two can be compared as one claim even though neither names an object next to the
number.  The phrase is the chain of nouns (joined by の) right before the topic or
subject particle that precedes the figure in its sentence, without the parts that
are compared separately: entity names (the subject) and dates.  Relative periods
(前年度, 前期) and other qualifiers (第1四半期 when it is not a date) stay in it, so
前年度の売上高 is not 売上高.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

import numpy as np

from pipeline.link.attribution import Occurrence
from pipeline.patterns import entity_cues as cues
from pipeline.patterns.check_cues import CHANGE_BASES, DECREASE_WORDS, INCREASE_WORDS
from pipeline.patterns.cues import PREFIX_MODIFIERS
from pipeline.tokenise import Tokens

#: words that give a change's direction (上昇, 減少 …): never what a figure measures
CHANGE_WORDS = frozenset(INCREASE_WORDS + DECREASE_WORDS)
#: modifiers written before a figure (約, 最大 …), longest first
MODIFIERS = sorted(PREFIX_MODIFIERS, key=len, reverse=True)
#: tokens a measure's noun phrase is made of; numerals too, so that 第1四半期 and
#: 第2四半期 stay apart when they are not dates
_NOUN_POS = ("名詞", "接頭辞", "接尾辞-名詞的")


def _is_noun(tokens: Tokens, i: int) -> bool:
    return tokens.pos(i).startswith(_NOUN_POS)


def _particle_before(text: str, tokens: Tokens, start: int, sentence_start: int) -> int | None:
    """Index of the nearest topic/subject particle before ``start`` in its sentence (which
    may go on across a wrapped line of text from PDF: "営業利益は\n\n98億円")."""
    i = int(np.searchsorted(tokens.ends, start, side="right")) - 1
    while i >= 0 and start - int(tokens.starts[i]) <= cues.MEASURE_WINDOW:
        surface = tokens.surface(i)
        if surface in cues.SENTENCE_BREAKS or tokens.starts[i] < sentence_start:
            return None
        if surface in cues.MEASURE_PARTICLES and tokens.pos(i).startswith("助詞"):
            return i
        i -= 1
    return None


def _run_continues(tokens: Tokens, i: int) -> int | None:
    """The token a noun run goes back to from token ``i``: the noun right before it, or
    the noun before a joining mark (職員・従業員); None where the run starts."""
    if i > 0 and tokens.ends[i - 1] == tokens.starts[i]:
        if _is_noun(tokens, i - 1):
            return i - 1
        if (
            i > 1
            and tokens.surface(i - 1) in cues.MEASURE_JOINERS
            and tokens.ends[i - 2] == tokens.starts[i - 1]
            and _is_noun(tokens, i - 2)
        ):
            return i - 2
    return None


def _noun_runs(tokens: Tokens, last: int) -> list[tuple[int, int]]:
    """(start, end) of each noun run in "A の B の C", ending at token ``last``."""
    runs: list[tuple[int, int]] = []
    i = last
    while i >= 0 and _is_noun(tokens, i):
        end = int(tokens.ends[i])
        while (before := _run_continues(tokens, i)) is not None:
            i = before
        runs.append((int(tokens.starts[i]), end))
        i -= 1
        if i < 1 or tokens.surface(i) != "の" or tokens.ends[i - 1] != tokens.starts[i]:
            break
        i -= 1
    return runs[::-1]


class Measure(NamedTuple):
    #: the noun phrase, names and dates left out ("売上高", "前年度の売上高")
    phrase: str | None
    #: the entity name in the phrase, whose measure it is ("サンプル工業の売上高")
    owner: str | None


class SpanSet:
    """Spans of names or dates in a document, asked whether they cover a run."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def covers(self, start: int, end: int) -> bool:
        """Whether the spans make up the whole of [start, end) (米国子会社 is more than 米国)."""
        near = self.spans[
            bisect_left(self.starts, start - self.longest) : bisect_left(self.starts, end)
        ]
        at = start
        for a, b in near:
            if a <= at < b:
                at = b
        return at >= end


def measure_of(
    text: str,
    tokens: Tokens,
    start: int,
    names: list[Occurrence],
    skipped: tuple[SpanSet, SpanSet],
    sentence_start: int = 0,
) -> Measure:
    """The measure of the figure starting at ``start`` (normalised offsets), if written
    in its sentence, which starts at ``sentence_start``.

    ``skipped`` holds the spans of the document's names, and of its names and dates.
    """
    particle = _particle_before(text, tokens, start, sentence_start)
    if particle is None or particle == 0:
        return Measure(None, None)
    named, named_or_dated = skipped
    kept, owner = [], None
    last, qualifier = _past_qualifier(text, tokens, particle - 1)
    runs = _noun_runs(tokens, last)
    if qualifier and (not runs or named_or_dated.covers(*runs[-1])):
        # "淘宝（タオバオ）は": a name and its gloss are the clause's topic, no measure
        return Measure(None, None)
    for k, (a, b) in enumerate(runs):
        if named.covers(a, b):
            # a name before の owns the measure ("X の売上高は"); a name right before the
            # particle is the clause's topic, which attribution reads (with "A と B は")
            if k < len(runs) - 1:
                # the name as written, which a run may only be part of (ジャック・マー…)
                owner = next(o.text for o in reversed(names) if o.start < b and a < o.end)
        elif not named_or_dated.covers(a, b) and (words := _measured(text[a:b])):
            # the qualifier stays with the run it is written after
            kept.append(words + qualifier if k == len(runs) - 1 else words)
    return Measure("の".join(kept) if kept else None, owner)


#: NOTE: characters a bracketed qualifier between a measure and its particle may hold
#: ("完全失業率（季節調整値）は")
QUALIFIER_MAX_CHARS = 12
_OPENING_BRACKETS = ("（", "(")
_CLOSING_BRACKETS = ("）", ")")


def _past_qualifier(text: str, tokens: Tokens, i: int) -> tuple[int, str]:
    """(the token a measure's noun run ends at, the bracketed qualifier written after it):
    "完全失業率（季節調整値）は2.6％" measures 完全失業率（季節調整値）, which is not the
    unadjusted rate; a token that closes no short bracket is its own end."""
    if i < 1 or tokens.surface(i) not in _CLOSING_BRACKETS:
        return i, ""
    j = i - 1
    while j >= 0 and tokens.surface(j) not in _OPENING_BRACKETS:
        if tokens.surface(j) in cues.SENTENCE_BREAKS or tokens.surface(j) in _CLOSING_BRACKETS:
            return i, ""
        j -= 1
    close = int(tokens.ends[i])
    if j < 1 or close - int(tokens.starts[j]) > QUALIFIER_MAX_CHARS + 2:
        return i, ""
    if tokens.ends[j - 1] != tokens.starts[j] or not _is_noun(tokens, j - 1):
        return i, ""
    return j - 1, text[int(tokens.starts[j]) : close]


#: comparison bases a label may open with (前年同月比実質): what follows is the label
_COMPARISON_OPENERS = tuple(sorted((b for b in CHANGE_BASES if len(b) > 1), key=len, reverse=True))


def _measured(words: str) -> str | None:
    """What a noun run says is measured, or None when it says nothing of that.

    "1日あたり約" measures what follows the modifier, not the modifier; "前年同月比は
    2.9%" names what the figure is compared with, not what it is of; "前年同月比実質
    1.2%" only how it is adjusted.
    """
    words = _without_modifiers(words)
    base = next((b for b in _COMPARISON_OPENERS if words.startswith(b)), "")
    words = words[len(base) :]
    if (
        not words
        or words in cues.MEASURE_STOPWORDS
        or words in cues.MEASURE_QUALIFIERS
        or words.endswith(cues.COMPARISON_ENDING)
    ):
        return None
    return words


def _without_modifiers(words: str) -> str:
    """A noun run without the figure modifiers it ends in (約, およそ …) and the list
    word it opens with (うち)."""
    stripped = next((words[len(w) :] for w in cues.MEASURE_OPENERS if words.startswith(w)), words)
    while (ending := next((w for w in MODIFIERS if stripped.endswith(w)), None)) is not None:
        stripped = stripped[: -len(ending)]
    return stripped


#: kinds whose measure may be the noun written right beside the figure (正確率96%,
#: 96%の正確率); amounts and counts have their object for that
LABELLED_KINDS = frozenset({"percent", "ratio", "duration"})


def label_of(text: str, tokens: Tokens, start: int, end: int, skipped: SpanSet) -> str | None:
    """The noun run written right before a figure or after it with の: 正確率 in
    "正確率96%" and in "96%の正確率"; names and dates are not labels."""
    i = tokens.index_ending_at(start)
    if i is not None and _is_noun(tokens, i) and not tokens.pos(i).startswith("名詞-数詞"):
        a, b = _noun_runs(tokens, i)[-1]
        # 前年比10%: a comparison, not what the rate is of; "（同12.5%減）": 同 repeats
        # the comparison before it
        words = _measured(text[a:b])
        if words and not skipped.covers(a, b):
            return words
    if text.startswith("の", end):
        after = _noun_run_from(tokens, tokens.index_starting_at(end + 1))
        # "2.9%の上昇" tells the direction of a change, not what the rate is of
        if (
            after is not None
            and not skipped.covers(*after)
            and text[after[0] : after[1]] not in CHANGE_WORDS
        ):
            return text[after[0] : after[1]]
    return None


def _noun_run_from(tokens: Tokens, first: int | None) -> tuple[int, int] | None:
    """(start, end) of the adjacent nouns from token ``first`` on, numerals excluded."""
    last = first
    while (
        last is not None
        and last < len(tokens)
        and _is_noun(tokens, last)
        and not tokens.pos(last).startswith("名詞-数詞")
        and (last == first or tokens.starts[last] == tokens.ends[last - 1])
    ):
        last += 1
    if first is None or last == first:
        return None
    return int(tokens.starts[first]), int(tokens.ends[last - 1])
