"""Stage 3, tokenise: fugashi + unidic-lite over the normalised copy, and sentences.

Needs: ``NormalisedText``.  Produces: ``Tokens`` (columnar, normalised offsets) and
sentence spans.  Text is fed paragraph by paragraph and long paragraphs in chunks,
because MeCab crashes the whole process on one string of a few million characters.

Speed: MeCab's own text output (``Tagger.parse``) is split by Arrow kernels, so no
Python object is made per token; offsets follow from the surfaces' lengths because
MeCab drops only spaces, tabs and vertical tabs.  When the lengths do not add up
(e.g. a NUL byte, which ends MeCab's input), the document is tokenised node by node.
The tagger is created by the caller and passed in: it cannot be pickled or shared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import fugashi
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.patterns import cues, entity_cues

#: NOTE: 20,000 characters keeps MeCab's lattice small; real paragraphs are far shorter.
MAX_CHUNK = 20_000
#: characters MeCab skips between tokens (checked against fugashi + unidic-lite)
MECAB_SPACE = " \t\x0b"
_SENTENCE = re.compile(r"[^\n。！？!?]*(?:[。！？!?]+[」』）)\]]*|\n|$)")
_CLAUSE_COMMAS = frozenset("、，,")
#: the first character of the next line that is not blank
_NEXT_LINE = re.compile(r"\s*(\S)")
#: characters that open a line of their own: headings, bullets, table rows, footnotes
_LINE_OPENERS = frozenset(entity_cues.HEADING_MARKS + "・#|*＊※-")
#: particles that leave a clause open: a line ending in one goes on ("営業利益は\n\n98億円");
#: not に or へ, with which headlines end ("…診断可能に", "…世界へ")
_CLAUSE_PARTICLES = frozenset("はがを")
_SCALE_CHARS = frozenset(cues.SCALE_WORDS) | frozenset(cues.SMALL_SCALES)
#: characters a unit, counter or scale word can begin with: after a line break that
#: follows a digit, they continue the figure ("6,543億\n円")
_UNIT_STARTS = frozenset(
    word[0]
    for table in (
        cues.CURRENCY_SUFFIXES,
        cues.PERCENT_UNITS,
        cues.COUNTERS,
        cues.DURATION_UNITS,
        cues.QUANTITY_UNITS,
        cues.SCALE_WORDS,
    )
    for word in table
)
_CHUNK_CUT = re.compile(r"[。！？!?\s]")
#: columns of unidic-lite's default output: surface, pron, kana, lemma, pos, …
_SURFACE, _LEMMA, _POS = 0, 3, 4


def make_tagger() -> fugashi.Tagger:
    """One tagger per process; pass it to ``tokenise``."""
    return fugashi.Tagger()


@dataclass(frozen=True)
class Tokens:
    """Tokens of one document, column by column (a row object per token is too slow)."""

    starts: np.ndarray
    ends: np.ndarray
    surfaces: pa.Array
    pos_tags: pa.Array
    lemmas: pa.Array

    def __len__(self) -> int:
        return len(self.starts)

    @cached_property
    def _surface_list(self) -> list[str]:
        return self.surfaces.to_pylist()

    @cached_property
    def _pos_list(self) -> list[str]:
        return self.pos_tags.to_pylist()

    def surface(self, i: int) -> str:
        return self._surface_list[i]

    def pos(self, i: int) -> str:
        return self._pos_list[i]

    def is_numeral(self, i: int) -> bool:
        return bool(self._numeral_mask[i])

    @cached_property
    def _by_start(self) -> dict[int, int]:
        return dict(zip(self.starts.tolist(), range(len(self.starts)), strict=True))

    @cached_property
    def _by_end(self) -> dict[int, int]:
        return dict(zip(self.ends.tolist(), range(len(self.ends)), strict=True))

    def index_starting_at(self, offset: int) -> int | None:
        return self._by_start.get(offset)

    def index_ending_at(self, offset: int) -> int | None:
        return self._by_end.get(offset)

    def index_covering(self, offset: int) -> int | None:
        i = int(np.searchsorted(self.starts, offset, side="right")) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    @cached_property
    def _numeral_mask(self) -> np.ndarray:
        return pc.starts_with(self.pos_tags, "名詞-数詞").to_numpy(zero_copy_only=False)

    def numeral_starts(self) -> np.ndarray:
        """Offsets of tokens tagged as numerals: where most figures begin."""
        return self.starts[self._numeral_mask]

    def numeral_ends(self) -> np.ndarray:
        return self.ends[self._numeral_mask]


def _chunks(paragraph: str) -> list[tuple[int, str]]:
    """Cut an over-long paragraph after sentence ends or spaces near MAX_CHUNK."""
    out = []
    pos = 0
    while len(paragraph) - pos > MAX_CHUNK:
        window = paragraph[pos : pos + MAX_CHUNK]
        cuts = [m.end() for m in _CHUNK_CUT.finditer(window)]
        cut = cuts[-1] if cuts else MAX_CHUNK
        out.append((pos, paragraph[pos : pos + cut]))
        pos += cut
    out.append((pos, paragraph[pos:]))
    return out


def _document_chunks(text: str) -> list[tuple[int, str]]:
    """(offset, chunk) for every paragraph chunk MeCab should see."""
    chunks = []
    para_start = 0
    for paragraph in text.split("\n"):
        if paragraph.strip(MECAB_SPACE):
            chunks += [(para_start + off, chunk) for off, chunk in _chunks(paragraph)]
        para_start += len(paragraph) + 1
    return chunks


def _lemma(lemma: pa.Array, surfaces: pa.Array) -> pa.Array:
    # unidic glosses loanwords and counters ("グループ-group", "円-助数詞"): keep the word
    stripped = pc.replace_substring_regex(lemma, r"^([^-]+)-.*$", r"\1")
    return pc.if_else(pc.equal(stripped, ""), surfaces, stripped)


def _from_parse(text: str, chunks: list[tuple[int, str]], tagger: fugashi.Tagger) -> Tokens | None:
    output = pa.array(["\n".join(tagger.parse(chunk) for _, chunk in chunks)], pa.large_string())
    lines = pc.list_flatten(pc.split_pattern(output, "\n"))
    lines = pc.filter(lines, pc.and_(pc.not_equal(lines, "EOS"), pc.not_equal(lines, "")))
    parts = pc.split_pattern(lines, "\t", max_splits=_POS + 1)
    if len(lines) and pc.min(pc.list_value_length(parts)).as_py() <= _POS:
        return None
    surfaces = pc.list_element(parts, _SURFACE) if len(lines) else pa.array([], pa.string())
    lengths = pc.utf8_length(surfaces).to_numpy(zero_copy_only=False).astype(np.int64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    visible = np.flatnonzero(~np.isin(codes, [ord(c) for c in MECAB_SPACE + "\n"]))
    if int(lengths.sum()) != len(visible):
        return None
    cumulative = np.cumsum(lengths)
    starts = visible[cumulative - lengths] if len(lengths) else np.zeros(0, np.int64)
    ends = visible[cumulative - 1] + 1 if len(lengths) else np.zeros(0, np.int64)
    if not len(lines):
        return Tokens(starts, ends, surfaces, surfaces, surfaces)
    pos = pc.list_element(parts, _POS)
    return Tokens(
        starts.astype(np.int64),
        ends.astype(np.int64),
        surfaces,
        pos,
        _lemma(pc.list_element(parts, _LEMMA), surfaces),
    )


def _from_nodes(chunks: list[tuple[int, str]], tagger: fugashi.Tagger) -> Tokens:
    """Node by node, with MeCab's own whitespace accounting: slower, always exact."""
    starts, ends, surfaces, pos, lemmas = [], [], [], [], []
    for offset, chunk in chunks:
        cursor = offset
        for word in tagger(chunk):
            cursor += len(word.white_space)
            starts.append(cursor)
            cursor += len(word.surface)
            ends.append(cursor)
            surfaces.append(word.surface)
            feats = word.feature_raw.split(",")
            pos.append("-".join(f for f in feats[:4] if f != "*"))
            lemmas.append(feats[7] if len(feats) > 7 and feats[7] else word.surface)
    surface_array = pa.array(surfaces, pa.string())
    return Tokens(
        np.asarray(starts, dtype=np.int64),
        np.asarray(ends, dtype=np.int64),
        surface_array,
        pa.array(pos, pa.string()),
        _lemma(pa.array(lemmas, pa.string()), surface_array),
    )


