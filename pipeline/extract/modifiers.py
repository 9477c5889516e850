"""Words around a figure that bound or soften it (約, 以上, 超, 近く, 余り, 最大 …).

Modifiers are not part of the span; they set ``bound``, ``approx`` and the interval.
Negative markers (△, ▲, マイナス) flip the sign of the number written.
"""

from __future__ import annotations

from pipeline.extract.candidate import Candidate
from pipeline.patterns import cues
from schemas.vocab import TEMPORAL_KINDS, Bound

_LONGEST_PREFIX = max(map(len, cues.PREFIX_MODIFIERS))
_PREFIXES = sorted(cues.PREFIX_MODIFIERS, key=len, reverse=True)
_SUFFIXES = sorted(cues.SUFFIX_MODIFIERS, key=len, reverse=True)
_SIGNS = sorted(cues.NEGATIVE_MARKERS, key=len, reverse=True)


def _prefix(text: str, start: int) -> tuple[str | None, int]:
    """The modifier written right before ``start`` (spaces allowed), and where it begins."""
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    window = text[max(0, end - _LONGEST_PREFIX) : end]
    for word in _PREFIXES:
        if window.endswith(word):
            return word, end - len(word)
    return None, start


def _negative(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" ")
    for sign in _SIGNS:
        if before.endswith(sign):
            if sign == "-":
                # a hyphen is a minus only when it does not join two words or numbers
                prev = before[-2:-1]
                return not prev or not (prev.isalnum() or prev in "-")
            return True
    return False


def _suffix(text: str, end: int) -> str | None:
    window = text[end : end + 8].lstrip(" ")
    for word in _SUFFIXES:
        if window.startswith(word):
            return word
    return None


def apply_modifiers(cand: Candidate, text: str) -> Candidate:
    """Set bound, approx, interval and sign from the words around the figure."""
    if cand.kind in TEMPORAL_KINDS or (cand.value is None and cand.bound != Bound.RANGE):
        return cand
    prefix, _ = _prefix(text, cand.start)
    suffix = _suffix(text, cand.end)
    pre_bound, pre_approx = cues.PREFIX_MODIFIERS.get(prefix, (None, False))
    suf_bound, suf_approx = cues.SUFFIX_MODIFIERS.get(suffix, (None, False))
    approx = pre_approx or suf_approx
    if cand.bound == Bound.RANGE:
        return cand.with_(approx=approx)
    value = -cand.value if _negative(text, cand.start) else cand.value
    bound = suf_bound or pre_bound or Bound.EQ
    low = value if bound in (Bound.EQ, Bound.GE, Bound.GT) else None
    high = value if bound in (Bound.EQ, Bound.LE, Bound.LT) else None
    return cand.with_(value=value, value_low=low, value_high=high, bound=bound, approx=approx)
