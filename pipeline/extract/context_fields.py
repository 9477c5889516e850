"""Fields a figure takes from the words around it: ``object`` and ``as_of``.

Both are read from tokens and dates already found; nothing here finds figures.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.extract.candidate import Candidate, Context
from pipeline.patterns import cues, entity_cues
from pipeline.patterns.check_cues import (
    DECREASE_WORDS,
    INCREASE_WORDS,
    PRICE_DECREASE_WORDS,
    PRICE_INCREASE_WORDS,
)
from pipeline.patterns.fragments import alternation
from schemas.vocab import Kind

#: a token of these parts of speech can be part of the compound noun an object names
_OBJECT_POS = ("名詞-普通名詞", "名詞-固有名詞", "接頭辞", "接尾辞-名詞的")
_SKIP_AFTER = re.compile(alternation(cues.SUFFIX_MODIFIERS))
_OBJECT_KINDS = frozenset({Kind.COUNT, Kind.QUANTITY, Kind.MONEY})
#: words next to a number that say how it was summed or bounded, never what it counts
_NOT_OBJECTS = frozenset(
    {
        "計",
        "合計",
        "累計",
        "総額",
        "総計",
        "総数",
        "全",
        "各",
        "毎",
        *cues.PREFIX_MODIFIERS,
        *cues.SUFFIX_MODIFIERS,
        # "32万人の増加", "120名増": the direction of a change, not what it counts
        *INCREASE_WORDS,
        *DECREASE_WORDS,
        # "45銭の円高": a currency's move, not what the amount counts
        *(
            currency + move
            for currency in cues.CURRENCY_SUFFIXES
            for move in PRICE_INCREASE_WORDS + PRICE_DECREASE_WORDS
        ),
    }
)


def _is_object_token(ctx: Context, i: int) -> bool:
    pos = ctx.tokens.pos(i)
    return (pos.startswith(_OBJECT_POS) and "助数詞" not in pos) or (
        pos.startswith("名詞-数詞") and ctx.tokens.surface(i).isascii() and _beside_latin(ctx, i)
    )


def _beside_latin(ctx: Context, i: int) -> bool:
    """Digits glued to a Latin letter name a thing (N95, A4); elsewhere they begin the
    next figure ("就業者1,000人" is 就業者, then 1,000人)."""
    tokens = ctx.tokens
    before = i > 0 and tokens.ends[i - 1] == tokens.starts[i] and tokens.surface(i - 1)[-1:]
    after = (
        i + 1 < len(tokens) and tokens.starts[i + 1] == tokens.ends[i] and tokens.surface(i + 1)[:1]
    )
    return any(c and c.isascii() and c.isalpha() for c in (before, after))


def _compound_from(ctx: Context, i: int | None, step: int) -> str | None:
    """Adjacent noun tokens from token i, walking forward (1) or backward (-1)."""
    tokens = ctx.tokens
    if step == 1 and i is not None and i < len(tokens) and tokens.pos(i).startswith("名詞-数詞"):
        return None  # the next figure, not what this one counts
    picked: list[int] = []
    while (
        i is not None
        and 0 <= i < len(tokens)
        and _is_object_token(ctx, i)
        and tokens.surface(i) not in _NOT_OBJECTS
    ):
        if picked and tokens.starts[max(i, picked[-1])] != tokens.ends[min(i, picked[-1])]:
            break
        picked.append(i)
        i += step
    if not picked:
        return None
    picked.sort()
    words = "".join(tokens.surface(k) for k in picked)
    if words.endswith(entity_cues.COMPARISON_ENDING):
        return None  # 前期末比120名: what the figure is compared with, not what it counts
    if words.endswith(entity_cues.PER_UNIT_ENDINGS):
        return None  # 1世帯当たり302,145円: what the figure is divided by
    # a compound that is only a number or a suffix names nothing
    return (
        words
        if any(not tokens.pos(k).startswith(("名詞-数詞", "接尾辞")) for k in picked)
        else None
    )


def object_of(cand: Candidate, ctx: Context) -> str | None:
    """What is counted or paid for, when written next to the number."""
    if cand.kind not in _OBJECT_KINDS:
        return None
    text, tokens = ctx.text, ctx.tokens
    skipped = _SKIP_AFTER.match(text, cand.end)
    after = skipped.end() if skipped else cand.end
    if text.startswith("の", after):
        return _compound_from(ctx, tokens.index_starting_at(after + 1), 1)
    if cand.kind == Kind.COUNT:
        following = _compound_from(ctx, tokens.index_starting_at(after), 1)
        if following:
            return following
    before = tokens.index_ending_at(cand.start)
    return _compound_from(ctx, before, -1)


#: "時点", "現在", also after a time of day: "5月20日午前0時時点", "3月31日 24:00現在"
_AS_OF_AFTER = re.compile(
    r"\s?(?:(?:午前|午後)?\s?[0-9０-９]{1,2}\s?(?:時\s?(?:[0-9０-９]{1,2}\s?分)?|[:：]\s?[0-9０-９]{2}))?"
    rf"\s?(?:{alternation(cues.AS_OF_MARKERS)})"
)


def as_of_dates(dates: list[Candidate], text: str) -> list[tuple[int, date]]:
    """(offset, as-of date) for every date written before 時点 or 現在."""
    marked = []
    for cand in dates:
        if cand.date_end is not None and _AS_OF_AFTER.match(text, cand.end):
            marked.append((cand.start, cand.date_end))
    return marked
