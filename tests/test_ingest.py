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
        ("sjis.txt", "売上は100万円".encode("cp932"), "not valid UTF-8"),
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
