"""Which figure of a section's body a headline's figure restates.

Press releases head each section with a short line that repeats the section's key
figures ("オンライン相談を開始、全国で 40 万人以上が利用") and state them
again in the prose under it.  When the two agree another pairing already ties them
(the numbers are equal); when one was changed, nothing else does: the words around
the two differ ("会員登録数" in the headline, "新規会員数" in the
body) and headlines seldom name what they count.  The headline's place ties them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable

from pipeline.checks.evidence import Evidence, Figure
from pipeline.patterns.check_cues import LIST_ITEM_MARKS
from pipeline.patterns.cues import LINE_CONTINUATIONS, SCALE_WORDS, SMALL_SCALES
from pipeline.patterns.entity_cues import HEADING_MARKS
from schemas.records import Mention

#: NOTE: a headline is a line this short that does not end a sentence with 。
HEADLINE_MAX_CHARS = 80
#: NOTE: how far below its headline a section's body is looked for
BODY_MAX_CHARS = 4000
#: NOTE: character pairs of content words the headline's sentence and the body's must
#: share, and the share of the shorter one's pairs that is.  Pairs, not words: without a
#: tokeniser here, "オンライン診療サービス" and "オンライン診療所" are two different words
HEADLINE_SHARED_PAIRS = 3
HEADLINE_OVERLAP = 0.3
#: NOTE: of several figures of one unit in the body's sentence, the one restating the
#: headline's names a like measure: this share of character pairs in common
MEASURE_LIKENESS = 0.5
#: a line ending in one of these breaks off mid-sentence (text wrapped from a PDF)
_OPEN_ENDINGS = tuple("、，,はがをの") + tuple(SCALE_WORDS) + tuple(SMALL_SCALES)
#: a line that only dates what follows ("2025年7月12日 18時00分"): no headline of its own
_DATELINE = re.compile(r"^[\d０-９\s年月日時分秒:：/.\-（）()月火水木金土曜]+$")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
#: lines that open a section, a bullet or a table row: a body ends there
_SECTION_OPENINGS = (*HEADING_MARKS, "・", "#", "|", "｜")


def _line_at(text: str, offset: int, limit: int) -> tuple[int, int]:
    """The line holding ``offset``, searched no further than ``limit`` characters either
    way: a longer line is cut there (and is then too long to be a headline)."""
    newline = text.rfind("\n", max(0, offset - limit), offset)
    start = newline + 1 if newline >= 0 or offset <= limit else offset - limit
    end = text.find("\n", offset, offset + limit)
    return start, end if end >= 0 else min(len(text), offset + limit)


#: an item of a list that says something ("・千葉幕張店：売場面積980平方メートル、…"), not
#: a bullet naming a section ("・韓国"); a line opening with **bold** is none
_LIST_ITEM = re.compile(rf"^(?!\*\*)[{re.escape(LIST_ITEM_MARKS)}]\s*[^：:、]+[：:、]")


def _is_headline(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(("。", "."))
        and not line.endswith(_OPEN_ENDINGS)
        and not line[-1].isdigit()
        and not line.startswith(("|", "｜"))
        and not _LIST_ITEM.match(line)
    )


def section_body(text: str, m: Mention) -> tuple[int, int] | None:
    """Where the prose under a figure's headline line runs: from the next line to the
    next headline, heading or bullet.  None when the figure's line is no headline or no
    prose follows it."""
    return _body_under(text, _line_at(text, m.start, HEADLINE_MAX_CHARS + 1))


def wraps_on(text: str, line_end: int) -> bool:
    """Whether the next line goes on with this line's sentence ("…その他\nが446億円"): a
    line of text wrapped from a PDF, not a headline or a title."""
    following = _NEXT_CHARACTER.match(text, line_end)
    return following is not None and following.group(1) in LINE_CONTINUATIONS


def _body_under(text: str, line: tuple[int, int]) -> tuple[int, int] | None:
    start, end = line
    if not _is_headline(text[start:end]) or wraps_on(text, end):
        return None
    body_start, at, limit = None, end + 1, min(len(text), end + 1 + BODY_MAX_CHARS)
    while at < limit:
        line_end = text.find("\n", at, limit)
        line_end = line_end if line_end >= 0 else limit
        line = text[at:line_end].strip()
        if line and not _DATELINE.match(line):
            if line.startswith(_SECTION_OPENINGS) or _is_headline(line):
                break
            body_start = at if body_start is None else body_start
        at = line_end + 1
    if body_start is None:
        return None
    return body_start, min(at, limit)


def _bigrams(words: str) -> set[str]:
    return {words[i : i + 2] for i in range(len(words) - 1)}


def _word_pairs(words: frozenset[str]) -> frozenset[str]:
    return frozenset(pair for word in words for pair in _bigrams(word))


def _likeness(a: Mention, b: Mention) -> float:
    """How alike two figures' measures or objects read (0 when either names none)."""
    wa, wb = _bigrams(a.measure or a.object or ""), _bigrams(b.measure or b.object or "")
    return len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0


