"""Stage 3, tokenise: fugashi + unidic-lite over the normalised copy, and sentences.

Needs: ``NormalisedText``.  Produces: ``Tokens`` (columnar, normalised offsets) and
sentence spans.  Text is fed paragraph by paragraph and long paragraphs in chunks,
because MeCab crashes the whole process on one string of a few million characters.
The tagger is created by the caller and passed in: it cannot be pickled or shared.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import fugashi
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: NOTE: 20,000 characters keeps MeCab's lattice small; real paragraphs are far shorter.
MAX_CHUNK = 20_000
_SENTENCE = re.compile(r"[^\n。！？!?]*(?:[。！？!?]+[」』）)\]]*|\n|$)")
_CHUNK_CUT = re.compile(r"[。！？!?\s]")


def make_tagger() -> fugashi.Tagger:
    """One tagger per process; pass it to ``tokenise``."""
    return fugashi.Tagger()


@dataclass(frozen=True)
class Tokens:
    """Tokens of one document, column by column (a row object per token is too slow).

    ``features`` keeps MeCab's raw feature string; part of speech and lemma are
    parsed from it only where needed (``pos``) or for all tokens at once (``table``).
    """

    starts: np.ndarray
    ends: np.ndarray
    surfaces: list[str]
    features: list[str]

    def pos(self, i: int) -> str:
        return _pos(self.features[i])

    def index_starting_at(self, offset: int) -> int | None:
        i = int(np.searchsorted(self.starts, offset))
        return i if i < len(self.starts) and self.starts[i] == offset else None

    def index_ending_at(self, offset: int) -> int | None:
        i = int(np.searchsorted(self.ends, offset))
        return i if i < len(self.ends) and self.ends[i] == offset else None

    def pos_and_lemmas(self) -> tuple[pa.Array, pa.Array]:
        """Part of speech and lemma of every token, parsed in one vectorised pass.

        NOTE: the rare feature strings with quoted commas (the token "," itself) may
        get a wrong lemma here; ``pos(i)`` parses them exactly.
        """
        padded = pc.binary_join_element_wise(pa.array(self.features, pa.string()), _PAD, "")
        parts = pc.split_pattern(padded, ",", max_splits=8)
        head = [pc.list_element(parts, k) for k in range(4)]
        pos = pc.replace_substring_regex(pc.binary_join_element_wise(*head, "-"), r"(-\*)+$", "")
        lemma = pc.list_element(parts, 7)
        # unidic glosses loanwords ("グループ-group"): keep the Japanese lemma
        lemma = pc.replace_substring_regex(lemma, r"^([^-]+)-.*$", r"\1")
        surfaces = pa.array(self.surfaces, pa.string())
        lemma = pc.if_else(pc.equal(lemma, ""), surfaces, lemma)
        return pos, lemma


_PAD = "," * 8


def _features(raw: str) -> list[str]:
    return next(csv.reader([raw])) if '"' in raw else raw.split(",", 8)


@lru_cache(maxsize=65536)
def _pos(raw_head: str) -> str:
    return "-".join(f for f in _features(raw_head)[:4] if f != "*")


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


def tokenise(text: str, tagger: fugashi.Tagger) -> Tokens:
    """Tokenise normalised text; offsets are into that same text."""
    starts: list[int] = []
    ends: list[int] = []
    surfaces: list[str] = []
    features: list[str] = []
    para_start = 0
    for paragraph in text.split("\n"):
        for chunk_start, chunk in _chunks(paragraph) if paragraph.strip() else ():
            cursor = para_start + chunk_start
            for word in tagger(chunk):
                surface = word.surface
                cursor += len(word.white_space)
                starts.append(cursor)
                cursor += len(surface)
                ends.append(cursor)
                surfaces.append(surface)
                features.append(word.feature_raw)
        para_start += len(paragraph) + 1
    return Tokens(
        np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64), surfaces, features
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at 。！？ (with closing brackets) or at a line break."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence containing (or last starting before) an offset."""
    return max(bisect_right(starts, offset) - 1, 0)
