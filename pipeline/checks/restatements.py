"""restatement: the same claim stated more than once, in one document or across them.

Two figures are one claim when they have the same kind, unit, subject and object,
stand in different sentences, and their sentences say much the same thing (shared
words); or when their sentences share another identical figure (anchored); or when
they are one subject's same measure (売上高は…) in sentences that name the same
relative periods, within a document, or across documents when the sentences also
name the same date (``restatement.v2``; across documents a difference is a warning).
Equal within precision: pass.  Different with different as-of dates: the figure moved
over time (information).  Different otherwise: fail.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import combinations
from typing import Any

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, written
from pipeline.checks.growth import rated_amounts
from pipeline.checks.headline_pairs import headline_pairs, section_body, wraps_on
from pipeline.checks.intervals import Interval, stated_value, strict
from pipeline.patterns.check_cues import (
    AFTER_REVISION,
    BEFORE_REVISION,
    DECREASE_WORDS,
    LIST_ITEM_MARKS,
    PRICE_DECREASE_WORDS,
    RELATIVE_PERIOD_WORDS,
)
from pipeline.patterns.cues import SCALE_WORDS, SMALL_SCALES
from pipeline.patterns.entity_cues import HEADING_MARKS
from schemas.records import Mention
from schemas.vocab import Severity, Status

RULE = "restatement"
#: "12.5％減", "3円安": the number written is a decrease, which a table writes as △12.5
_DECREASE_AFTER = re.compile(
    rf"\s?[)）]?\s?の?\s?(?:{'|'.join(DECREASE_WORDS + PRICE_DECREASE_WORDS)})"
)
_PERIOD_WORDS = re.compile(RELATIVE_PERIOD_WORDS)
_SCALE_CHARS = frozenset(SCALE_WORDS) | frozenset(SMALL_SCALES)
#: which way a bound opens: "以上" and "超" both state a floor
_DIRECTION = {"ge": "floor", "gt": "floor", "le": "ceiling", "lt": "ceiling"}
#: the extraction rule of table cells ("table.cell.v1")
_TABLE_RULE = "table."
_KINDS = {"money", "count", "quantity", "percent", "duration", "ratio"}
#: NOTE: share of context words two sentences must have in common to state one claim;
#: figures that differ must also name what they count (an object) and overlap more
SAME_CLAIM_OVERLAP = 0.3
DIFFERING_CLAIM_OVERLAP = 0.6
#: NOTE: overlap at which a figure tied to nothing else is paired, as a possible
#: restatement (a warning), with a similar statement of another number
SIMILAR_CLAIM_OVERLAP = 0.3
SIMILAR_CLAIM_OVERLAP_NO_OBJECT = 0.5
#: NOTE: and when neither names what it counts or measures: sentences that say the same
SIMILAR_CLAIM_OVERLAP_UNNAMED = 0.7
#: NOTE: and at least this many words in common: short list lines ("内訳:マスク100万枚")
#: overlap wholly in two words
SIMILAR_CLAIM_SHARED_WORDS = 3
#: NOTE: content words a sentence must have for its copy in another document to be
#: recognised by its words alone (short list lines share all of theirs by chance)
ECHO_MIN_WORDS = 5
#: NOTE: a sentence found in more documents than this is a template (a boilerplate line
#: every release repeats with its own numbers), not versions of one claim
ECHO_MAX_DOCUMENTS = 4
#: NOTE: a title quoted in another document shares this many content words with it, and
#: this share of the shorter one's, which has this many at least; titles of one subject
#: and kind compared pairwise, at most this many (a line every document repeats is a
#: template, not a quote)
TITLE_ECHO_SHARED_WORDS = 3
TITLE_ECHO_OVERLAP = 0.7
TITLE_ECHO_MIN_WORDS = 4
TITLE_ECHO_MAX = 40
#: NOTE: a measure stated more often than this in one document is a table or a list,
#: not a claim restated; comparing its figures pairwise would cost the square
SIMILAR_GROUP_MAX = 300


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _corrected(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """One figure under a correction notice's 訂正前 label, the other under its 訂正後."""
    return {ev.revision_of(ma), ev.revision_of(mb)} == {BEFORE_REVISION, AFTER_REVISION}


def _different_events(
    ev: Evidence, ma: Mention, mb: Mention, forecasts: Mapping[str, bool]
) -> bool:
    """Figures under different headings (other than a correction's before and after),
    dated to different days, or a result and a forecast ("売上高は6,420億円だった" and
    "売上高は1兆3,000億円を見込む") are different claims.  ``forecasts``: which figures are
    forecasts (``_forecasts``), looked up once each rather than for every pair."""
    if (
        ma.doc_id == mb.doc_id
        and ev.section_of(ma) != ev.section_of(mb)
        and not _corrected(ev, ma, mb)
    ):
        return True
    return ev.dated_apart(ma, mb) or forecasts[ma.mention_id] != forecasts[mb.mention_id]


def _forecasts(ev: Evidence, figures: Iterable[Figure]) -> dict[str, bool]:
    return {f.id: ev.is_forecast(f.mention) for f in figures}


def _key(f: Figure) -> tuple:
    m = f.mention
    return (m.kind, m.unit, m.subject, m.object)


