"""Entities named in a document, and the aliases the text itself declares.

Names come from tokens: runs of proper nouns and Latin-script words, katakana brand
compounds, runs ending in an organisation suffix (グループ, 基金会, 銀行 …), and
heading lines.  Aliases come from bracketed glosses (天猫（T モール）), definitions
(（以下、アントグループ）) and spelling variants (ジャック・マー / ジャックマー).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.patterns import entity_cues as cues
from pipeline.patterns.cues import CURRENCY_SUFFIXES

if TYPE_CHECKING:  # the tagger's module is not loaded to read cached names
    from pipeline.tokenise import Tokens

_GLOSS = re.compile(r"\s?[(（]\s?([^()（）\n]{1,30}?)\s?[)）]")
_HEADING = re.compile(rf"^[{cues.HEADING_MARKS}]\s*(.+?)\s*[】]?\s*$", re.M)
_NAME_LIKE = re.compile(r"[ァ-ヶA-Za-z]")
_SPLIT_VARIANTS = re.compile(r"\s?[/／、,]\s?")
#: "X（本社：東京都…、代表取締役：…、以下「Y」）": a long bracket that ends by defining Y
_DEFINED_AS = re.compile(
    r"[(（][^()（）\n]{0,80}?以下\s?[、,]?\s?[「『]([^」』()（）\n]{1,30})[」』]\s?[)）]"
)
#: "ARR（年間経常収益）", "GDP（国内総生産）": a Latin acronym spelled out in kanji common
#: words is a term, not a name (unless the words end as an organisation's do)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_KANJI_WORDS = re.compile(r"^[\u4e00-\u9fff々]+$")
#: what a gloss must not contain to be a name: particles and punctuation, a figure
#: (a digit beside non-Latin text: 約15.5億円, 5月時点), a web address, or a label and
#: its value or a definition inside a longer bracket (本社：東京都港区、以下「当社」)
_NOT_A_NAME = re.compile(
    r"[。、をにはがでとのへやも]|^[\d\s,.%]+$|\d.*[^\x00-\x7f]|[^\x00-\x7f].*\d"
    r"|://|www\.|\.(?:com|jp|cn|org|net)\b|@|[:：]|.以下"
    # a label or a formula: "（B）", "（B－A）"
    r"|^[A-Za-z]$|^[A-Z]\s?[-－−+＋/／×]\s?[A-Z]$"
)


@dataclass(frozen=True)
class Name:
    """A name found in a document (normalised offsets) and its entity type guess."""

    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True)
class NameFindings:
    names: list[Name]
    #: pairs of names the text declares to be one entity
    same: list[tuple[str, str]]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spelling-insensitive key: ジャック・マー and ジャックマー are one name."""
    key = re.sub(r"[\s・･·]", "", unicodedata.normalize("NFKC", name)).lower()
    for form in cues.LEGAL_FORMS:
        bare = key.removeprefix(form).removesuffix(form)
        if len(bare) >= 2:
            key = bare
    for ending, same in cues.EQUIVALENT_ENDINGS.items():
        stem = key[: -len(ending)]
        if key.endswith(ending) and len(stem) >= 2:
            return stem + same
    return key


def _in_english_phrase(text: str, tokens: Tokens, i: int) -> bool:
    """A capitalised word beside a lower-case English word is part of a title or phrase."""
    neighbours = []
    if i > 0 and tokens.ends[i - 1] + 1 == tokens.starts[i]:
        neighbours.append(tokens.surface(i - 1))
    if i + 1 < len(tokens) and tokens.ends[i] + 1 == tokens.starts[i + 1]:
        neighbours.append(tokens.surface(i + 1))
    return any(w.isascii() and w.isalpha() and w.islower() for w in neighbours)


def _type_of(kinds: list[str], poses: list[str], text: str, after: str) -> str:
    if (
        kinds[-1] == "suffix"
        and text.endswith(cues.TERRITORY_SUFFIXES)
        and any("地名" in p for p in poses[:-1])
    ):
        return "LOC"  # 湖北省, 大阪府: a place, though 省 and 府 also end public bodies
    if kinds[-1] == "suffix" or (text.isascii() and text.isupper() and len(text) >= 2):
        return "ORG"
    if after.startswith(cues.PERSON_SUFFIXES) or any("人名-姓" in p for p in poses):
        return "PERSON"
    if all("地名" in p for p, k in zip(poses, kinds, strict=True) if k == "name"):
        return "LOC"
    return "PRODUCT"


#: a few capitals, the head of a formula or code when a digit follows (CO2, NOx is Latin)
_FORMULA = re.compile(r"^[A-Z]{1,3}$")

