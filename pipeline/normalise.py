"""Stage 2, normalise: NFKC and PDF repairs on a copy, with a map back to the source.

Needs: the source text.  Produces: ``NormalisedText`` whose ``to_source`` turns any
span found on the copy into the exact source span (ja-timex's DiffIndex idea).
Each pass records only where lengths change, so mapping costs a binary search.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

#: characters whose NFKC form would turn markers into digits (①→1, ²→2): kept as written
_PROTECTED_DECOMPOSITIONS = ("<circle>", "<super>", "<sub>")
_VOICED_PAIR = re.compile(r"[\uFF66-\uFF9D\u3041-\u30FF][\uFF9E\uFF9F\u3099\u309A]")

#: PDF repairs.  Digits and the characters that continue a number or date.
_NUM_LEFT = "0-9万億兆"
_UNIT_AFTER_BREAK = "年月日万億兆元円%人"
#: after a number (and perhaps a space), the start of a katakana word of up to four
#: characters: lookbehinds of fixed width, one per length
_AFTER_NUMBER_KANA = "(?:{})".format(
    "|".join(
        f"(?<=[0-9万億兆]{space}[ァ-ヶ][ァ-ヶー]{{{n}}})" for n in range(4) for space in ("", " ")
    )
)
_REPAIRS = re.compile(
    r"\*\*"  # markdown bold markers
    # invisible characters (zero-width spaces and joiners, BOMs, soft hyphens) that
    # copy-pasted and web text carry inside numbers: "27億\u200b6,300万元"
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]+"
    # spaces after a number part, unless a Latin word follows ("2020 China"); between
    # digits only before a group of three ("1 234円"), not "2025/11/20 10:30"
    rf"|(?<=[{_NUM_LEFT}])[ \t]+(?=[^\sA-Za-z0-9])"
    r"|(?<=[万億兆])[ \t]+(?=[0-9])"
    r"|(?<=[0-9])[ \t]+(?=[0-9]{3}(?![0-9]))"
    # spaces before a digit, unless a Latin word or another number precedes ("TOP 5")
    r"|(?<=[^\sA-Za-z0-9.,])[ \t]+(?=[0-9])"
    # a broken thousands group: "6, 300"
    r"|(?<=[0-9][,.])[ \t]+(?=[0-9]{3})"
    # line breaks inside a date or an amount: "1 月\n\n23日", "33 億\n5,600 万元", "422億\n\n円"
    r"|(?<=[年月万億兆,])[ \t]*\n\s*(?=[0-9](?![0-9]*[.)]\s))"
    rf"|(?<=[0-9万億兆])[ \t]*\n\s*(?=[{_UNIT_AFTER_BREAK}])"
    # a line break after a scale word, before a unit in katakana: "1,000億\nドル"
    r"|(?<=[万億兆])[ \t]*\n[ \t]*(?=[ァ-ヶ])"
    # a line break inside a unit word in katakana: "1.8 ポイ\nント", "12 ド\nル"
    rf"|{_AFTER_NUMBER_KANA}[ \t]*\n[ \t]*(?=[ァ-ヶー])"
)


@dataclass(frozen=True)
class _Layer:
    """Edits of one pass: normalised [n_start, n_end) came from source [s_start, s_end)."""

    n_starts: np.ndarray
    n_ends: np.ndarray
    s_starts: np.ndarray
    s_ends: np.ndarray

    def _to_source(self, pos: np.ndarray, is_end: bool) -> np.ndarray:
        """Map positions; inside an edit, a start goes to its source start, an end to its end.

        An end at a deletion stays before the deleted characters, a start after them.
        """
        if not len(self.n_starts):
            return pos
        i = np.searchsorted(self.n_starts, pos, side="left" if is_end else "right") - 1
        has = i >= 0
        ii = np.where(has, i, 0)
        inside = has & ((pos <= self.n_ends[ii]) if is_end else (pos < self.n_ends[ii]))
        linear = np.where(has, self.s_ends[ii] + (pos - self.n_ends[ii]), pos)
        return np.where(inside, (self.s_ends if is_end else self.s_starts)[ii], linear)

    def starts_to_source(self, pos: np.ndarray) -> np.ndarray:
        return self._to_source(pos, is_end=False)

    def ends_to_source(self, pos: np.ndarray) -> np.ndarray:
        return self._to_source(pos, is_end=True)


def _apply(
    text: str, edits: list[tuple[int, int, str]], table: dict | None = None
) -> tuple[str, _Layer]:
    """Apply sorted, non-overlapping (start, end, replacement) edits; translate the rest."""
    pieces: list[str] = []
    n_starts, n_ends, s_starts, s_ends = [], [], [], []
    pos = 0
    out_len = 0
    for start, end, repl in edits:
        gap = text[pos:start]
        pieces.append(gap.translate(table) if table else gap)
        out_len += start - pos
        n_starts.append(out_len)
        s_starts.append(start)
        pieces.append(repl)
        out_len += len(repl)
        n_ends.append(out_len)
        s_ends.append(end)
        pos = end
    tail = text[pos:]
    pieces.append(tail.translate(table) if table else tail)
    arr = [np.asarray(a, dtype=np.int64) for a in (n_starts, n_ends, s_starts, s_ends)]
    return "".join(pieces), _Layer(*arr)


@lru_cache(maxsize=65536)
def _nfkc_char(ch: str) -> str:
    if unicodedata.decomposition(ch).startswith(_PROTECTED_DECOMPOSITIONS):
        return ch
    return unicodedata.normalize("NFKC", ch)


def _nfkc_pass(text: str) -> tuple[str, _Layer]:
    """NFKC char by char: one-to-one changes by ``str.translate``, the rest as edits."""
    table: dict[int, str] = {}
    multi: set[str] = set()
    for ch in set(text):
        norm = _nfkc_char(ch)
        if norm == ch:
            continue
        if len(norm) == 1:
            table[ord(ch)] = norm
        else:
            multi.add(ch)
    edits: list[tuple[int, int, str]] = []
    spans = [(m.start(), m.end()) for m in _VOICED_PAIR.finditer(text)]
    if multi:
        pattern = re.compile("|".join(re.escape(c) for c in sorted(multi)))
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    last = -1
    for start, end in sorted(spans):
        if start < last:
            continue
        edits.append((start, end, unicodedata.normalize("NFKC", text[start:end])))
        last = end
    return _apply(text, edits, table)


def _repair_pass(text: str) -> tuple[str, _Layer]:
    """Delete markdown markers and the whitespace PDF extraction puts inside numbers."""
    edits = [(m.start(), m.end(), "") for m in _REPAIRS.finditer(text)]
    return _apply(text, edits)


@dataclass(frozen=True)
class NormalisedText:
    """The normalised copy of a source text and the way back to source offsets."""

    source: str
    text: str
    layers: tuple[_Layer, ...]

    def starts_to_source(self, pos: np.ndarray) -> np.ndarray:
        for layer in reversed(self.layers):
            pos = layer.starts_to_source(pos)
        return pos

    def ends_to_source(self, pos: np.ndarray) -> np.ndarray:
        for layer in reversed(self.layers):
            pos = layer.ends_to_source(pos)
        return pos

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map one normalised span [start, end) to its source span."""
        s = int(self.starts_to_source(np.array([start], dtype=np.int64))[0])
        e = int(self.ends_to_source(np.array([end], dtype=np.int64))[0])
        return s, e


def normalise(source: str) -> NormalisedText:
    """NFKC, then PDF repairs; each pass keeps its own offset layer."""
    text1, layer1 = _nfkc_pass(source)
    text2, layer2 = _repair_pass(text1)
    return NormalisedText(source=source, text=text2, layers=(layer1, layer2))


class LineIndex:
    """1-based line numbers of source offsets."""

    def __init__(self, source: str) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", source)]

    def line(self, offset: int) -> int:
        return bisect_right(self._breaks, offset - 1) + 1 if offset else 1