def _either_or_same(a: str | None, b: str | None) -> bool:
    """Equal, or one of the two not named: headlines leave out what the text names."""
    return a == b or not (a and b)


def _restating(
    ev: Evidence,
    headline: Figure,
    peers: list[Figure],
    body: list[Figure],
    words: Callable[[Figure], frozenset[str]],
) -> Figure | None:
    """The body figure that restates the headline's; None when a body figure gives the
    same number (restated as written) or which one restates it is unclear.

    ``peers``: the figures of the headline's kind and unit on its line, in order.  The one
    body figure that names the headline's object restates it; otherwise the figure is
    in the body sentence most like the headline's, where several of its kind and unit
    are told apart by their order (as many as on the headline's line) or their measure.
    """
    mh = headline.mention
    same_unit = [f for f in body if (f.mention.kind, f.mention.unit) == (mh.kind, mh.unit)]
    if any(f.mention.value == mh.value for f in same_unit):
        return None
    # "前期は2,300億円だった" under "売上高2,500億円へ": another period's figure
    earlier_in_headline = ev.names_earlier_period(mh)
    alike = [
        f
        for f in same_unit
        if f.mention.bound != "range"
        and _either_or_same(f.mention.subject, mh.subject)
        and _either_or_same(f.mention.object, mh.object)
        and (earlier_in_headline or not ev.names_earlier_period(f.mention))
    ]
    if ev.total_word_before(mh):
        # "合計 12 万食を提供" heads a section whose prose lists the parts: only a total
        # restates it
        alike = [f for f in alike if ev.total_word_before(f.mention)]
    named = [f for f in alike if mh.object and f.mention.object == mh.object]
    if len(named) == 1:
        return named[0]
    sentence = _most_alike_sentence(ev, headline, alike, words)
    if sentence is None:
        return None
    in_sentence = [f for f in same_unit if ev.sentence_span(f.mention) == sentence]
    candidates = [f for f in in_sentence if f in alike]
    if len(candidates) == 1:
        return candidates[0]
    if len(in_sentence) == len(peers) > 1:
        by_order = in_sentence[peers.index(headline)]
        return by_order if by_order in candidates else None
    likeness = sorted(
        ((_likeness(f.mention, mh), i) for i, f in enumerate(candidates)), reverse=True
    )
    top, runner_up = likeness[0], likeness[1]
    return candidates[top[1]] if top[0] >= MEASURE_LIKENESS and top[0] > runner_up[0] else None


def _most_alike_sentence(
    ev: Evidence, headline: Figure, alike: list[Figure], words: Callable[[Figure], frozenset[str]]
) -> tuple[int, int] | None:
    """The sentence of one of ``alike`` that shares the most of the headline's words."""
    own = _word_pairs(words(headline))
    best, best_score = None, (0.0, 0)
    for f in alike:
        theirs = _word_pairs(words(f))
        shared = len(own & theirs)
        score = (shared / max(1, min(len(own), len(theirs))), shared)
        if shared >= HEADLINE_SHARED_PAIRS and score[0] >= HEADLINE_OVERLAP and score > best_score:
            best, best_score = ev.sentence_span(f.mention), score
    return best


def headline_pairs(
    ev: Evidence,
    figures: list[Figure],
    content: Callable[[Figure], frozenset[str]],
) -> list[tuple[Figure, Figure]]:
    """Each headline figure with the figure of the prose under the headline that
    restates it and gives another number.  ``content`` gives a figure's sentence words."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_doc[f.mention.doc_id].append(f)
    pairs = []
    for doc_id, members in by_doc.items():
        text = ev.texts[doc_id]
        members.sort(key=lambda f: f.mention.start)
        starts = [f.mention.start for f in members]
        bodies: dict[int, tuple[int, int] | None] = {}  # by line start: a line is read once
        for headline in members:
            line = _line_at(text, headline.mention.start, HEADLINE_MAX_CHARS + 1)
            if line[0] not in bodies:
                bodies[line[0]] = _body_under(text, line)
            span = bodies[line[0]]
            if span is None:
                continue
            body = members[bisect_left(starts, span[0]) : bisect_left(starts, span[1])]
            if not body:
                continue
            what = (headline.mention.kind, headline.mention.unit)
            peers = [
                f
                for f in members[bisect_left(starts, line[0]) : bisect_left(starts, line[1])]
                if (f.mention.kind, f.mention.unit) == what
            ]
            restated = _restating(ev, headline, peers, body, content)
            if restated is not None and not ev.dated_apart(headline.mention, restated.mention):
                pairs.append((headline, restated))
    return pairs