_NONE, _NAME, _KANA, _KANJI_NOUN, _SUFFIX, _DOT = range(6)
_KIND_NAMES = {_NAME: "name", _KANA: "kana", _KANJI_NOUN: "kanji", _SUFFIX: "suffix", _DOT: "dot"}


def _token_kinds(tokens: Tokens) -> np.ndarray:
    """``_token_kind`` for every token at once (Arrow kernels, no Python loop)."""
    s, p = tokens.surfaces, tokens.pos_tags
    latin = pc.and_(
        # one capital alone is a label ("（B）"), not a name
        pc.match_substring_regex(s, r"^[A-Z][A-Za-z0-9.&'+-]+$"),
        pc.invert(pc.is_in(s, value_set=pa.array(sorted(cues.NOT_ENTITY_WORDS)))),
    )
    conditions = [
        pc.is_in(s, value_set=pa.array(sorted(cues.ORG_SUFFIXES))),
        pc.is_in(s, value_set=pa.array(["・", "･"])),
        pc.or_(
            pc.and_(
                pc.starts_with(p, "名詞-固有名詞"),
                pc.invert(pc.is_in(s, value_set=pa.array(sorted(cues.NOT_ENTITY_PROPER_NOUNS)))),
            ),
            latin,
        ),
        pc.and_(pc.match_substring_regex(s, r"^[ァ-ヶー・]+$"), pc.starts_with(p, "名詞")),
        pc.and_(pc.match_substring_regex(s, r"^[一-鿿々]+$"), pc.starts_with(p, "名詞-普通名詞")),
    ]
    masks = [c.to_numpy(zero_copy_only=False) for c in conditions]
    codes = np.select(masks, [_SUFFIX, _DOT, _NAME, _KANA, _KANJI_NOUN], _NONE)
    # a kanji suffix inside a run goes on with it: 自動|車 in アオバ自動車株式会社 (but
    # not at a run's end: トヨタ製の, 日本人は)
    inner = pc.and_(
        pc.starts_with(p, "接尾辞-名詞的"), pc.match_substring_regex(s, r"^[一-鿿々]+$")
    ).to_numpy(zero_copy_only=False)
    if len(codes) > 2:
        inner[1:-1] &= (codes[:-2] != _NONE) & (codes[2:] != _NONE)
        codes[1:-1][inner[1:-1]] = _KANJI_NOUN
    return codes


def _runs(text: str, tokens: Tokens) -> list[Name]:
    """Maximal runs of name-like tokens, trimmed to what names an entity."""
    if not len(tokens):
        return []
    codes = _token_kinds(tokens)
    for i in np.flatnonzero(codes == _NAME):
        if tokens.surface(int(i)).isascii() and _in_english_phrase(text, tokens, int(i)):
            codes[i] = _NONE
    starts, ends = tokens.starts, tokens.ends
    gap = starts[1:] - ends[:-1]
    spaced = (gap == 1) & np.isin(codes[1:], [_NAME, _KANA, _SUFFIX])
    if spaced.any():
        after_prev = np.zeros(len(gap), dtype=bool)
        idx = np.flatnonzero(spaced)
        after_prev[idx] = [text[ends[i]] == " " for i in idx]
        spaced &= after_prev
    joined = (codes[1:] != _NONE) & (codes[:-1] != _NONE) & ((gap == 0) | spaced)
    present = codes != _NONE
    firsts = np.flatnonzero(present & np.concatenate(([True], ~joined)))
    lasts = np.flatnonzero(present & np.concatenate((~joined, [True])))
    # only a run holding a name or an organisation suffix can name anything
    naming = np.cumsum((codes == _NAME) | (codes == _SUFFIX))
    before = np.where(firsts > 0, naming[np.maximum(firsts - 1, 0)], 0)
    keep = naming[lasts] > before
    found: list[Name] = []
    for first, last in zip(firsts[keep].tolist(), lasts[keep].tolist(), strict=True):
        found += _trimmed(text, tokens, codes, first, last)
    return found


def _public_body(text: str, tokens: Tokens, run: list[int], kinds: list[str]) -> bool:
    """厚生労働省, 総務省統計局, 金融庁: kanji words ending in a public body's suffix name
    one, though no word in them is a proper noun (同省, 本局 only refer to one)."""
    if len(kinds) < 2 or kinds[-1] != "suffix" or set(kinds) - {"kanji", "suffix"}:
        return False
    if tokens.surface(run[-1]) not in cues.PUBLIC_BODY_SUFFIXES:
        return False
    head = text[int(tokens.starts[run[0]]) : int(tokens.starts[run[-1]])]
    return len(head) >= 2 and not head.startswith(cues.REFERRING_PREFIXES)


