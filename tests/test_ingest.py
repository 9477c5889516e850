"""Bad input gets one clear reason naming the file; the other files are still read."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest import ingest

GOOD = "同社は2020年5月21日に100万円を寄付した。\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n", "empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00", "binary"),
        ("latin1.txt", "Café résumé naïve, déjà vu à la carte.".encode("latin-1"), "mojibake"),
        ("bad_bom.txt", b"\xff\xfe\x00\xd8", "byte-order mark"),
        ("bom_only.txt", b"\xef\xbb\xbf", "empty"),
        ("minutes.docx", b"PK\x03\x04word", "save it as PDF, HTML or text"),
        ("figures.xlsx", b"PK\x03\x04excel", "Excel files are not read"),
    ],
)
def test_bad_file_is_reported_and_others_still_read(tmp_path, name, content, reason):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    sources, errors = ingest(tmp_path)
    assert [s.doc_id for s in sources] == ["good"]
    assert len(errors) == 1
    assert name in errors[0].reason and reason in errors[0].reason


def test_bom_is_dropped_and_encoding_recorded(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (source,), _ = ingest(tmp_path)
    assert source.text == GOOD and source.encoding == "utf-8-sig"


def test_sidecar_date_is_read(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text("published = 2020-06-01\n", encoding="utf-8")
    (source,), _ = ingest(tmp_path)
    assert source.published == date(2020, 6, 1)


def test_broken_sidecar_is_an_error_for_that_document(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text("published = 'yesterday'\n", encoding="utf-8")
    sources, errors = ingest(tmp_path)
    assert sources == [] and "a.meta.toml" in errors[0].reason


def test_two_files_with_one_document_id_are_refused(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    sources, errors = ingest(tmp_path)
    assert len(sources) == 1 and "same document id" in errors[0].reason


def test_other_files_are_ignored(tmp_path):
    (tmp_path / "notes.pdf.part").write_bytes(b"\x00")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    sources, errors = ingest(tmp_path)
    assert [s.doc_id for s in sources] == ["a"] and errors == []


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    import pipeline.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MAX_BYTES", 10)
    (tmp_path / "big.txt").write_text(GOOD, encoding="utf-8")
    sources, errors = ingest(tmp_path)
    assert sources == [] and "over the 10-byte limit" in errors[0].reason


def test_text_over_the_length_limit_is_refused_with_what_to_do(tmp_path, monkeypatch):
    import pipeline.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MAX_TEXT_CHARS", 10)
    (tmp_path / "long.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "short.txt").write_text("売上高は5億円。", encoding="utf-8")
    sources, errors = ingest(tmp_path)
    assert [s.doc_id for s in sources] == ["short"]
    assert "-character limit; split the document" in errors[0].reason


@pytest.mark.parametrize(
    ("codec", "recorded"),
    [
        ("cp932", "cp932"),
        ("euc_jp", "euc"),
        ("iso2022_jp", "iso2022_jp"),
        ("utf-16", "utf-16"),
    ],
)
def test_japanese_encodings_are_detected_and_recorded(tmp_path, codec, recorded):
    text = "同社は2020年5月21日に、合計33億5,600万元（503.40億円）を拠出したと発表しました。\n"
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    (source,), errors = ingest(tmp_path)
    assert errors == [] and source.text == text and source.encoding.startswith(recorded)


def test_a_cp932_copy_of_a_seed_gives_the_same_mentions(tmp_path):
    from pipeline.run import run
    from tests.conftest import RAW

    seed = RAW / "000_761058c0af17af92.txt"
    # CP932 lacks a few characters of the seed (no-break space, 擊): both copies hold the
    # text as CP932 can write it, one saved as UTF-8 and one as CP932
    sjis_bytes = seed.read_text(encoding="utf-8").encode("cp932", errors="replace")
    for name, data in (("utf8", sjis_bytes.decode("cp932").encode("utf-8")), ("sjis", sjis_bytes)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / seed.name).write_bytes(data)
    utf8 = run(tmp_path / "utf8", tmp_path / "out_utf8")
    sjis = run(tmp_path / "sjis", tmp_path / "out_sjis")
    assert sjis.documents[0].encoding == "cp932"
    assert [m.model_dump() for m in sjis.mentions] == [m.model_dump() for m in utf8.mentions]


def test_a_few_damaged_bytes_are_read_as_replacement_characters(tmp_path):
    from pipeline.ingest import REPAIRED_STAGE
    from pipeline.run import run
    from tests.conftest import RAW

    seed = (RAW / "000_761058c0af17af92.txt").read_bytes()
    damaged = bytearray(seed)
    damaged[3000] = 0xFF  # one flipped byte
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "damaged.txt").write_bytes(bytes(damaged))
    result = run(raw, tmp_path / "out")
    assert [(e.doc_id, e.stage) for e in result.errors] == [("damaged", REPAIRED_STAGE)]
    assert "U+FFFD" in result.errors[0].reason
    text = (tmp_path / "out" / "text" / "damaged.txt").read_text(encoding="utf-8")
    assert text.count("\ufffd") >= 1 and len(result.mentions) > 60
    assert all(text[m.start : m.end] == m.surface for m in result.mentions)


@pytest.mark.parametrize(
    "content",
    [
        # damage everywhere: another encoding or not text at all
        bytes(b ^ 0x80 for b in GOOD.encode() * 20),
        GOOD.encode() + b"\x00" * 40,
    ],
)
def test_heavy_damage_is_still_refused(tmp_path, content):
    (tmp_path / "bad.txt").write_bytes(content)
    sources, errors = ingest(tmp_path)
    assert sources == [] and len(errors) == 1 and errors[0].stage == "ingest"


def test_a_mostly_ascii_shift_jis_file_is_decoded_not_repaired(tmp_path):
    text = "Press release. " * 1400 + "売上高は100億円。\n"  # 21 kB, 16 non-ASCII bytes
    (tmp_path / "sjis.txt").write_bytes(text.encode("cp932"))
    (source,), errors = ingest(tmp_path)
    assert errors == [] and source.repairs is None and "売上高は100億円" in source.text
