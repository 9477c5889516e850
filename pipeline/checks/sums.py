"""sum: a stated total equals the sum of its stated parts.

A total is an amount written after 合計, 累計, 総額, 計 …, or any amount or percentage
written right before a breakdown word ("比率は62.5%で、うち北米が28.0%…"); its parts are
the figures of the same kind and unit written after the breakdown word (内訳, うち,
そのうち …) in the same or the next sentences.  Converted amounts in brackets are not
parts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import reduce
from itertools import pairwise

from pipeline.checks.evidence import (
    Evidence,
    Figure,
    Finding,
    amount,
    finding,
    verdict,
    written,
)
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import (
    BREAKDOWN_MARKERS,
    CHANGE_DIRECTIONS,
    CHANGE_FROM,
    COUNTED_TOTAL,
    EXHAUSTIVE_BREAKDOWN_MARKERS,
    GROUPED_BREAKDOWN,
    IMPLICIT_PARTS_MAX,
    KANJI_COUNTS,
    LIST_ITEM_MARKS,
    OTHER_PART_LABELS,
    SLIP_MIN_DIGITS,
    SUM_WINDOW_SENTENCES,
    TOTAL_THEN_BREAKDOWN,
)
from schemas.vocab import Status

RULE = "sum"
_SUMMABLE = {"money", "count", "quantity"}
#: shares add up too, when a breakdown word says which are parts of which
_SUMMABLE_MARKED = _SUMMABLE | {"percent"}
#: "地域別売上収益の内訳は、": a breakdown that names what its total measures
_NAMED_BREAKDOWN = re.compile(
    rf"(?P<what>[\u4e00-\u9fff々ァ-ヶーA-Za-z]{{2,20}})の(?:{'|'.join(EXHAUSTIVE_BREAKDOWN_MARKERS)})"
)
#: a sentence opening with 内訳: "内訳は、", "その内訳は"
_OPENING_BREAKDOWN = re.compile(
    rf"(?:その|この)?(?:{'|'.join(EXHAUSTIVE_BREAKDOWN_MARKERS)})\s?(?:は|:|：)"
)
_CHANGE_AFTER = re.compile(
    rf"\s?[)）]?\s?(?:{'|'.join(CHANGE_FROM)}|の?\s?(?:{'|'.join(CHANGE_DIRECTIONS)}))"
)
#: what joins two listed parts: "全壊120棟、半壊450棟", "国内80件と海外20件"
_LIST_JOINER = re.compile(r"[、，,・]|と|や|及び|および")
#: a topic or subject particle between two figures: "売上高は100億円、利益は10億円"
_TOPIC = re.compile(r"[はが]")
#: NOTE: characters between two listed parts (a label such as 一部損壊 and a comma)
LISTED_GAP = 12
_COUNTED_TOTAL = re.compile(COUNTED_TOTAL)
_GROUPED_BREAKDOWN = re.compile(GROUPED_BREAKDOWN)
_BREAKDOWN_NEXT = re.compile(
    rf"{TOTAL_THEN_BREAKDOWN}(?:{'|'.join(map(re.escape, BREAKDOWN_MARKERS))})"
)


def _is_total(ev: Evidence, figures: list[Figure], i: int) -> bool:
    """Written after 合計/累計/計 …, or in brackets right after such a total (its conversion)."""
    m = figures[i].mention
    text = ev.texts[m.doc_id]
    if ev.total_word_before(m):
        return True
    if _BREAKDOWN_NEXT.match(text, m.end):
        return True
    return (
        i > 0 and ev.is_bracketed_after(figures[i - 1].mention, m) and _is_total(ev, figures, i - 1)
    )


def _sentence_ends(ev: Evidence, f: Figure, start: int) -> list[int]:
    """Ends of the sentence holding ``start`` and of the next few, in order."""
    ends = ev.sentence_ends(f.mention.doc_id)
    first = bisect_right(ends, start)
    return ends[first : first + SUM_WINDOW_SENTENCES + 1]


def _following(figures: list[Figure], i: int, end: int) -> list[Figure]:
    """The figures after figure ``i`` that end by ``end`` (figures are in text order)."""
    found = []
    for f in figures[i + 1 :]:
        if f.mention.start >= end:
            break
        if f.mention.end <= end:
            found.append(f)
    return found


def _candidate_parts(
    ev: Evidence, figures: list[Figure], i: int
) -> tuple[list[list[Figure]], bool]:
    """Parts after the breakdown word: first its sentence, then one more sentence each
    time; and whether the word promises all the parts (内訳) or some (うち)."""
    total = figures[i]
    text = ev.texts[total.mention.doc_id]
    reach = _sentence_ends(ev, total, total.mention.start)
    marks = [
        (p, w)
        for w in BREAKDOWN_MARKERS
        if (p := text.find(w, total.mention.end, reach[-1] if reach else len(text))) >= 0
    ]
    if not marks:
        return [], False
    start, word = min(marks)
    exhaustive = word in EXHAUSTIVE_BREAKDOWN_MARKERS
    window = _sentence_ends(ev, total, start)
    same = [
        f
        for f in _following(figures, i, window[-1] if window else len(text))
        if f.mention.kind == total.mention.kind and f.mention.unit == total.mention.unit
    ]
    if any(f.mention.start < start for f in same):
        # "総額39兆円…財政支出は21.9兆円で、このうち…": the breakdown is of the nearer amount
        return [], exhaustive
    same = [f for f in same if f.mention.start >= start]
    options = [[f for f in same if f.mention.end <= end] for end in window]
    return options, exhaustive


def _parts_before(ev: Evidence, figures: list[Figure], i: int) -> list[list[Figure]]:
    """ "全壊120棟、半壊450棟、一部損壊3,200棟の計3,770棟": the figures of the total's unit
    listed right before "の計" in its sentence, each a short label away from the next."""
    total = figures[i].mention
    text = ev.texts[total.doc_id]
    if not ev.total_word_before(total):
        return []
    what = (total.kind, total.unit)
    sentence_start = ev.sentence_span(total)[0]
    parts = _listed_before(text, figures, i, what, total.start, sentence_start)
    # the first figure of the total's sentence: figures are in text order
    first = bisect_left(figures, sentence_start, hi=i, key=_start)
    opens = all((f.mention.kind, f.mention.unit) != what for f in figures[first:i])
    if not parts and first > 0 and opens:
        # "…に42億円、…に28億円、…に12億円を計上。3つの重点施策の合計は82億円": the total
        # opens its sentence, the parts are the list that ends the sentence before
        last = figures[first - 1].mention
        parts = _listed_before(text, figures, first, what, last.end, ev.sentence_span(last)[0])
        # "売上高は100億円、利益は10億円。": figures each with a topic are claims of their
        # own, not items of a list
        if any(_TOPIC.search(text[a.mention.end : b.mention.start]) for a, b in pairwise(parts)):
            parts = []
    return [parts] if len(parts) >= 2 else []


def _count(written_count: str) -> int | None:
    """2 from "2", "２" or "二"; 12 from "十二"."""
    digits = unicodedata.normalize("NFKC", written_count)
    if digits.isdigit():
        return int(digits)
    if written_count in KANJI_COUNTS:
        return KANJI_COUNTS[written_count]
    if written_count[0] == "十" and written_count[1:] in KANJI_COUNTS:
        return 10 + KANJI_COUNTS[written_count[1:]]
    return None


def _bracketed(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` stands inside brackets opened after ``start``."""
    before = text[start:offset]
    return sum(before.count(c) for c in "(（") > sum(before.count(c) for c in ")）")