def _legal_form_tokens(text: str, tokens: Tokens, run: list[int]) -> int:
    """How many of a run's first tokens spell a legal form (株式|会社), 0 if none."""
    start = int(tokens.starts[run[0]]) if run else 0
    for k, i in enumerate(run[:3], start=1):
        if text[start : int(tokens.ends[i])] in cues.LEGAL_FORMS:
            return k
    return 0


def _trimmed(text: str, tokens: Tokens, codes: np.ndarray, first: int, last: int) -> list[Name]:
    """A run cut to what names an entity: katakana brand compounds stay, trailing common
    kanji nouns go (中国|中小企業), and a run must hold a name or end in a suffix."""
    run = list(range(first, last + 1))
    kinds = [_KIND_NAMES[int(codes[i])] for i in run]
    while kinds and kinds[-1] in ("kanji", "dot"):
        run.pop()
        kinds.pop()
    # a body's suffix inside a longer word (都道府|県) names no body
    if run and run[-1] == last and _public_body(text, tokens, run, kinds):
        start, end = int(tokens.starts[run[0]]), int(tokens.ends[run[-1]])
        return [Name(start, end, text[start:end], "ORG")]
    legal = _legal_form_tokens(text, tokens, run)
    if legal and set(kinds[legal:]) & {"name", "kana", "kanji"}:
        # 株式会社テックフロンティア: a legal form written first makes what follows a company
        start, end = int(tokens.starts[run[0]]), int(tokens.ends[run[-1]])
        return [Name(start, end, text[start:end], "ORG")]
    while kinds and kinds[0] in ("kanji", "suffix", "dot"):
        run.pop(0)
        kinds.pop(0)
    if not kinds or not ("name" in kinds or (kinds[-1] == "suffix" and len(kinds) > 1)):
        return []
    start, end = int(tokens.starts[run[0]]), int(tokens.ends[run[-1]])
    poses = [tokens.pos(i) for i in run]
    name = text[start:end]
    if _FORMULA.match(name) and text[end : end + 1].isdigit():
        return []  # CO2, NO2, PM2.5: a formula or a code, not a name
    if name in CURRENCY_SUFFIXES:
        return []  # 香港ドル, 豪ドル, 人民元: a currency, not who a figure is about (but
        # エクアドル and フィンランド, which end like one, are places)
    return [Name(start, end, name, _type_of(kinds, poses, name, text[end : end + 3]))]


def _name_before(text: str, end: int, ending_at: dict[int, Name]) -> Name | None:
    """The name, or the run of katakana/kanji/Latin, written right before ``end``."""
    name = ending_at.get(end)
    if name is not None:
        return name if not (name.start and text[name.start - 1].isdigit()) else None
    m = re.search(
        r"(?:[ァ-ヶー・\u4e00-\u9fff々A-Za-z][ァ-ヶー・\u4e00-\u9fff々A-Za-z0-9 .&]*)$",
        text[max(0, end - 30) : end],
    )
    if not m or _NOT_A_NAME.search(m.group()):
        return None
    words = m.group().strip()
    start = end - len(words)
    if not words or (start > 0 and text[start - 1].isdigit()):
        return None
    return Name(start, end, words, "PRODUCT")


def _is_term(before: Name, variants: list[str]) -> bool:
    return bool(_ACRONYM.match(before.text)) and all(
        _KANJI_WORDS.match(v)
        and not v.endswith(tuple(cues.ORG_SUFFIXES | cues.PUBLIC_BODY_SUFFIXES))
        for v in variants
    )


