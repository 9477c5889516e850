"""Tokens carry exact offsets; long paragraphs are fed to MeCab in bounded chunks."""

from __future__ import annotations

import pytest

from pipeline.tokenise import (
    MAX_CHUNK,
    _chunks,
    _document_chunks,
    _from_nodes,
    sentences,
    tokenise,
)


def test_long_paragraph_is_cut_into_bounded_chunks_that_join_back():
    paragraph = ("売上高は100万円だった。" * 5000) + ("あ" * (MAX_CHUNK + 10))
    pieces = _chunks(paragraph)
    assert all(len(chunk) <= MAX_CHUNK for _, chunk in pieces)
    assert "".join(chunk for _, chunk in pieces) == paragraph
    assert [start for start, _ in pieces] == [
        sum(len(c) for _, c in pieces[:i]) for i in range(len(pieces))
    ]


def test_token_offsets_point_into_the_text(tagger):
    text = "アリババは 2020年に\n\n100万枚 のマスクを寄付した。" + "長い文。" * 6000
    tokens = tokenise(text, tagger)
    surfaces = tokens.surfaces.to_pylist()
    for start, end, surface in zip(tokens.starts, tokens.ends, surfaces, strict=True):
        assert text[start:end] == surface
    assert len(tokens.pos_tags) == len(tokens.lemmas) == len(tokens)
    assert tokens.pos(0).startswith("名詞")


@pytest.mark.parametrize(
    "text",
    ["アリババ 2020年に\n\n100万枚", "\r\n見出し\r\n本文　全角\x0b空白", "前\x00後の100万円", ""],
)
def test_fast_and_exact_tokenisers_agree(tagger, text):
    chunks = _document_chunks(text)
    exact = _from_nodes(chunks, tagger)
    fast = tokenise(text, tagger)
    assert fast.starts.tolist() == exact.starts.tolist()
    assert fast.surfaces.to_pylist() == exact.surfaces.to_pylist()
    assert fast.pos_tags.to_pylist() == exact.pos_tags.to_pylist()
    assert fast.lemmas.to_pylist() == exact.lemmas.to_pylist()


def test_sentences_end_at_punctuation_and_line_breaks():
    text = "第一文。第二文！\n見出し\n「引用。」後"
    assert [text[a:b] for a, b in sentences(text)] == [
        "第一文。",
        "第二文！",
        "見出し",
        "「引用。」",
        "後",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line wrapped after a comma or inside a figure (text from PDF) goes on
        ("売上高は120億円、\n営業利益は8億円。", ["売上高は120億円、\n営業利益は8億円。"]),
        ("北米6,543億\n円、欧州4,321億円。", ["北米6,543億\n円、欧州4,321億円。"]),
        # PDF text: blank lines between wrapped lines; a topic particle leaves it open
        ("営業利益は\n\n98億円となりました。", ["営業利益は\n\n98億円となりました。"]),
        # a line that opens with a particle no sentence opens with goes on from the last
        (
            "家電事業が1,120億円、その他\nが446億円でした。",
            ["家電事業が1,120億円、その他\nが446億円でした。"],
        ),
        ("前期を大きく上回\nった。", ["前期を大きく上回\nった。"]),
        # a headline may end in に; a line before a heading ends there whatever it ends with
        ("診断可能に\n\n公式サイト", ["診断可能に", "公式サイト"]),
        ("変えるには\n\n■ 感染拡大の防止", ["変えるには", "■ 感染拡大の防止"]),
        # a title, or a list line ending in a number, ends at its line break
        ("決算説明資料\n株式会社テスト", ["決算説明資料", "株式会社テスト"]),
        ("売上高 1,234\n営業利益 567", ["売上高 1,234", "営業利益 567"]),
    ],
)
def test_a_wrapped_line_does_not_end_its_sentence(text, expected):
    assert [text[a:b] for a, b in sentences(text)] == expected