def _counted_parts(ev: Evidence, figures: list[Figure], i: int) -> list[Figure]:
    """ "韓国が84万人（前年同月比23%増）、中国が72万人、台湾が55万人、米国が28万人。上位4市場の
    合計は239万人": a total that says how many parts it adds, against exactly that many
    figures of its unit before it in its sentence, or else in the sentence before; figures
    in brackets (a rate, a conversion) and changes are not parts (``sum.v5``)."""
    total = figures[i].mention
    text = ev.texts[total.doc_id]
    start = ev.sentence_span(total)[0]
    counted = _COUNTED_TOTAL.search(text, start, total.start)
    n = _count(counted.group("n")) if counted else None
    if n is None or n < 2:
        return []
    what = (total.kind, total.unit)

    def listed(lo: int, hi: int, sentence_start: int) -> list[Figure]:
        return [
            f
            for f in figures[bisect_left(figures, lo, key=_start) : i]
            if f.mention.end <= hi
            and (f.mention.kind, f.mention.unit) == what
            and not _bracketed(text, sentence_start, f.mention.start)
            and not ev.is_change(f.mention)
        ]

    parts = listed(start, counted.start(), start)
    first = bisect_left(figures, start, key=_start)
    if not parts and first > 0:
        before = ev.sentence_span(figures[first - 1].mention)
        parts = listed(before[0], before[1], before[0]) if before[1] <= start else []
    if len(parts) != n and (block := _list_above(text, start)) is not None:
        # "・A店：売場面積1,200平方メートル…" item by item, then "3店舗の…合計3,530平方メートル"
        parts = listed(block[0], block[1], block[0])
    return parts if len(parts) == n and all(p.mention.bound == "eq" for p in parts) else []


