"""Normalisation works on a copy; every span maps back to the exact source characters."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import normalise

REPAIRS = [
    ("27 億 6,300 万元", "27億6,300万元"),
    ("1 月\n\n23日から", "1月23日から"),
    ("海外事業が422億\n\n円で", "海外事業が422億円で"),  # a scale word, then its unit
    ("**アリババグループ**が", "アリババグループが"),
    ("約 500 億円", "約500億円"),
    ("６, 300", "6,300"),
    ("ｶﾞｲﾄﾞ", "ガイド"),
    ("２０２０年１２月", "2020年12月"),
    ("TOP 5 に", "TOP 5に"),  # a Latin word keeps its space
    ("2020 China", "2020 China"),
    ("①②の項目", "①②の項目"),  # circled list markers stay markers
    ("注¹の2", "注¹の2"),
    ("第1項\n2. 次", "第1項\n2. 次"),  # a list item is not glued to the line before
    ("27億\u200b6,300万元", "27億6,300万元"),  # zero-width space from copied web text
    ("4.8\u00ad億元", "4.8億元"),  # soft hyphen
    ("1\u00a0234円", "1234円"),  # no-break space inside a number
    ("2025/11/20 10:30 更新", "2025/11/20 10:30更新"),  # a date, then a time
    ("1.8 ポイ\nント上昇", "1.8ポイント上昇"),  # a unit word broken by a line wrap
    ("1,000億\nドルを", "1,000億ドルを"),  # a scale word, then a unit on the next line
    ("アリペイ\nアリババ", "アリペイ\nアリババ"),  # two names on two lines stay apart
    ("3人\nアリババ", "3人\nアリババ"),
    ("売上高1,000億\n・営業利益", "売上高1,000億\n・営業利益"),  # a list item stays apart
]


@pytest.mark.parametrize(("source", "normalised"), REPAIRS)
def test_repairs(source, normalised):
    assert normalise(source).text == normalised


@pytest.mark.parametrize(("source", "_"), REPAIRS)
def test_every_number_maps_back_to_its_source_characters(source, _):
    norm = normalise(source)
    for m in re.finditer(r"\d[\d,.]*", norm.text):
        start, end = norm.to_source(m.start(), m.end())
        assert normalise(source[start:end]).text.replace(" ", "") == m.group().replace(" ", "")


pieces = st.lists(
    st.sampled_from(
        ["1", "２", "0", "億", "万", " ", "\n", "元", "**", "ｶﾞ", "円", "、", "㈱", "a", "①"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_map_is_monotonic_and_within_the_source(source):
    norm = normalise(source)
    last = 0
    for i in range(len(norm.text) + 1):
        start, end = norm.to_source(i, i)
        assert 0 <= start <= len(source) and 0 <= end <= len(source)
        assert start >= last
        last = start


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_each_normalised_char_comes_from_its_source_span(source):
    norm = normalise(source)
    for i, ch in enumerate(norm.text):
        start, end = norm.to_source(i, i + 1)
        assert ch in normalise(source[start:end]).text or ch in source[start:end]
