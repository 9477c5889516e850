"""share: a stated share of a whole (構成比61%, シェア30%) against the part and the whole.

Checked only where the share is written against its part ("構成比61%の61億円",
"40%を占める440億円", "61億円が構成比61%") and the sentence holds exactly one larger
amount of the same unit, the whole; or against its whole ("売上高は1兆6,000億円で、
全社売上高13兆円の12%を占める") and the sentence holds exactly one smaller amount of the
same unit, the part; or against a whole it names that an earlier sentence states
("…投票者数は60万4,083人。期日前投票は21万3,456人で、全投票者の約35％を占めた"); or in
brackets after a part written after its whole and のうち ("患者320例のうち288例（90.0％）").
A percentage merely near two amounts is not read as the share of one in the other.
"""

from __future__ import annotations

import re

from pipeline.checks.evidence import Evidence, Figure, Finding, verdict, written
from pipeline.checks.intervals import Interval, strict
from pipeline.patterns.check_cues import (
    PART_THEN_BRACKETED_SHARE,
    PART_THEN_SHARE,
    SHARE_MARKERS,
    SHARE_OF_WHOLE_AFTER,
    SHARE_THEN_PART,
    WHOLE_THEN_PART,
    WHOLE_THEN_SHARE,
)

RULE = "share"
_AMOUNTS = {"money", "count", "quantity"}
_SHARE_THEN_PART = re.compile(rf"^{SHARE_THEN_PART}$")
_PART_THEN_SHARE = re.compile(rf"^{PART_THEN_SHARE}$")
_WHOLE_THEN_SHARE = re.compile(rf"^{WHOLE_THEN_SHARE}$")
_SHARE_OF_WHOLE_AFTER = re.compile(SHARE_OF_WHOLE_AFTER)
_WHOLE_THEN_PART = re.compile(rf"^{WHOLE_THEN_PART}$")
_PART_THEN_BRACKETED_SHARE = re.compile(rf"^{PART_THEN_BRACKETED_SHARE}$")
#: "全投票者の約35％": what a share is of, named right before it
_WHOLE_NAMED = re.compile(r"(?P<whole>[\u4e00-\u9fff々ァ-ヶーA-Za-z]{2,20})の\s?(?:約|およそ)?\s?$")
#: NOTE: characters before a share in which the noun it is a share of is looked for
_WHOLE_NAME_WINDOW = 24
_WHOLE_NAMED_BEFORE_MARKER = re.compile(
    r"(?P<whole>[\u4e00-\u9fff々ァ-ヶーA-Za-z]{2,20})に占める\s?(?:割合|比率|シェア)"
    r"(?:は|が)?\s?(?:約|およそ)?\s?$"
)
#: NOTE: how far before a share (characters) a share word may stand: 構成比61%
_MARKER_WINDOW = 6
#: "…で、割合は29.3％": a share word with no whole named before it
_BARE_SHARE_WORD = re.compile(
    r"(?:^|[、，,。\s])(?:その)?(?:割合|比率|構成比|シェア)(?:は|が)?\s?(?:約|およそ)?\s?$"
)
#: "北米が1,950億円（同23.1%）" after "日本が2,890億円（構成比34.2%）": 同 repeats the
#: share word of a list's earlier bracket
_PART_THEN_SAME = re.compile(r"^\s?[(（]\s?同\s?$")
_COMPOSITION_BRACKET = re.compile(r"[(（]\s?(?:構成比|シェア)")
#: NOTE: sentences after a share of a named whole in which a bare share word
#: ("割合は29.3％") is read as a share of that same whole
CARRIED_WHOLE_SENTENCES = 3


def _part_of(ev: Evidence, share: Figure, amounts: list[Figure]) -> Figure | None:
    """The amount the share is written against, if the text links the two."""
    text = ev.texts[share.mention.doc_id]
    s = share.mention
    for f in amounts:
        m = f.mention
        if m.start >= s.end and _SHARE_THEN_PART.match(text[s.end : m.start]):
            before = text[max(0, s.start - _MARKER_WINDOW) : s.start]
            after = text[s.end : m.start]
            if any(w in before or w in after for w in SHARE_MARKERS):
                return f
        if m.end <= s.start and _PART_THEN_SHARE.match(text[m.end : s.start]):
            return f
        if (
            m.end <= s.start
            and _PART_THEN_SAME.match(text[m.end : s.start])
            and not ev.is_change(s)
            and _COMPOSITION_BRACKET.search(text, ev.sentence_span(s)[0], m.start)
        ):
            return f
    return None


