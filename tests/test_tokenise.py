"""Tokens carry exact offsets; long paragraphs are fed to MeCab in bounded chunks."""

from __future__ import annotations

from pipeline.tokenise import MAX_CHUNK, _chunks, sentences, tokenise


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
    for start, end, surface in zip(tokens.starts, tokens.ends, tokens.surfaces, strict=True):
        assert text[start:end] == surface
    pos, lemmas = tokens.pos_and_lemmas()
    assert len(pos) == len(lemmas) == len(tokens.surfaces)
    assert tokens.pos(0).startswith("名詞")


def test_sentences_end_at_punctuation_and_line_breaks():
    text = "第一文。第二文！\n見出し\n「引用。」後"
    assert [text[a:b] for a, b in sentences(text)] == [
        "第一文。",
        "第二文！",
        "見出し",
        "「引用。」",
        "後",
    ]