def tokenise(text: str, tagger: fugashi.Tagger) -> Tokens:
    """Tokenise normalised text; offsets are into that same text."""
    chunks = _document_chunks(text)
    return _from_parse(text, chunks, tagger) or _from_nodes(chunks, tagger)


def _wrapped(text: str, line_end: int) -> bool:
    """Whether the line break at ``line_end`` wraps a sentence (text from PDF) rather than
    ending it: the line ends with a comma ("…5.2%増)、\n営業利益は") or a particle that
    leaves its clause open ("営業利益は\n\n98億円"), the next opens with a particle no
    sentence opens with ("その他\nが"), or the break falls inside a figure
    ("北米6,543億\n円").  Blank lines between do not matter: PDF text has them anyway."""
    before = text[line_end - 1] if line_end > 0 else ""
    after = text[line_end + 1] if line_end + 1 < len(text) else ""
    following = _NEXT_LINE.match(text, line_end)
    if following is None or following.group(1) in _LINE_OPENERS:
        return False  # the text ends, or a heading, bullet or table row begins
    return (
        before in _CLAUSE_COMMAS
        or before in _CLAUSE_PARTICLES
        or following.group(1) in cues.LINE_CONTINUATIONS
        or ((before.isdigit() or before in _SCALE_CHARS) and after in _UNIT_STARTS)
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at 。！？ (with closing brackets) or at a line break that does
    not wrap the sentence (see ``_wrapped``)."""
    spans: list[tuple[int, int]] = []
    joined = False
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            if joined and spans:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            joined = text[stop - 1 : stop] == "\n" and _wrapped(text, stop - 1)
    return spans


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence containing (or last starting before) an offset."""
    return max(bisect_right(starts, offset) - 1, 0)
