"""Number parsing round-trips: format a number the ways Japanese documents write it,
normalise and extract it, and get the same value back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.numerals import parse_numeral
from pipeline.normalise import normalise

KANJI = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def commas(n: int) -> str:
    return f"{n:,}"


def scaled(n: int) -> str:
    """33億5,600万 style: scale words between groups of arabic digits with commas."""
    parts = []
    for word, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        head, n = divmod(n, size)
        if head:
            parts.append(f"{head:,}{word}")
    if n or not parts:
        parts.append(f"{n:,}")
    return "".join(parts)


def _kanji_below_10000(n: int) -> str:
    out = ""
    for word, size in (("千", 1000), ("百", 100), ("十", 10)):
        head, n = divmod(n, size)
        if head:
            out += ("" if head == 1 else KANJI[head]) + word
    return out + (KANJI[n] if n else "")


def kanji(n: int) -> str:
    """一億二千万 style."""
    if n == 0:
        return "〇"
    out = ""
    for word, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        head, n = divmod(n, size)
        if head:
            out += _kanji_below_10000(head) + word
    return out + _kanji_below_10000(n)


STYLES = [str, commas, scaled, kanji, lambda n: commas(n).translate(FULLWIDTH)]
numbers = st.integers(min_value=1, max_value=10**15 - 1)


@settings(max_examples=300, deadline=None)
@given(numbers, st.sampled_from(STYLES))
def test_every_style_parses_back(n, style):
    written = normalise(style(n)).text
    assert parse_numeral(written).value == n


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=1, max_value=3),
    st.sampled_from(["万", "億"]),
)
def test_decimal_with_scale_word(mantissa, decimals, word):
    text = f"{Decimal(mantissa).scaleb(-decimals)}{word}"
    scale = {"万": 10**4, "億": 10**8}[word]
    parsed = parse_numeral(text)
    assert parsed.value == Decimal(mantissa).scaleb(-decimals) * scale
    assert parsed.precision == Decimal(1).scaleb(-decimals) * scale


@settings(max_examples=150, deadline=None)
@given(numbers.filter(lambda n: n >= 10), st.sampled_from([scaled, commas, kanji]))
def test_amount_in_a_sentence_is_extracted_whole(mentions_of, n, style):
    written = style(n)
    found = mentions_of(f"同社は{written}円を拠出した。")
    assert [(m.surface, m.value) for m in found] == [(f"{written}円", float(n))]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("4.39億", 439000000, 1000000),
        ("2,300億", 230000000000, 100000000),
        ("33億5,600万", 3356000000, 10000),
        ("三十万", 300000, 100000),
        ("二〇二〇", 2020, 1),
    ],
)
def test_precision_is_one_unit_of_the_last_written_digit(text, value, precision):
    parsed = parse_numeral(text)
    assert (parsed.value, parsed.precision) == (value, precision)


@pytest.mark.parametrize("text", ["1万2億", "万", "1,2", ""])
def test_malformed_numerals_are_refused(text):
    assert parse_numeral(text) is None


@pytest.mark.parametrize(
    ("numeral", "offset", "value"),
    [
        ("27万6,300億", 3, 630_000_000_000),
        ("3万2千億", 2, 200_000_000_000),
        ("27億6,300万", None, None),
    ],
)
def test_a_numeral_with_scales_out_of_order_keeps_its_whole_tail(numeral, offset, value):
    from pipeline.extract.amounts import valid_tail

    tail = valid_tail(numeral)
    if offset is None:
        assert parse_numeral(numeral) is not None  # in order: no tail needed
    else:
        assert parse_numeral(numeral) is None
        assert tail is not None and tail[0] == offset and tail[1].value == value