def _glosses(text: str, names: list[Name]) -> tuple[list[Name], list[tuple[str, str]], set[str]]:
    """X（Y） and X（以下、Y）: Y is another written form of X.  Also returns the
    acronyms that brackets spell out as terms (ARR（年間経常収益）): not names."""
    extra: list[Name] = []
    same: list[tuple[str, str]] = []
    terms: set[str] = set()
    ending_at: dict[int, Name] = {}
    for n in names:
        ending_at.setdefault(n.end, n)  # the first name found ending there, as before
    for m in _GLOSS.finditer(text):
        inner = m.group(1).strip()
        definition = inner.startswith(cues.DEFINITION_OPENERS)
        if definition:
            inner = inner.split("以下", 1)[1].strip("、「」『』 ")
        before = _name_before(text, m.start(), ending_at)
        if before is None:
            continue
        variants = [v.strip() for v in _SPLIT_VARIANTS.split(inner) if v.strip()]
        # one character names nothing: マグニチュード（M）, 第1号（A）
        if not variants or any(_NOT_A_NAME.search(v) or not 2 <= len(v) <= 20 for v in variants):
            continue
        if not definition and _is_term(before, variants):
            terms.add(before.text)
            continue
        # brackets after common words qualify them (完全失業率（季節調整値）); they gloss a
        # name only when the words before are a name, the bracket defines an abbreviation,
        # or one side is written in another script (天猫（T モール）)
        known = before.end in ending_at
        if not (known or definition or _NAME_LIKE.search(before.text + inner)):
            continue
        if not known:
            extra.append(before)
        offset = m.start(1)
        for variant in variants:
            at = text.find(variant, offset, m.end())
            extra.append(Name(at, at + len(variant), variant, before.type))
            same.append((before.text, variant))
    for m in _DEFINED_AS.finditer(text):
        before = ending_at.get(m.start())
        alias = m.group(1).strip()
        # a short bracket was read above already; counting it twice would weigh its form
        if (
            before is not None
            and alias
            and not _NOT_A_NAME.search(alias)
            and (before.text, alias) not in same
        ):
            extra.append(Name(m.start(1), m.start(1) + len(alias), alias, before.type))
            same.append((before.text, alias))
    return extra, same, terms


def _headings(text: str) -> list[Name]:
    found = []
    for m in _HEADING.finditer(text):
        title = re.split(r"\s?[(（、,]", m.group(1))[0].strip()
        if "】" in title:
            continue  # "【プレスリリース】アリババグループ、…": a labelled line, not a heading
        if 1 < len(title) <= cues.HEADING_MAX_CHARS and not _NOT_A_NAME.search(title):
            found.append(Name(m.start(1), m.start(1) + len(title), title, "PRODUCT"))
    return found


def _common_word(tokens: Tokens, start: int, end: int) -> bool:
    """Whether ``start:end`` is one common noun ("【ポイント】", "■概要"): a heading that
    labels a part of a document, naming no one."""
    i, j = np.searchsorted(tokens.starts, [start, end])
    return bool(
        j - i == 1 and tokens.ends[i] == end and tokens.pos(int(i)).startswith("名詞-普通名詞")
    )


def find_names(text: str, tokens: Tokens) -> NameFindings:
    """Every name in a document and the aliases it declares (normalised offsets)."""
    runs = _runs(text, tokens)
    glossed, same, terms = _glosses(text, runs)
    names = [n for n in runs if n.text not in terms]
    known = {name_key(n.text) for n in names + glossed}
    # a heading is a name when it reads like one (katakana, Latin) or is one already;
    # "▼世界各国" introduces recipients, it names no one
    headings = [
        h
        for h in _headings(text)
        if len(h.text) <= 20
        and " " not in h.text
        and (_NAME_LIKE.search(h.text) or name_key(h.text) in known)
        and not _common_word(tokens, h.start, h.end)
    ]
    # an announcer no name was found in ("ミライ食品": a katakana word and a common noun);
    # where one was ("トヨタ" of "トヨタ自動車"), that name stands
    found = names + glossed + headings
    announcers = [
        n
        for n in _announcers(text)
        if name_key(n.text) not in known
        and n.text not in cues.SELF_REFERENCES
        and not any(f.start < n.end and n.start < f.end for f in found)
    ]
    return NameFindings(names + glossed + headings + announcers, same)


#: "ミライ食品が10日発表した", "ミライ食品は7日、…を発表", "食品大手のミライ食品は10日、…
#: すると発表した": who announces is an organisation, whatever words its name is made of
#: (a katakana word and a common noun, here)
_ANNOUNCER = re.compile(
    r"(?:^|(?<=[\n。、「（(\sの]))(?P<name>[ァ-ヶーA-Za-z一-鿿々・]{2,20}?)"
    r"(?:(?:が|は)(?:[0-9０-９]{1,2}日(?:に)?[、,]?)?\s?(?:発表|公表)"
    # "ミライ食品は7日、新工場の建設を発表した", "…を建設すると発表した"
    r"|は[0-9０-９]{1,2}日[、,][^。\n]{1,60}?[をと](?:発表|公表))"
)
_KATAKANA_OR_LATIN = re.compile(r"[ァ-ヶA-Za-z]")


def _announcers(text: str) -> list[Name]:
    return [
        Name(m.start("name"), m.end("name"), m["name"], "ORG")
        for m in _ANNOUNCER.finditer(text)
        if _KATAKANA_OR_LATIN.search(m["name"])
    ]