def _whole_of(ev: Evidence, share: Figure, amounts: list[Figure]) -> Figure | None:
    """The amount a share is written as a share of: "13兆円の12%を占める"."""
    text = ev.texts[share.mention.doc_id]
    s = share.mention
    if not _SHARE_OF_WHOLE_AFTER.match(text, s.end):
        return None
    before = [f for f in amounts if f.mention.end <= s.start]
    if before and _WHOLE_THEN_SHARE.match(text[before[-1].mention.end : s.start]):
        return before[-1]
    return None


def _the_other(amounts: list[Figure], known: Figure, *, larger: bool) -> Figure | None:
    """The one amount of the sentence in the known one's unit that is larger (the whole
    of a part) or smaller (the part of a whole); None unless there is exactly one."""
    sign = 1 if larger else -1
    others = [
        f
        for f in amounts
        if f is not known
        and f.mention.unit == known.mention.unit
        and sign * ((f.mention.value or 0) - (known.mention.value or 0)) > 0
    ]
    return others[0] if len(others) == 1 else None


def check_shares(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        by_sentence: dict[tuple[int, int], list[Figure]] = {}
        for f in figures:
            by_sentence.setdefault(ev.sentence_span(f.mention), []).append(f)
        #: the whole the latest share of a named whole was of, and its sentence's number
        named: tuple[Figure, int] | None = None
        for n, group in enumerate(by_sentence.values()):
            amounts = [f for f in group if f.mention.kind in _AMOUNTS and f.mention.value]
            shares = [f for f in group if f.mention.kind == "percent" and f.mention.unit == "%"]
            # "日本が3,000億円（構成比30%）、北米が5,000億円（構成比50%）": parts listed
            # together, none the whole of another
            part_of = {id(sh): _part_of(ev, sh, amounts) for sh in shares}
            parts = {id(p) for p in part_of.values() if p is not None}
            #: the whole of the list's first share, for the shares listed after it
            list_whole: Figure | None = None
            for share in shares:
                part = part_of[id(share)]
                whole = None if part is not None else _whole_of(ev, share, amounts)
                if part is not None:
                    whole = _the_other(
                        [
                            f
                            for f in amounts
                            if id(f) not in parts and f.mention.end <= part.mention.start
                        ],
                        part,
                        larger=True,
                    )
                    if whole is None:
                        whole = _whole_measured_before(ev, part, figures) or list_whole
                        if whole is not None and whole.mention.value > part.mention.value:
                            list_whole = whole
                            found.append(_verdict(ev, share, part, whole, version=3))
                        continue
                elif whole is not None:
                    part = _the_other(amounts, whole, larger=False)
                if part is None and whole is None:
                    part, whole = _part_of_whole_before(ev, share, amounts)
                if part is None and whole is None:
                    part, whole = _part_and_named_whole(ev, share, amounts, figures)
                    named = (whole, n) if whole is not None else named
                if part is None and whole is None and named is not None:
                    if n - named[1] <= CARRIED_WHOLE_SENTENCES:
                        part, whole = _part_of_carried_whole(ev, share, amounts, named[0])
                        if part is not None and whole is not None:
                            found.append(_verdict(ev, share, part, whole, version=2))
                        continue
                if part is not None and whole is not None:
                    found.append(_verdict(ev, share, part, whole))
    return found


def _whole_measured_before(ev: Evidence, part: Figure, figures: list[Figure]) -> Figure | None:
    """ "売上高は845億円。…クラウド事業の売上高が512億円（構成比60.6%）": a part whose
    sentence holds no whole is a share of the latest earlier figure, in an earlier sentence
    of its section, of its unit, larger, whose measure is what the part's measure ends
    with: a segment's 売上高 of the 売上高."""
    p = part.mention
    measure = p.measure or ""
    sentence_start = ev.sentence_span(p)[0]
    wholes = [
        f
        for f in figures
        if f.mention.end <= sentence_start
        and (f.mention.kind, f.mention.unit) == (p.kind, p.unit)
        and (f.mention.value or 0) > (p.value or 0)
        and f.mention.measure
        and len(f.mention.measure) < len(measure)
        and measure.endswith(f.mention.measure)
        and not ev.is_change(f.mention)
        and ev.section_of(f.mention) == ev.section_of(p)
    ]
    return wholes[-1] if wholes else None


def _part_of_carried_whole(
    ev: Evidence, share: Figure, amounts: list[Figure], whole: Figure
) -> tuple[Figure | None, Figure | None]:
    """ "15歳未満人口は1,383万人で、総人口に占める割合は11.2％。65歳以上人口は3,625万人
    で、割合は29.3％": a bare share word (割合は, 構成比は) a few sentences after a share
    of a named whole is a share of that whole, under the same heading; the part is the
    sentence's one level of the whole's unit, smaller than the whole."""
    s = share.mention
    text = ev.texts[s.doc_id]
    if not _BARE_SHARE_WORD.search(text, max(0, s.start - _WHOLE_NAME_WINDOW), s.start):
        return None, None
    w = whole.mention
    levels = [
        f
        for f in amounts
        if not ev.is_change(f.mention)
        and (f.mention.kind, f.mention.unit) == (w.kind, w.unit)
        and f.mention.end <= s.start
    ]
    if (
        len(levels) != 1
        or (levels[0].mention.value or 0) >= (w.value or 0)
        or ev.section_of(s) != ev.section_of(w)
    ):
        return None, None
    return levels[0], whole


def _part_of_whole_before(
    ev: Evidence, share: Figure, amounts: list[Figure]
) -> tuple[Figure | None, Figure | None]:
    """ "患者320例のうち288例（90.0％）": the share in brackets right after its part, the
    part right after "のうち" and the whole before it, all of one kind and unit."""
    text = ev.texts[share.mention.doc_id]
    s = share.mention
    before = [f for f in amounts if f.mention.end <= s.start]
    if len(before) < 2:
        return None, None
    whole, part = before[-2], before[-1]
    if (
        (whole.mention.kind, whole.mention.unit) != (part.mention.kind, part.mention.unit)
        or not _PART_THEN_BRACKETED_SHARE.match(text[part.mention.end : s.start])
        or not _WHOLE_THEN_PART.match(text[whole.mention.end : part.mention.start])
    ):
        return None, None
    return part, whole


def _part_and_named_whole(
    ev: Evidence, share: Figure, amounts: list[Figure], figures: list[Figure]
) -> tuple[Figure | None, Figure | None]:
    """ "期日前投票は21万3,456人で、全投票者の約35％を占めた": the sentence's one amount (or
    the one right before the share) is the part; the whole is the latest earlier figure
    of its unit, in an earlier sentence, whose measure names what the share is of
    (投票者数 for 全投票者; 総人口 itself before 日本人人口 for "総人口に占める割合")."""
    s = share.mention
    text = ev.texts[s.doc_id]
    window = max(0, s.start - _WHOLE_NAME_WINDOW)
    named = _WHOLE_NAMED.search(text, window, s.start)
    if named is None or not _SHARE_OF_WHOLE_AFTER.match(text, s.end):
        # "1,380万人で総人口に占める割合は11.2%": the whole named before the share word
        named = _WHOLE_NAMED_BEFORE_MARKER.search(text, window, s.start)
    # the sentence's one amount, or of several the one right before the share; a
    # change is no part ("1,366万人で、前年同月に比べ35万人減少し、…割合は11.1％")
    levels = [f for f in amounts if not ev.is_change(f.mention)]
    before = [f for f in levels if f.mention.end <= s.start]
    part = levels[0] if len(levels) == 1 else before[-1] if before else None
    if named is None or part is None:
        return None, None
    whole_name = named.group("whole")
    noun = whole_name.lstrip("全総")
    if len(noun) < 2:
        return None, None
    sentence_start = ev.sentence_span(s)[0]
    earlier = [
        f
        for f in figures
        if f.mention.end <= sentence_start
        and (f.mention.kind, f.mention.unit) == (part.mention.kind, part.mention.unit)
        and (f.mention.value or 0) > (part.mention.value or 0)
        and noun in (f.mention.measure or "")
    ]
    # 総人口 is the figure measuring 総人口 (or "6月1日現在の総人口"), not the later 日本人人口;
    # 売上高 the one measuring 売上高 itself, not a segment's (クラウド事業の売上高)
    named_so = [f for f in earlier if (f.mention.measure or "") == whole_name]
    ending = [f for f in earlier if (f.mention.measure or "").endswith(whole_name)]
    return (part, (named_so or ending or earlier)[-1]) if earlier else (None, None)


def _verdict(ev: Evidence, share: Figure, part: Figure, whole: Figure, version: int = 1) -> Finding:
    # NOTE: a ratio of two loosely read figures says nothing; every written digit counts
    p, w = strict(part, ev.approx_tolerance), strict(whole, ev.approx_tolerance)
    ratio = Interval(p.low / w.high * 100, p.high / w.low * 100)
    ok = ratio.meets(share.interval)
    message = (
        f"{written(part)} of {written(whole)} is {ratio} % (every written digit "
        f"significant); the stated share {written(share)} "
        f"{'agrees' if ok else 'does not agree'}."
    )
    return verdict(
        RULE,
        ok,
        [share, part, whole],
        message,
        expected=f"{ratio} %",
        observed=f"{share.interval} %",
        version=version,
    )