def _list_above(text: str, start: int) -> tuple[int, int] | None:
    """Where the list whose lines (・…, - …) stand right above ``start`` runs, past blank
    lines; None when the line above is no item of a list."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    lo = end
    while lo > 0:
        line_start = text.rfind("\n", 0, lo - 1) + 1
        line = text[line_start:lo].strip()
        # a list's line opens with its mark (not with markdown's **bold**)
        if line and (not line.startswith(tuple(LIST_ITEM_MARKS)) or line.startswith("**")):
            break
        lo = line_start
    return (lo, end) if lo < end else None


def _start(f: Figure) -> int:
    return f.mention.start


def _listed_before(
    text: str, figures: list[Figure], stop: int, what: tuple, end: int, sentence_start: int
) -> list[Figure]:
    """The last figures before ``figures[stop]`` of kind and unit ``what``, listed right
    before offset ``end`` in the sentence starting at ``sentence_start``, each a short
    label away from the next."""
    parts: list[Figure] = []
    for k in range(stop - 1, -1, -1):
        m = figures[k].mention
        if m.start < sentence_start or (m.kind, m.unit) != what:
            break
        gap = text[m.end : end]
        if len(gap) > LISTED_GAP or "。" in gap or (parts and not _LIST_JOINER.search(gap)):
            break
        parts.append(figures[k])
        end = m.start
    return parts[::-1]


def _implicit(ev: Evidence, figures: list[Figure], i: int) -> list[Figure] | None:
    """The figures listed right after an unmarked figure, if they add up to it exactly."""
    head = figures[i]
    ends = _sentence_ends(ev, head, head.mention.start)
    same = [
        f
        for f in _following(figures, i, ends[1] if len(ends) > 1 else ends[0] if ends else 0)
        if f.mention.kind == head.mention.kind
        and f.mention.unit == head.mention.unit
        and f.mention.bound == "eq"
        and not f.mention.approx
    ]
    for n in range(2, min(IMPLICIT_PARTS_MAX, len(same)) + 1):
        parts = same[:n]
        if sum(p.mention.value for p in parts) == head.mention.value:
            text = ev.texts[head.mention.doc_id]
            # "3億9,800万人から1,400万人増加": a start and a change, not a breakdown; nor
            # a margin ("…9万8,765票で、2万4,691票差")
            if any(
                _CHANGE_AFTER.match(text, p.mention.end) or ev.is_margin(p.mention) for p in parts
            ):
                return None
            return parts
    return None


def _implicit_sums(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    found = []
    for i, head in enumerate(figures):
        if (
            head.mention.kind not in _SUMMABLE
            or head.mention.bound != "eq"
            or _is_total(ev, figures, i)
        ):
            continue
        parts = _implicit(ev, figures, i)
        if parts:
            summed = reduce(lambda a, b: a + b, (p.interval for p in parts))
            expression = " + ".join(written(p) for p in parts)
            found.append(
                finding(
                    RULE,
                    Status.PASS,
                    [head, *parts],
                    f"{written(head)} equals the figures listed after it: {expression} "
                    "(no total word, read as a breakdown).",
                    expected=str(head.interval),
                    observed=str(summed),
                )
            )
    return found


def _loose_note(ok: bool, total: Figure, parts: list[Figure], tol: float) -> str:
    """Say so when the figures agree only because trailing zeros were read as not
    significant (80 + 50 against 120): the reader may want the exact reading."""
    if not ok or not (total.interval.ambiguous or any(p.interval.ambiguous for p in parts)):
        return ""
    if strict(total, tol).meets(reduce(lambda a, b: a + b, (strict(p, tol) for p in parts))):
        return ""
    exact_sum = sum(p.mention.value or 0 for p in parts)
    return (
        f"; only when trailing zeros are read as not significant: as written they add up to "
        f"{amount(exact_sum)}"
    )


def _marked_sums(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    found = []
    for i, total in enumerate(figures):
        if total.mention.kind not in _SUMMABLE_MARKED or not _is_total(ev, figures, i):
            continue
        candidates, exhaustive = _candidate_parts(ev, figures, i)
        if not candidates:
            candidates, exhaustive = _parts_before(ev, figures, i), True
        options, version = [parts for parts in candidates if len(parts) >= 2], 1
        if not options and (counted := _counted_parts(ev, figures, i)):
            options, exhaustive, version = [counted], True, 5
        if not options:
            continue
        checked = _sum_finding(ev, total, options, exhaustive, version)
        if checked is not None:
            found.append(checked)
    return found


def _sum_finding(
    ev: Evidence, total: Figure, options: list[list[Figure]], exhaustive: bool, version: int = 1
) -> Finding | None:
    """The total against the first set of parts that adds up to it, else the first set;
    None when only some parts are named (うち) and they fall short, which proves nothing."""
    sums = [reduce(lambda a, b: a + b, (p.interval for p in parts)) for parts in options]
    agreeing = [k for k, s in enumerate(sums) if s.meets(total.interval)]
    k = agreeing[0] if agreeing else 0
    parts, summed, ok = options[k], sums[k], bool(agreeing)
    expression = " + ".join(written(p) for p in parts)
    unit = total.mention.unit or ""
    if not ok and not exhaustive and summed.high <= total.interval.low:
        if not _one_digit_off(total, summed):
            return None
        return finding(
            RULE,
            Status.WARN,
            [total, *parts],
            f"The parts {expression} ({summed} {unit}) fall short of the total "
            f"{written(total)} ({total.interval} {unit}) by one of its digits: the text "
            "may name only some parts, but a total one digit away from their sum is "
            "likely mistyped.",
            expected=f"{total.interval} {unit}",
            observed=f"{summed} {unit}",
            version=7,
        )
    note = _loose_note(ok, total, parts, ev.approx_tolerance)
    message = (
        f"The total {written(total)} {'equals' if ok else 'does not equal'} the sum of "
        f"its parts {expression} ({summed} vs {total.interval} {unit}){note}."
    )
    return verdict(
        RULE,
        ok,
        [total, *parts],
        message,
        expected=f"{total.interval} {unit}",
        observed=f"{summed} {unit}",
        version=version,
    )


def _one_digit_off(total: Figure, summed: Interval) -> bool:
    """Whether the parts add up to the total with one of its written digits changed
    ("累計52.48億円で、このうち…31.20億円、…11.28億円", which add up to 42.48), the total
    having enough significant digits for that not to be chance."""
    m = total.mention
    if not m.value or m.value < 0 or not m.precision:
        return False
    digits = str(round(m.value / m.precision))
    if len(digits.rstrip("0")) < SLIP_MIN_DIGITS:
        return False
    half = m.precision / 2
    for i, written_digit in enumerate(digits):
        for other in "0123456789":
            if other == written_digit or (i == 0 and other == "0"):
                continue
            changed = int(digits[:i] + other + digits[i + 1 :]) * m.precision
            if Interval(changed - half, changed + half).meets(summed):
                return True
    return False


def _measure_word(f: Figure) -> str:
    """The last noun of what a figure measures: 売上収益 of 当第3四半期累計期間の売上収益."""
    return (f.mention.measure or "").rsplit("の", 1)[-1]


def _named_breakdowns(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """ "地域別売上収益の内訳は、日本9,876億円、北米…": the parts in the 内訳 sentence
    against the latest earlier figure of their unit, in the same section, whose measure
    the breakdown names (売上収益は2兆3,456億円).  A total marked by a word is left to
    ``_marked_sums``."""
    found = []
    if not figures:
        return found
    doc_id = figures[0].mention.doc_id
    text = ev.texts[doc_id]
    for mark in _NAMED_BREAKDOWN.finditer(text):
        what = mark.group("what")
        end = next((e for e in ev.sentence_ends(doc_id) if e > mark.end()), len(text))
        lo, hi = bisect_left(figures, mark.end(), key=_start), bisect_left(figures, end, key=_start)
        after = [f for f in figures[lo:hi] if f.mention.end <= end]
        if len(after) < 2:
            continue
        kind, unit = after[0].mention.kind, after[0].mention.unit
        parts = [f for f in after if (f.mention.kind, f.mention.unit) == (kind, unit)]
        if kind not in _SUMMABLE or len(parts) < 2 or any(p.mention.bound != "eq" for p in parts):
            continue
        section = ev.section_of(parts[0].mention)
        earlier = [
            (i, f)
            for i, f in enumerate(figures[: bisect_left(figures, mark.start(), key=_start)])
            if f.mention.end <= mark.start()
            and (f.mention.kind, f.mention.unit) == (kind, unit)
            and len(word := _measure_word(f)) >= 2
            and what.endswith(word)
            and ev.section_of(f.mention) == section
        ]
        if not earlier or _is_total(ev, figures, earlier[-1][0]):
            continue
        checked = _sum_finding(ev, earlier[-1][1], [parts], exhaustive=True, version=3)
        if checked is not None:
            found.append(checked)
    return found


def _marked_sentences(
    ev: Evidence, figures: list[Figure], marks: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], int, str, list[tuple[int, int]]]]:
    """Each mark (a breakdown word) in the document of ``figures``, with the index of its
    sentence, the text and the sentence spans."""
    if not figures:
        return
    doc_id = figures[0].mention.doc_id
    text, spans = ev.texts[doc_id], ev.sentences.get(doc_id) or []
    starts = [a for a, _ in spans]
    for mark in marks.finditer(text):
        k = bisect_right(starts, mark.start()) - 1
        if k >= 0:
            yield mark, k, text, spans


def _grouped_breakdowns(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """ "セグメント別では、産業機器事業の売上高が1,890億円、家電事業が1,120億円、その他が
    446億円でした": the figures after a "X別では" that opens a sentence, against the latest
    earlier figure of their unit, in the same section, that measures what the first of them
    does (売上高は3,456億円); only named parts when no その他 closes the list, so parts
    that fall short prove nothing (``sum.v6``)."""
    found: list[Finding] = []
    for mark, k, text, spans in _marked_sentences(ev, figures, _GROUPED_BREAKDOWN):
        start, end = spans[k]
        if text[start : mark.start()].strip():
            continue  # not the opening of its sentence
        lo, hi = bisect_left(figures, mark.end(), key=_start), bisect_left(figures, end, key=_start)
        after = [f for f in figures[lo:hi] if f.mention.end <= end]
        if len(after) < 2:
            continue
        what = (after[0].mention.kind, after[0].mention.unit)
        parts = [f for f in after if (f.mention.kind, f.mention.unit) == what]
        word = _measure_word(after[0]) if "の" in (after[0].mention.measure or "") else ""
        if (
            what[0] not in _SUMMABLE
            or len(parts) < 2
            or len(word) < 2
            or any(p.mention.bound != "eq" for p in parts)
        ):
            continue
        section = ev.section_of(parts[0].mention)
        earlier = [
            (i, f)
            for i, f in enumerate(figures[:lo])
            if f.mention.end <= mark.start()
            and (f.mention.kind, f.mention.unit) == what
            and _measure_word(f) == word
            and ev.section_of(f.mention) == section
            and not ev.names_earlier_period(f.mention)
        ]
        if not earlier or _is_total(ev, figures, earlier[-1][0]):
            continue
        listed = text[parts[0].mention.start : parts[-1].mention.end]
        exhaustive = any(w in listed for w in OTHER_PART_LABELS)
        checked = _sum_finding(ev, earlier[-1][1], [parts], exhaustive, version=6)
        if checked is not None:
            found.append(checked)
    return found


def _opening_breakdowns(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """ "…実施している人は32.5%で、前回の35.8%から3.3ポイント低下。内訳は、…12.1%、…11.4%、
    …9.0%でした。": a sentence that opens with 内訳 lists the parts of the one level of
    their unit in the sentence before (starts and changes of a change are no levels)."""
    found: list[Finding] = []
    for mark, k, text, spans in _marked_sentences(ev, figures, _OPENING_BREAKDOWN):
        if k < 1 or text[spans[k][0] : mark.start()].strip():
            continue
        (start, end), (before_start, _) = spans[k], spans[k - 1]
        lo, hi = bisect_left(figures, mark.end(), key=_start), bisect_left(figures, end, key=_start)
        after = [f for f in figures[lo:hi] if f.mention.end <= end]
        if len(after) < 2:
            continue
        # the unit most of the listed figures have ("「週3日以上」が12.1%" lists a share)
        units = Counter((f.mention.kind, f.mention.unit) for f in after)
        what = max(units, key=units.__getitem__)
        parts = [f for f in after if (f.mention.kind, f.mention.unit) == what]
        if (
            what[0] not in _SUMMABLE_MARKED
            or len(parts) < 2
            or any(p.mention.bound != "eq" for p in parts)
        ):
            continue
        first = bisect_left(figures, before_start, key=_start)
        levels = [
            (i, f)
            for i, f in enumerate(
                figures[first : bisect_left(figures, start, key=_start)], start=first
            )
            if (f.mention.kind, f.mention.unit) == what
            and f.mention.bound == "eq"
            and not _CHANGE_AFTER.match(text, f.mention.end)
        ]
        if len(levels) != 1 or _is_total(ev, figures, levels[0][0]):
            continue
        checked = _sum_finding(ev, levels[0][1], [parts], exhaustive=True, version=4)
        if checked is not None:
            found.append(checked)
    return found


#: "回答者の内訳は、男性が52.3%、女性が46.1%、その他が1.6%": a breakdown into shares
_BREAKDOWN_WORD = re.compile(rf"(?:{'|'.join(EXHAUSTIVE_BREAKDOWN_MARKERS)})\s?(?:は|:|：)")


def _shares_of_a_whole(ev: Evidence, figures: list[Figure], taken: set[str]) -> list[Finding]:
    """A breakdown (内訳) into percentages with no level of them before it, in its
    sentence or the one before: the shares of one whole, which add up to 100% (within
    the rounding of each).  A difference is a warning: the whole may be a share written
    further back.  ``taken``: figures another sum already reads."""
    found: list[Finding] = []
    for mark, k, _, spans in _marked_sentences(ev, figures, _BREAKDOWN_WORD):
        end = spans[k][1]
        since = spans[k - 1][0] if k >= 1 else spans[k][0]
        lo, hi = bisect_left(figures, since, key=_start), bisect_left(figures, end, key=_start)
        shares = [f for f in figures[lo:hi] if f.mention.kind == "percent"]
        parts = [f for f in shares if f.mention.start >= mark.end() and f.mention.end <= end]
        if (
            len(parts) < 2
            or len(parts) < len([f for f in shares if f.mention.start >= mark.end()])
            or any(p.mention.unit != "%" or p.mention.bound != "eq" for p in parts)
            or any(f.mention.start < mark.start() for f in shares)
            or any(p.id in taken for p in parts)
        ):
            continue
        summed = reduce(lambda a, b: a + b, (p.interval for p in parts))
        ok = summed.meets(Interval(100.0, 100.0))
        expression = " + ".join(written(p) for p in parts)
        found.append(
            finding(
                RULE,
                Status.PASS if ok else Status.WARN,
                parts,
                f"The shares {expression} of a breakdown (内訳) add up to {summed} %: "
                + (
                    "the whole, 100%."
                    if ok
                    else "not 100%; one of them is wrong, unless they break down a share "
                    "written further back."
                ),
                expected="[100, 100] %",
                observed=f"{summed} %",
                version=8,
            )
        )
    return found


def check_sums(ev: Evidence) -> list[Finding]:
    """Totals marked by a word (or saying how many parts they add: ``sum.v5``), unmarked
    figures that equal what follows them, and breakdowns that name their total's measure
    (``sum.v3``), open the sentence after it (``sum.v4``) or list it by group (``sum.v6``)."""
    found = []
    for figures in ev.figures.values():
        checked = _marked_sums(ev, figures) + _implicit_sums(ev, figures)
        checked += _named_breakdowns(ev, figures) + _grouped_breakdowns(ev, figures)
        totals = {f.figures[0].id for f in checked}
        checked += [f for f in _opening_breakdowns(ev, figures) if f.figures[0].id not in totals]
        taken = {x.id for f in checked for x in f.figures}
        found += checked + _shares_of_a_whole(ev, figures, taken)
    return found
