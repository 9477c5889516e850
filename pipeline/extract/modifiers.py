"""Words around a figure that bound or soften it (約, 以上, 超, 近く, 余り, 最大 …).

Modifiers are not part of the span; they set ``bound``, ``approx`` and the interval.
Negative markers (△, ▲, マイナス) flip the sign of the number written.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.candidate import Candidate
from pipeline.patterns import cues
from pipeline.patterns.fragments import alternation
from schemas.vocab import TEMPORAL_KINDS, Bound

_PREFIX = re.compile(rf"(?:{alternation(cues.PREFIX_MODIFIERS)}) *$")
_SUFFIX = re.compile(rf" *({alternation(cues.SUFFIX_MODIFIERS)})")
_LONGEST_PREFIX = max(map(len, cues.PREFIX_MODIFIERS)) + 2
_SIGNS = tuple(cues.NEGATIVE_MARKERS)


def _prefix(text: str, start: int) -> str | None:
    """The modifier written right before ``start`` (spaces allowed)."""
    m = _PREFIX.search(text, max(0, start - _LONGEST_PREFIX), start)
    return m.group().rstrip(" ") if m else None


def _negative(text: str, start: int) -> bool:
    before = text[max(0, start - 5) : start].rstrip(" ")
    if not before.endswith(_SIGNS):
        return False
    if before.endswith("-"):
        # a hyphen is a minus only when it does not join two words or numbers
        prev = before[-2:-1]
        return not prev or not ((prev.isascii() and prev.isalnum()) or prev == "-")
    return True


def _suffix(text: str, end: int) -> str | None:
    m = _SUFFIX.match(text, end)
    return m.group(1) if m else None


_RUN = re.compile(
    rf" *{cues.RUN_MARK}(?![{cues.RUN_MARK_WORDS}])(?P<part>{alternation(cues.RUN_PARTS)})?"
)
_LAST_DIGITS = re.compile(r"(\d[\d,]*)(\.\d+)?(?!.*\d)", re.S)


def _run_of_values(cand: Candidate, text: str, negative: bool) -> Candidate | None:
    """ "150円台", "2%台前半": the run of values the figure opens, as a range.  Its width is
    one unit of the last non-zero digit written: 150 opens 150–160, 151 opens 151–152."""
    m = _RUN.match(text, cand.end)
    digits = _LAST_DIGITS.search(text, cand.numeral_start, cand.end)
    if m is None or digits is None or cand.value is None or cand.precision is None:
        return None
    whole = digits.group(1).replace(",", "")
    zeros = 0 if digits.group(2) else len(whole) - len(whole.rstrip("0"))
    width = cand.precision * 10**zeros
    share_from, share_to = cues.RUN_PARTS.get(m.group("part") or "", (0.0, 1.0))
    low = cand.value + width * Decimal(str(share_from))
    high = cand.value + width * Decimal(str(share_to))
    if negative:
        low, high = -high, -low
    return cand.with_(value=None, value_low=low, value_high=high, bound=Bound.RANGE)


def apply_modifiers(cand: Candidate, text: str) -> Candidate:
    """Set bound, approx, interval and sign from the words around the figure."""
    if cand.kind in TEMPORAL_KINDS or (cand.value is None and cand.bound != Bound.RANGE):
        return cand
    prefix = _prefix(text, cand.start)
    suffix = _suffix(text, cand.end)
    pre_bound, pre_approx = cues.PREFIX_MODIFIERS.get(prefix, (None, False))
    suf_bound, suf_approx = cues.SUFFIX_MODIFIERS.get(suffix, (None, False))
    approx = pre_approx or suf_approx
    if cand.bound == Bound.RANGE:
        return cand.with_(approx=approx)
    negative = _negative(text, cand.start)
    if (run := _run_of_values(cand, text, negative)) is not None:
        return run.with_(approx=pre_approx)
    value = -cand.value if negative else cand.value
    bound = suf_bound or pre_bound or Bound.EQ
    low = value if bound in (Bound.EQ, Bound.GE, Bound.GT) else None
    high = value if bound in (Bound.EQ, Bound.LE, Bound.LT) else None
    return cand.with_(value=value, value_low=low, value_high=high, bound=bound, approx=approx)