def _equal_pairs(ev: Evidence, group: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Each repeated figure paired once, with the first statement it restates."""
    pairs = []
    firsts: dict[float, list[Figure]] = defaultdict(list)
    for f in group:
        earlier = firsts[f.mention.value]
        match = next(
            (
                e
                for e in earlier
                if same_claim(ev, e, f, SAME_CLAIM_OVERLAP) or _titles(ev, e.mention, f.mention)
            ),
            None,
        )
        if match is not None:
            pairs.append((match, f))
        else:
            earlier.append(f)
    return pairs


def _differing_pairs(ev: Evidence, group: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Different values for one counted object, each compared with the statement before it.

    Statements are ordered by as-of date (then document order), so a figure that grew
    over time reads as a chain of changes rather than every pair of statements.
    """
    firsts: dict[float, Figure] = {}
    for f in group:
        firsts.setdefault(f.mention.value, f)
    distinct = [f for f in firsts.values() if f.mention.object]
    forecasts = _forecasts(ev, distinct)
    return _each_with_earlier(
        ev,
        {(): distinct},
        lambda a, b: (
            same_claim(ev, a, b, DIFFERING_CLAIM_OVERLAP)
            and not _different_events(ev, a.mention, b.mention, forecasts)
            and _same_parties(ev, a.mention, b.mention)
        ),
    )


def _content(words: frozenset[str]) -> frozenset[str]:
    """Context words without the tails of figures (万枚, 億元): two sentences listing
    amounts of one unit share those whatever they are about."""
    return frozenset(w for w in words if w[0] not in _SCALE_CHARS)


def _content_of(ev: Evidence) -> Callable[[Figure], frozenset[str]]:
    """A figure's sentence words without figure tails, each sentence's worked out once."""
    known: dict[frozenset[str], frozenset[str]] = {}

    def content(f: Figure) -> frozenset[str]:
        words = ev.context_words(f.mention)
        if words not in known:
            known[words] = _content(words)
        return known[words]

    return content


def _similar_pairs(
    ev: Evidence,
    figures: list[Figure],
    paired: set[str],
    content: Callable[[Figure], frozenset[str]],
) -> list[tuple[Figure, Figure]]:
    """Each figure no other pairing ties to anything, with the most similar statement of
    its document, subject, kind, unit and object that gives another number ("25万トン"
    in the highlights, "35万トン" in the body): a possible restatement, too weakly tied
    for a fail.  Both must name what they count (an object) or measure the same thing;
    figures of sentences dated to different days, or naming entities the other does not
    ("日本にマスク100万枚", "韓国にマスク50万枚"), are left apart.  ``content`` gives a
    figure's sentence words without figure tails."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        m = f.mention
        what = ("object", m.object) if m.object else ("measure", m.measure) if m.measure else ()
        groups[(m.doc_id, *_key(f)[:3], what)].append(f)
    pairs = []
    for group in groups.values():
        if not 2 <= len(group) <= SIMILAR_GROUP_MAX:
            continue
        words = {f.id: content(f) for f in group}
        forecasts = _forecasts(ev, group)
        for b in group:
            if b.id in paired:
                continue
            mb = b.mention
            need = (
                SIMILAR_CLAIM_OVERLAP
                if mb.object
                else SIMILAR_CLAIM_OVERLAP_NO_OBJECT
                if mb.measure
                else SIMILAR_CLAIM_OVERLAP_UNNAMED
            )
            best, score = None, 0.0
            for a in group:
                ma = a.mention
                if ma.value == mb.value:
                    continue
                shared = len(words[a.id] & words[b.id])
                overlap = shared / max(1, min(len(words[a.id]), len(words[b.id])))
                if (
                    overlap < need
                    or overlap <= score
                    or shared < SIMILAR_CLAIM_SHARED_WORDS
                    or _same_sentence(ev, ma, mb)
                    or ev.dated_apart(ma, mb)
                    or forecasts[a.id] != forecasts[b.id]
                    or not _compatible_parties(ev, ma, mb)
                    or _apart_sections(ev, ma, mb)
                    or (not mb.measure and not mb.object and _other_topics(ev, ma, mb))
                ):
                    continue
                best, score = a, overlap
            if best is not None:
                pairs.append((best, b) if best.mention.start < mb.start else (b, best))
    return pairs


#: what a sentence opens by saying it is about: "生鮮食品を除く総合指数は…"
#: (past a bullet, a list number or markdown marks)
_TOPIC = re.compile(
    rf"^[\s#{re.escape(LIST_ITEM_MARKS + HEADING_MARKS)}]*(?:[0-9０-９]{{1,2}}\s?[.)．）]\s*)?"
    r"[*\s]*(?P<topic>[^、。\n]{2,30}?)は"
)


def _other_topics(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Whether two sentences open on different topics ("総合指数は…2.9％" and "生鮮食品及び
    エネルギーを除く総合指数は…3.0％"): their unnamed figures are of two things, however
    alike the sentences read.  A topic that goes on past the other's ("ミライ電機と子会社"
    after "ミライ電機") names the same one first."""
    a, b = _TOPIC.match(ev.sentence(ma)), _TOPIC.match(ev.sentence(mb))
    if a is None or b is None:
        return False
    return not (a["topic"].startswith(b["topic"]) or b["topic"].startswith(a["topic"]))


def _echoed_pairs(
    ev: Evidence, figures: list[Figure], paired: set[str]
) -> list[tuple[Figure, Figure]]:
    """A figure no other pairing ties, with the figure in the same place of a sentence of
    another document that has the same words (a copy or another version of a release),
    the same subject and kind, and another number or currency: "累計 33.56 億元を拠出" and
    "累計 43.56 億元を拠出" (or "33.56 億円").  Sentences dated to different days, and
    sentences found in many documents (a template), are left apart."""
    sentences: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in figures:
        sentences[(f.mention.doc_id, ev.sentence_span(f.mention)[0])].append(f)
    echoes: dict[tuple, list[Figure]] = defaultdict(list)
    content = _content_of(ev)
    for members in sentences.values():
        words = content(members[0])
        if len(words) < ECHO_MIN_WORDS:
            continue
        ordinal: dict[tuple, int] = defaultdict(int)
        for f in sorted(members, key=lambda f: f.mention.start):
            m = f.mention
            # amounts by kind only: the same sentence in another currency is a slip
            unit = None if m.kind == "money" else m.unit
            echoes[(m.kind, unit, m.subject, words, ordinal[(m.kind, unit)])].append(f)
            ordinal[(m.kind, unit)] += 1
    pairs = []
    for group in echoes.values():
        if not 2 <= len({f.mention.doc_id for f in group}) <= ECHO_MAX_DOCUMENTS:
            continue
        for b in group:
            mb = b.mention
            if b.id in paired:
                continue
            a = next(
                (
                    a
                    for a in group
                    if a.mention.doc_id != mb.doc_id
                    and (a.mention.value != mb.value or a.mention.unit != mb.unit)
                    and not ev.dated_apart(a.mention, mb)
                ),
                None,
            )
            if a is not None:
                pairs.append((a, b))
    return pairs


def _title_pairs(ev: Evidence, group: list[Figure]) -> list[tuple[Figure, Figure]]:
    """A title line (a link's headline) under the paragraph it restates, giving another
    number than the paragraph ("…20秒以内で…。\n詳細:\nわずか30秒で診断").  The paragraph
    must be prose (it has a full stop): the rows of a table or a list are short lines
    under one another too."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for f in group:
        by_doc[f.mention.doc_id].append(f)
    pairs = []
    for b in group:
        mb = b.mention
        above = _paragraph_above(ev, mb) if _link_title(ev, mb) else None
        if above is None:
            continue
        pairs += [
            (a, b)
            for a in by_doc[mb.doc_id]
            if above[0] <= a.mention.start < above[1]
            and a.mention.value != mb.value
            and _prose_line(ev, a.mention)
        ]
    return pairs


def _short_line(text: str, offset: int) -> tuple[int, int] | None:
    """The bounds of the line holding ``offset`` if it is no longer than a title may be;
    searched within that length only, so a document written on one line costs nothing."""
    start = text.rfind("\n", max(0, offset - TITLE_MAX_CHARS - 1), offset) + 1
    if start == 0 and offset > TITLE_MAX_CHARS:
        return None
    end = text.find("\n", offset, start + TITLE_MAX_CHARS + 1)
    end = end if end >= 0 else min(len(text), start + TITLE_MAX_CHARS + 1)
    return (start, end) if end - start <= TITLE_MAX_CHARS else None


def _title_line(ev: Evidence, m: Mention) -> bool:
    """A short line without a full stop that does not break off mid-clause or mid-figure
    ("…海外事業が422億" wraps a sentence of text from PDF)."""
    text = ev.texts[m.doc_id]
    bounds = _short_line(text, m.start)
    if bounds is None:
        return False
    line = text[bounds[0] : bounds[1]].strip()
    return (
        not wraps_on(text, bounds[1])
        and "。" not in line
        and not line.endswith(_OPEN_ENDINGS)
        and not line[-1:].isdigit()
        and not line.startswith(_LIST_MARKS)
    )


def _link_title(ev: Evidence, m: Mention) -> bool:
    """A title line that names what the paragraph above it says: after a label line
    ("詳細:"), or followed by no prose of its own.  A short line with prose under it is
    the headline of that prose (the next section's), which ``headline_pairs`` reads."""
    if not _title_line(ev, m):
        return False
    text = ev.texts[m.doc_id]
    start, _ = _line(text, m.start)
    # a label is a short line, perhaps past blank ones: a short stretch above says
    above = text[max(0, start - TITLE_MAX_CHARS) : start].rstrip()
    label = above[above.rfind("\n") + 1 :]
    return bool(_LABEL_LINE.match(label)) or section_body(text, m) is None


def _prose_line(ev: Evidence, m: Mention) -> bool:
    text = ev.texts[m.doc_id]
    start, end = _line(text, m.start)
    return "。" in text[start:end] and not text[start:end].lstrip().startswith("|")


def same_claim(ev: Evidence, a: Figure, b: Figure, threshold: float) -> bool:
    ma, mb = a.mention, b.mention
    if _same_sentence(ev, ma, mb):
        return False
    return _overlap(ev.context_words(ma), ev.context_words(mb)) >= threshold


#: a line ending in one of these breaks off: a comma, a topic or case particle (not に
#: or へ, with which headlines end: "…診断可能に"), a scale word
_OPEN_ENDINGS = tuple("、，,はがを") + tuple(SCALE_WORDS) + tuple(SMALL_SCALES)
#: a line opening with one of these is an item of a list ("・完全失業者数は182万人"), not a
#: title; a title may open with a label in 【】 ("【プレスリリース】…")
_LIST_MARKS = tuple(HEADING_MARKS.replace("【", "") + LIST_ITEM_MARKS)
#: NOTE: a line this short without a full stop is a title (a headline, a link's title)
TITLE_MAX_CHARS = 80
#: a label line between a paragraph and the title of a link to more: "詳細:", "関連記事："
_LABEL_LINE = re.compile(r"^[^\n。]{1,10}[:：]\s*$")


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, end if end >= 0 else len(text)


def _titles(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Whether the later figure's line is a title (a link's headline) of the paragraph
    the earlier figure is in: "…20秒以内という短時間で…。\n詳細:\nわずか20秒で診断可能に"."""
    if ma.doc_id != mb.doc_id or ma.start > mb.start:
        return False
    above = _paragraph_above(ev, mb)
    return above is not None and above[0] <= ma.start < above[1]


def _paragraph_above(ev: Evidence, m: Mention) -> tuple[int, int] | None:
    """The line above the figure's line, past blank and label lines ("詳細:"), when the
    figure's own line may be a title (short, no full stop)."""
    text = ev.texts[m.doc_id]
    bounds = _short_line(text, m.start)
    if bounds is None or "。" in text[bounds[0] : bounds[1]]:
        return None
    above = bounds[0] - 1
    while above > 0:
        a_start, a_end = _line(text, above - 1)
        if _LABEL_LINE.match(text[a_start:a_end]) or not text[a_start:a_end].strip():
            above = a_start - 1
            continue
        return a_start, a_end
    return None


#: NOTE: a figure repeated in more sentences than this is too common to tie claims together
ANCHOR_MAX_SENTENCES = 6
#: NOTE: only amounts and counts of some size tie claims together; "3か月間" or "10" recur
_ANCHOR_KINDS = frozenset({"money", "count", "quantity"})
ANCHOR_MIN_VALUE = 100


def _anchored(ev: Evidence, a: Figure, b: Figure, same_doc: bool, anchors: int = 1) -> bool:
    """Whether two figures in sentences that share an identical figure restate one claim.

    Across documents the wording may differ (subject and object are not compared), so
    only agreement or a change explained by as-of dates is taken from there.  Within a
    document subject and object must match, and then any difference is reported; two
    sentences that share two figures or more (``anchors``: "12億4,500万元、3億2,100万元" and
    "12.45億元、3.21億元") state one breakdown whoever each names as its subject.
    """
    ma, mb = a.mention, b.mention
    if same_doc:
        return (
            (anchors >= 2 or (ma.subject == mb.subject and ma.object == mb.object))
            and _measures_meet(ma.measure, mb.measure)
            and not ev.dated_apart(ma, mb)
        )
    dated = ma.as_of and mb.as_of and ma.as_of != mb.as_of
    return ma.value == mb.value or bool(dated)


def _measures_meet(a: str | None, b: str | None) -> bool:
    """Measures that may be one: either unnamed, or one the other's qualified form
    (売上高 and 2026年3月期中間期の売上高); not 消費支出 and a table's 構成比."""
    return not a or not b or a.endswith(b) or b.endswith(a)


def _anchored_pairs(ev: Evidence, across: bool = False) -> list[tuple[Figure, Figure]]:
    """Figures of one kind and unit in two sentences that share another identical figure
    (``across``: sentences of two documents only).

    "世界120の国と地域から約3,000人" and "120の国と地域の約1万人": the shared 120 ties the two
    head counts to one claim; "総額4.8億元に達する計7,300万件" and "総額4.9億元に達する計7,300万件"
    in one document are one claim stated twice with different values.
    """
    sentences: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.kind in _KINDS and f.mention.bound != "range":
                sentences[(f.mention.doc_id, ev.sentence_span(f.mention)[0])].append(f)
    holders: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    #: (anchor, sentence) -> what the shared figure measures there
    measures: dict[tuple, set[str | None]] = defaultdict(set)
    for key, figures in sentences.items():
        for f in figures:
            if f.mention.kind in _ANCHOR_KINDS and abs(f.mention.value or 0) >= ANCHOR_MIN_VALUE:
                anchor = (f.mention.kind, f.mention.unit, f.mention.value)
                holders[anchor].append(key)
                measures[(anchor, key)].add(f.mention.measure)
    tying: dict[tuple, list[tuple]] = defaultdict(list)
    for anchor, keys in holders.items():
        if len(keys) < 2:
            continue  # most figures appear once: no sentence to tie
        keys = sorted(set(keys))
        if len(keys) < 2 or len(keys) > ANCHOR_MAX_SENTENCES:
            continue
        for ka, kb in combinations(keys, 2):
            tying[(ka, kb)].append(anchor)
    pairs = []
    for (ka, kb), shared in tying.items():
        if across and ka[0] == kb[0]:
            continue
        # a shared figure must be one claim too: 120億円 of 純利益 in a table's row and
        # 120億円 of 売上高 in the text tie nothing
        anchors = [
            anchor
            for anchor in shared
            if any(
                _measures_meet(x, y) for x in measures[(anchor, ka)] for y in measures[(anchor, kb)]
            )
        ]
        for anchor in anchors:
            for a, b in _aligned(sentences[ka], sentences[kb], anchor):
                if _anchored(ev, a, b, ka[0] == kb[0], len(anchors)):
                    pairs.append((a, b))
    return pairs


def _aligned(
    first: list[Figure], second: list[Figure], anchor: tuple
) -> list[tuple[Figure, Figure]]:
    """The figures of two sentences that restate each other, in the order written.

    Figures of one kind and unit pair up first with first, second with second; when the
    two sentences hold different numbers of them, which restates which is unknown and
    none is paired ("総額31億円で、うち医療に21億円" twice: 31 pairs with 31, not with 21).
    One amount in each, with the same number in two currencies, pair up as well.
    """

    def by_unit(figures: list[Figure]) -> dict[tuple, list[Figure]]:
        groups: dict[tuple, list[Figure]] = defaultdict(list)
        for f in figures:
            m = f.mention
            if (m.kind, m.unit, m.value) != anchor:
                groups[(m.kind, m.unit)].append(f)
        return groups

    a_groups, b_groups = by_unit(first), by_unit(second)
    # in the same order, what they measure must agree too: a table's row and a sentence
    # that hold as many amounts may list them in another order
    pairs = [
        pair
        for key, a_group in a_groups.items()
        if len(b_groups.get(key, ())) == len(a_group)
        and all(
            _measures_meet(a.mention.measure, b.mention.measure)
            for a, b in zip(a_group, b_groups[key], strict=True)
        )
        for pair in zip(a_group, b_groups[key], strict=True)
    ]
    # one amount each, the same number in two currencies ("8億元を投資" and "8億円を投資"
    # beside the same 300店舗): the same amount with one currency written wrong
    a_money = [f for key, g in a_groups.items() if key[0] == "money" for f in g]
    b_money = [f for key, g in b_groups.items() if key[0] == "money" for f in g]
    if len(a_money) == len(b_money) == 1:
        a, b = a_money[0].mention, b_money[0].mention
        if a.unit != b.unit and a.value == b.value:
            pairs.append((a_money[0], b_money[0]))
    return pairs


def _sentence_periods(ev: Evidence) -> Callable[[Mention], frozenset[str]]:
    """The relative-period words (前期, 当期 …) of a figure's sentence, each sentence read once."""
    known: dict[tuple[str, tuple[int, int]], frozenset[str]] = {}

    def periods(m: Mention) -> frozenset[str]:
        key = (m.doc_id, ev.sentence_span(m))
        if key not in known:
            known[key] = frozenset(_PERIOD_WORDS.findall(ev.sentence(m)))
        return known[key]

    return periods


def _measured_pairs(
    ev: Evidence, periods: Callable[[Mention], frozenset[str]]
) -> list[tuple[Figure, Figure]]:
    """Figures of one document and subject that measure the same thing (売上高は…), each
    paired with the statement before it: "売上高は合計1,200億円" and "売上高が1,300億円".

    Only within a document, and only between sentences that name the same relative
    periods (前期, 当期 …): across documents the same measure is too often another
    segment or period for a shared word to tie two figures to one claim.
    """
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            m = f.mention
            # what is counted says more than what the clause is about (技術は…550の病院)
            what = m.object or m.measure
            if m.kind in _KINDS and m.subject and what and m.bound != "range":
                groups[(m.doc_id, m.kind, m.unit, m.subject, what, periods(m))].append(f)
    forecasts = _forecasts(ev, (f for group in groups.values() for f in group))
    return _each_with_earlier(
        ev,
        groups,
        lambda a, b: (
            not _same_sentence(ev, a.mention, b.mention)
            and not _different_events(ev, a.mention, b.mention, forecasts)
            and (not b.mention.object or _same_parties(ev, a.mention, b.mention))
        ),
    )


def _dated_pairs(
    ev: Evidence, periods: Callable[[Mention], frozenset[str]]
) -> list[tuple[Figure, Figure]]:
    """Across documents, one subject's measure in sentences that name the same dates
    (2024年度の売上高 in a release and in a news story), each paired with the statement
    of another document before it.  Without a shared date the same words are too often
    another segment or period to be one claim."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            m = f.mention
            dates = ev.dates_in_sentence(m)
            if m.kind in _KINDS and m.subject and m.measure and m.bound != "range" and dates:
                groups[(m.kind, m.unit, m.subject, m.measure, periods(m))].append(f)
    return _each_with_earlier(
        ev,
        groups,
        lambda a, b: (
            a.mention.doc_id != b.mention.doc_id
            and bool(ev.dates_in_sentence(a.mention) & ev.dates_in_sentence(b.mention))
        ),
    )


def _stated_once_pairs(ev: Evidence) -> list[tuple[Figure, Figure]]:
    """Across documents about one span of time (both name the period 2025年4～9月, or
    上期), one subject's measure that each states once: "純利益は61億円" in a release and
    "純利益は71億円だった" in the news story on it, whether or not its sentence names
    the period.  A measure stated twice in a document (this year's and last year's) is
    left to the rules that read dates."""
    by_key: dict[tuple, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, figures in ev.figures.items():
        for f in figures:
            m = f.mention
            if m.kind in _KINDS and m.subject and m.measure and m.bound != "range":
                by_key[(m.kind, m.unit, m.subject, m.measure)][doc_id].append(f)
    pairs: dict[tuple[str, str], tuple[Figure, Figure]] = {}
    for docs in by_key.values():
        if len(docs) < 2:
            continue
        # the figures stated once, by the spans their documents name: only those meet
        by_span: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        for group in docs.values():
            if len(group) == 1:
                for span in ev.spans_of.get(group[0].mention.doc_id, ()):
                    by_span[span].append(group[0])
        for figures in by_span.values():
            ordered = sorted(
                figures,
                key=lambda f: (ev.published_of.get(f.mention.doc_id, ""), f.mention.doc_id),
            )
            for a, b in combinations(ordered, 2):
                if ev.is_forecast(a.mention) == ev.is_forecast(b.mention):
                    pairs.setdefault((a.id, b.id), (a, b))
    return list(pairs.values())


def _each_with_earlier(
    ev: Evidence, groups: dict[tuple, list[Figure]], joinable: Callable[[Figure, Figure], bool]
) -> list[tuple[Figure, Figure]]:
    """Each figure paired with the latest statement before it (by as-of date, then
    publication date, then document order) that it may restate, so a changing figure
    reads as a chain."""
    published = ev.published_of
    pairs = []
    for group in groups.values():
        ordered = sorted(
            group,
            key=lambda f: (
                f.mention.as_of or "",
                published.get(f.mention.doc_id, ""),
                f.mention.doc_id,
                f.mention.start,
            ),
        )
        for i, b in enumerate(ordered):
            # NOTE: by index, not over a reversed slice: a slice copies the group per figure
            a = next((ordered[j] for j in range(i - 1, -1, -1) if joinable(ordered[j], b)), None)
            if a is not None:
                pairs.append((a, b))
    return pairs


def _same_parties(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Figures tied only by what they count (病院, マスク) are one claim only when their
    sentences name the same entities: "日本にマスク100万枚" and "韓国にマスク50万枚" are two,
    and so are "世界中で550を超える病院" and "日本とインドネシアの…40を超える病院"."""
    return ev.entities_in_sentence(ma) == ev.entities_in_sentence(mb)


def _compatible_parties(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Sentences whose named entities do not conflict: one names all the other does (a
    highlight and the body sentence it summarises), unlike "日本に…" and "韓国に…"."""
    a, b = ev.entities_in_sentence(ma), ev.entities_in_sentence(mb)
    return a <= b or b <= a


def _apart_sections(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """Figures under two different headings ("・韓国" and "・カナダ", "## 連結業績" and
    "■家電事業"), which say the same of different things.  A lead or a list of
    highlights stands under no heading: it summarises the sections after it."""
    a, b = ev.section_of(ma), ev.section_of(mb)
    return ma.doc_id == mb.doc_id and a >= 0 and b >= 0 and a != b and not _corrected(ev, ma, mb)


def _same_sentence(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    return ma.doc_id == mb.doc_id and ev.sentence_span(ma) == ev.sentence_span(mb)


def _different_footing(ev: Evidence, ma: Mention, mb: Mention) -> bool:
    """One figure a change and the other a level.  A table cell's words do not say which
    it is (a 決算短信's ％ column holds changes), so it stands on either."""
    if ma.rule.startswith(_TABLE_RULE) or mb.rule.startswith(_TABLE_RULE):
        return False
    return ev.is_change(ma) != ev.is_change(mb)


def _groups(ev: Evidence) -> dict[tuple, list[Figure]]:
    """Figures with a subject, by kind, unit, subject and object."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figures in ev.figures.values():
        for f in figures:
            if f.mention.kind in _KINDS and f.mention.subject and f.mention.bound != "range":
                groups[_key(f)].append(f)
    return groups


def _placed(ev: Evidence) -> list[Figure]:
    """Every figure a restatement may compare, with a subject or without one."""
    return [
        f
        for figures in ev.figures.values()
        for f in figures
        if f.mention.kind in _KINDS and f.mention.bound != "range"
    ]


def _compare_each(
    ev: Evidence,
    pairs: Iterable[tuple[Figure, Figure]],
    seen: set[frozenset[str]],
    found: list[Finding],
    **how: Any,
) -> set[str]:
    """Compare each pair not compared yet (``seen``) into ``found``; returns the figures
    compared.  A change ("前日比320円高") and a level ("終値は4万2,350円") never state one
    claim."""
    compared = set()
    for a, b in pairs:
        key = frozenset((a.id, b.id))
        if key in seen or _different_footing(ev, a.mention, b.mention):
            continue
        seen.add(key)
        compared |= key
        found.append(_compare(ev, a, b, **how))
    return compared


def _across(pairs: Iterable[tuple[Figure, Figure]]) -> Iterator[tuple[Figure, Figure]]:
    """The pairs of figures of two documents."""
    return (p for p in pairs if p[0].mention.doc_id != p[1].mention.doc_id)


def check_restatements(ev: Evidence) -> list[Finding]:
    """Claims restated within a document.  Run on each document alone
    (``Evidence.of_document``), so what it finds depends on that document only."""
    groups = _groups(ev)
    found: list[Finding] = []
    seen: set[frozenset[str]] = set()
    _compare_each(
        ev,
        (
            p
            for group in groups.values()
            for p in _equal_pairs(ev, group) + _differing_pairs(ev, group) + _title_pairs(ev, group)
        ),
        seen,
        found,
    )
    _compare_each(ev, _anchored_pairs(ev), seen, found)
    _compare_each(ev, _measured_pairs(ev, _sentence_periods(ev)), seen, found, version=2)
    paired = {figure_id for pair in seen for figure_id in pair}
    every = [f for group in groups.values() for f in group]
    content = _content_of(ev)
    # a headline ties figures by its place, with or without a subject (news names none)
    placed = _placed(ev)
    paired |= _compare_each(
        ev,
        headline_pairs(ev, placed, content),
        seen,
        found,
        version=5,
        weak=True,
        headline=True,
    )
    _compare_each(ev, _similar_pairs(ev, every, paired, content), seen, found, version=4, weak=True)
    return found


def check_restatements_across(ev: Evidence, paired: frozenset[str]) -> list[Finding]:
    """Claims restated in another document, over the whole corpus on every run.
    ``paired``: the figures a restatement within their own document already ties, which
    are not echoes of another document's sentence."""
    groups = _groups(ev)
    found: list[Finding] = []
    seen: set[frozenset[str]] = set()
    _compare_each(
        ev,
        _across(
            p
            for group in groups.values()
            if any(f.mention.doc_id != group[0].mention.doc_id for f in group)
            for p in _equal_pairs(ev, group) + _differing_pairs(ev, group)
        ),
        seen,
        found,
    )
    _compare_each(ev, _anchored_pairs(ev, across=True), seen, found)
    periods = _sentence_periods(ev)
    _compare_each(ev, _dated_pairs(ev, periods), seen, found, version=2, across=True)
    _compare_each(ev, _stated_once_pairs(ev), seen, found, version=2, across=True, span=True)
    tied = paired | {figure_id for pair in seen for figure_id in pair}
    every = [f for group in groups.values() for f in group]
    # a title ties figures by its words, with or without a subject (news names none)
    echoes = _echoed_pairs(ev, every, tied) + _title_echoes(ev, _placed(ev))
    _compare_each(ev, echoes, seen, found, version=4, across=True, echo=True)
    rate_tied = _rate_tied_pairs(ev, found)
    _compare_each(ev, rate_tied, seen, found, version=6, across=True, rated=True)
    return found


def _rate_tied_pairs(ev: Evidence, found: list[Finding]) -> list[tuple[Figure, Figure]]:
    """The amounts of two documents whose change rates state one claim: "四半期利益は
    1,210億円（同8.4%減）" in a release and "純利益は8.4%減の1,120億円" in the news story on
    it, once the two 8.4% are paired as one claim and agree; the amounts, however their
    measures are named, state one claim too."""
    amount_of = {
        rate.id: amount
        for figures in ev.figures.values()
        for rate, amount, _, _ in rated_amounts(ev, figures)
    }
    pairs = []
    for f in found:
        if f.rule != RULE or f.status != Status.PASS or len(f.figures) != 2:
            continue
        a, b = (amount_of.get(x.id) for x in f.figures)
        if (
            a is not None
            and b is not None
            and a.mention.doc_id != b.mention.doc_id
            and (a.mention.kind, a.mention.unit) == (b.mention.kind, b.mention.unit)
        ):
            pairs.append((a, b))
    return pairs


def _title_echoes(ev: Evidence, figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """A title (a release's headline) quoted in another document, as a link's title or in
    a news story, with another number or currency: "ミライ食品、新工場の建設に約500億円を投資"
    and "【プレスリリース】ミライ食品、新工場の建設に約600億円を投資".  The two lines need not
    be word for word the same: most of the shorter one's words are in the other, and each
    holds one figure of the kind.  A title restated in its own document's text is quoted
    all the same."""
    # (doc, line start, kind) of each figure on a title line
    titled = {
        f.id: (
            f.mention.doc_id,
            _line(ev.texts[f.mention.doc_id], f.mention.start)[0],
            f.mention.kind,
        )
        for f in figures
        if _title_line(ev, f.mention)
    }
    # each title holds one figure of the kind: which restates which is plain
    on_line = Counter(titled.values())
    blocks: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        m = f.mention
        if f.id in titled and on_line[titled[f.id]] == 1:
            # amounts by kind only: the same title in another currency is a slip
            blocks[(m.kind, None if m.kind == "money" else m.unit, m.subject)].append(f)
    alike: list[tuple[Figure, Figure]] = []
    content = _content_of(ev)
    for block in blocks.values():
        if len({f.mention.doc_id for f in block}) < 2 or len(block) > TITLE_ECHO_MAX:
            continue
        words = {f.id: content(f) for f in block}
        for a, b in combinations(block, 2):
            ma, mb = a.mention, b.mention
            if ma.doc_id == mb.doc_id:
                continue
            wa, wb = words[a.id], words[b.id]
            shared = len(wa & wb)
            if (
                min(len(wa), len(wb)) >= TITLE_ECHO_MIN_WORDS
                and shared >= TITLE_ECHO_SHARED_WORDS
                and shared / min(len(wa), len(wb)) >= TITLE_ECHO_OVERLAP
                and not ev.dated_apart(ma, mb)
            ):
                alike.append((a, b))
    # a title found in more documents than an echo may be is a template
    documents: dict[str, set[str]] = defaultdict(set)
    for a, b in alike:
        documents[a.id].add(b.mention.doc_id)
        documents[b.id].add(a.mention.doc_id)
    return [
        (a, b)
        for a, b in alike
        if (a.mention.value, a.mention.unit) != (b.mention.value, b.mention.unit)
        and len(documents[a.id] | documents[b.id]) <= ECHO_MAX_DOCUMENTS
    ]


def _agree(a: Figure, b: Figure, tol: float) -> bool:
    """Bounds of one direction on both sides ("300 以上" and "300 を超える"): the numbers
    must agree; otherwise the intervals meet."""
    ma, mb = a.mention, b.mention
    if _DIRECTION.get(ma.bound) and _DIRECTION.get(ma.bound) == _DIRECTION.get(mb.bound):
        return stated_value(a, tol).meets(stated_value(b, tol))
    return strict(a, tol).meets(strict(b, tol))


def _share_of_earlier(ev: Evidence, a: Figure, b: Figure) -> bool:
    """A table's 前年比 of 108.7 (the later figure as a share of the earlier) and the text's
    "8.7％増" (or 91.3 and "8.7％減") state one change."""
    if a.mention.kind != "percent" or b.mention.kind != "percent":
        return False
    if a.mention.rule.startswith(_TABLE_RULE) == b.mention.rule.startswith(_TABLE_RULE):
        return False
    cell, change = (a, b) if a.mention.rule.startswith(_TABLE_RULE) else (b, a)
    tol = ev.approx_tolerance
    moved = strict(_signed(ev, change), tol)
    return strict(cell, tol).meets(Interval(moved.low + 100, moved.high + 100))


def _signed(ev: Evidence, f: Figure) -> Figure:
    """A change written as a number and a word of decrease ("12.5％減") as the signed
    number a table writes for it ("△12.5"); other figures as they are."""
    m = f.mention
    if not m.value or m.value < 0 or not _DECREASE_AFTER.match(ev.texts[m.doc_id], m.end):
        return f
    low, high = m.value_low, m.value_high
    flipped = m.amended(
        value=-m.value,
        value_low=None if high is None else -high,
        value_high=None if low is None else -low,
    )
    return Figure(flipped, Interval(-f.interval.high, -f.interval.low, f.interval.ambiguous))


def _compare(
    ev: Evidence,
    a: Figure,
    b: Figure,
    *,
    version: int = 1,
    across: bool = False,
    weak: bool = False,
    headline: bool = False,
    echo: bool = False,
    span: bool = False,
    rated: bool = False,
) -> Finding:
    """Pass when the two agree; info when as-of dates explain a change; else fail, or a
    warning when the tie between them is weak (``weak``: similar sentences) or only a
    shared measure and date (``across``; ``span``: the period both documents are about;
    ``rated``: change rates that agree), or the same sentence (``echo``), tie two
    documents' figures."""
    tol = ev.approx_tolerance
    ma, mb = a.mention, b.mention
    what = f"{ma.subject}'s {ma.measure or ma.object or ma.kind}"
    opposite = (ma.value or 0) * (mb.value or 0) < 0
    severity = None
    if ma.unit != mb.unit:
        status = Status.WARN
        message = (
            f"{what} is stated as {written(a)} ({ma.doc_id}, line {ma.line}) and "
            f"{written(b)} ({mb.doc_id}, line {mb.line}) in sentences that say the same: "
            f"one of the two currencies ({ma.unit}, {mb.unit}) is likely wrong."
        )
    elif (
        ma.value == mb.value
        or _agree(a, b, tol)
        or (opposite and _agree(_signed(ev, a), _signed(ev, b), tol))
        or _share_of_earlier(ev, a, b)
    ):
        status, message = (
            Status.PASS,
            f"{what} is stated as {written(a)} and {written(b)}; they agree.",
        )
    elif _corrected(ev, ma, mb):
        status, severity = Status.WARN, Severity.INFO
        before, after = (a, b) if ev.revision_of(ma) == BEFORE_REVISION else (b, a)
        message = (
            f"{what} is {written(before)} before the correction and {written(after)} after "
            "it: the document corrects the figure."
        )
    elif ma.as_of and mb.as_of and ma.as_of != mb.as_of:
        status, severity = Status.WARN, Severity.INFO
        message = (
            f"{what} is {written(a)} as of {ma.as_of} and {written(b)} as of {mb.as_of}: "
            "the figure changed over time."
        )
    elif published := ev.published_apart(ma, mb):
        status, severity = Status.WARN, Severity.INFO
        # the earlier document first, as a reader follows the change
        (x, day_x), (y, day_y) = sorted(zip((a, b), published, strict=True), key=lambda p: p[1])
        message = (
            f"{what} is {written(x)} in {x.mention.doc_id} (published {day_x}) and "
            f"{written(y)} in {y.mention.doc_id} (published {day_y}): the figure changed "
            "between the two documents."
        )
    elif headline:
        status = Status.WARN
        message = (
            f"{what} is stated as {written(a)} in a headline (line {ma.line}) and as "
            f"{written(b)} in the text under it (line {mb.line}); if the headline sums up "
            "that sentence, one of them is wrong."
        )
    elif weak:
        status = Status.WARN
        message = (
            f"{what} is stated as {written(a)} (line {ma.line}) and {written(b)} "
            f"(line {mb.line}) in similar sentences; if they state one claim, one of them "
            "is wrong."
        )
    elif echo:
        status = Status.WARN
        message = (
            f"{what} is stated as {written(a)} ({ma.doc_id}, line {ma.line}) and "
            f"{written(b)} ({mb.doc_id}, line {mb.line}) in the same sentence of two "
            "documents (two versions of a text, or one quoting the other); check which is "
            "right."
        )
    elif across:
        status = Status.WARN
        message = (
            f"{what} is stated as {written(a)} ({ma.doc_id}, line {ma.line}) and "
            f"{written(b)} ({mb.doc_id}, line {mb.line}) "
            + (
                "in two documents about the same period"
                if span
                else "with the same change rate written beside each"
                if rated
                else "for the same date"
            )
            + "; check which is right, or whether they count different things."
        )
    else:
        status = Status.FAIL
        message = (
            f"{what} is stated as {written(a)} (line {ma.line}) and {written(b)} "
            f"(line {mb.line}) with no different as-of date to explain it."
        )
    return finding(
        RULE,
        status,
        [a, b],
        message,
        expected=str(a.interval),
        observed=str(b.interval),
        severity=severity,
        version=version,
    )
