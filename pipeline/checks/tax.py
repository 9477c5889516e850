"""tax: a price with consumption tax against the same price without it.

"税込4万9,800円（税抜4万5,273円）", "本体価格3,000円（税込3,300円）": two yen amounts next to
each other in one sentence, one said to include the tax (税込) and the other to exclude
it (税抜, 本体価格), must be one another at a rate of consumption tax (10%, or the reduced
8%), the tax rounded to the yen either way.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

from pipeline.checks.evidence import Evidence, Figure, Finding, amount, verdict, written
from pipeline.patterns.check_cues import TAX_EXCLUDED_WORDS, TAX_INCLUDED_WORDS, TAX_RATES

RULE = "tax"
_WORDS = "|".join(TAX_INCLUDED_WORDS + TAX_EXCLUDED_WORDS)
#: the word right before the amount ("税込4万9,800円", "税抜き 5,000円", "本体価格は3,000円")
_BEFORE = re.compile(rf"(?P<word>{_WORDS})(?:価格)?\s?(?:は|:|：)?\s?$")
#: or in brackets right after it ("5,500円（税込）")
_AFTER = re.compile(rf"\s?[(（]\s?(?P<word>{_WORDS})\s?[)）]")


def _taxed(ev: Evidence, f: Figure) -> bool | None:
    """True for a price with tax, False for one without, None when the text does not say."""
    m = f.mention
    if m.kind != "money" or m.unit != "JPY" or not m.value or m.bound not in (None, "eq"):
        return None
    text = ev.texts[m.doc_id]
    said = _BEFORE.search(text[max(0, m.start - 8) : m.start]) or _AFTER.match(text, m.end)
    if said is None:
        return None
    return said["word"] in TAX_INCLUDED_WORDS


def _rate_between(with_tax: float, without: float) -> float | None:
    """The consumption tax rate that makes one price the other, if any."""
    for rate in TAX_RATES:
        taxed = without * (1 + rate)
        if math.floor(taxed) - 1 <= with_tax <= math.ceil(taxed) + 1:
            return rate
    return None


def check_tax(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        labelled = [(f, t) for f in figures if (t := _taxed(ev, f)) is not None]
        for (a, ta), (b, tb) in pairwise(labelled):
            if ta == tb or ev.sentence_span(a.mention) != ev.sentence_span(b.mention):
                continue
            with_tax, without = (a, b) if ta else (b, a)
            gross, net = with_tax.mention.value or 0, without.mention.value or 0
            rate = _rate_between(gross, net)
            found.append(
                verdict(
                    RULE,
                    rate is not None,
                    [with_tax, without],
                    f"{written(with_tax)} with tax and {written(without)} without it "
                    + (
                        f"agree at a tax rate of {rate:.0%}."
                        if rate is not None
                        else f"differ by {gross / net - 1:.2%}, which is no rate of "
                        "consumption tax (10% or 8%)."
                    ),
                    expected=" or ".join(f"{amount(net * (1 + r))} JPY" for r in TAX_RATES),
                    observed=f"{amount(gross)} JPY",
                )
            )
    return found
