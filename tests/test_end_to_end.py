"""Whole runs over the seed documents: contract, gold scores, PDF care, atomic output."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from pipeline.evaluate import evaluate, load_gold, predicted_mentions
from pipeline.run import run
from schemas.records import TABLES, Mention
from schemas.tables import TableRows, frame, pandas_dtypes, table_schema, validate
from tests.conftest import GOLD, RAW

PDF_SEED = "001_7b0533415791930b"
#: the contract's required columns (../shared/CONTRACT.md), checked against our schemas
CONTRACT_COLUMNS = {
    "documents": {
        "doc_id",
        "source_path",
        "sha256",
        "format",
        "published",
        "published_source",
        "n_chars",
        "n_sentences",
    },
    "mentions": {
        "mention_id",
        "doc_id",
        "start",
        "end",
        "line",
        "surface",
        "sentence_id",
        "kind",
        "value",
        "value_low",
        "value_high",
        "bound",
        "approx",
        "unit",
        "object",
        "subject",
        "as_of",
        "date_start",
        "date_end",
        "date_precision",
        "year_inferred",
    },
}


def _text(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_text(encoding="utf-8-sig")


def test_schemas_cover_the_contract():
    for table, cols in CONTRACT_COLUMNS.items():
        assert cols <= set(TABLES[table].model_fields)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_frames_get_the_dtypes_their_schemas_validate(table):
    schema = table_schema(table)
    declared = {
        c: col.dtype.type for c, col in schema.columns.items() if str(col.dtype) != "object"
    }
    assert pandas_dtypes(table) == declared
    assert schema.validate(frame(table, [])) is not None


@pytest.mark.parametrize("table", sorted(TABLES))
def test_an_empty_table_is_valid_by_its_columns_alone(table):
    """``validate`` skips pandera for a table without rows: it must agree with pandera."""
    empty = frame(table, [])
    assert validate(table, empty) is None and table_schema(table).validate(empty) is not None
    reordered = empty[list(reversed(empty.columns))]
    assert validate(table, reordered) is not None


def test_trusted_records_equal_validated_ones_and_need_every_field(seed_run):
    m = seed_run[0].mentions[0]
    assert Mention.trusted(dict(m.__dict__)) == Mention(**m.model_dump())
    assert m.amended(subject="X").model_dump() == {**m.model_dump(), "subject": "X"}
    with pytest.raises(ValueError, match="needs exactly the fields"):
        Mention.trusted({k: v for k, v in m.__dict__.items() if k != "subject"})
    with pytest.raises(ValueError, match="needs exactly the fields"):
        m.amended(colour="red")


def test_a_tables_digest_follows_its_values_not_the_objects_holding_them(seed_run):
    """A table in place is recognised by the digest of its rows (``TableRows.digest``)."""
    mentions = seed_run[0].mentions
    copies = [Mention.trusted(dict(m.__dict__)) for m in mentions]
    digest = TableRows("mentions", mentions).digest()
    assert TableRows("mentions", copies).digest() == digest
    as_dicts = [{k: v for k, v in reversed(m.__dict__.items())} for m in mentions]
    assert TableRows("mentions", as_dicts).digest() == digest
    changed = [*mentions[:-1], mentions[-1].amended(value=(mentions[-1].value or 0) + 1)]
    assert TableRows("mentions", changed).digest() != digest
    assert TableRows("mentions", mentions[:-1]).digest() != digest
    assert TableRows("mentions", mentions).frame().equals(frame("mentions", mentions))


def test_run_writes_every_table_in_both_formats(seed_run):
    _, out = seed_run
    for table in ("documents", "mentions", "errors"):
        assert (out / f"{table}.parquet").exists() and (out / f"{table}.csv").exists()
    assert (out / "tokens.parquet").exists()
    csv = pd.read_csv(out / "mentions.csv")
    assert len(csv) == len(pd.read_parquet(out / "mentions.parquet"))


def test_every_surface_is_its_source_slice(seed_run):
    result, _ = seed_run
    texts = {d.doc_id: _text(d.doc_id) for d in result.documents}
    for m in result.mentions:
        assert texts[m.doc_id][m.start : m.end] == m.surface
        assert m.mention_id == f"{m.doc_id}:{m.start}"
        assert texts[m.doc_id].count("\n", 0, m.start) + 1 == m.line


def test_documents_are_dated_from_their_text(seed_run):
    result, _ = seed_run
    dated = {d.doc_id: (d.published, d.published_source) for d in result.documents}
    assert dated["000_761058c0af17af92"] == ("2020-05-21", "text")
    assert dated[PDF_SEED] == ("2020-05-10", "text")


def test_gold_scores(seed_run):
    _, out = seed_run
    result = evaluate(load_gold(GOLD / "000_761058c0af17af92.jsonl"), predicted_mentions(out))
    assert result.strict.f1 >= 0.95, (result.missed, result.spurious, result.wrong)
    assert result.detection.f1 >= 0.98


def test_pdf_seed_spans_never_cut_through_a_number(seed_run):
    result, _ = seed_run
    text = _text(PDF_SEED)
    for m in (m for m in result.mentions if m.doc_id == PDF_SEED):
        before, after = text[m.start - 1 : m.start], text[m.end : m.end + 1]
        assert not (before.isdigit() or before in ",."), m.surface
        assert not after.isdigit(), m.surface
        if after in ",." and m.end + 1 < len(text):
            assert not text[m.end + 1].isdigit(), m.surface


def test_pdf_seed_amounts_in_oku_and_man_are_all_found(seed_run):
    result, _ = seed_run
    text = _text(PDF_SEED)
    found = {m.start for m in result.mentions if m.doc_id == PDF_SEED}
    covered = {i for m in result.mentions if m.doc_id == PDF_SEED for i in range(m.start, m.end)}
    pattern = r"[\d,.]+ ?億 ?(?:[\d,]+ ?万)? ?(?:元|円)|[\d,]+ ?万 ?人"
    written = list(re.finditer(pattern, text))
    assert len(written) > 30
    for w in written:
        assert w.start() in covered, w.group()
    assert found


def test_failed_run_keeps_previous_output(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    run(raw, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    import pyarrow.parquet as pq

    calls = {"n": 0}
    real = pq.write_table

    def crash_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", crash_on_second)
    (raw / "extra.txt").write_text("新しい文書。100万円。", encoding="utf-8")
    with pytest.raises(OSError):
        run(raw, out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]


def test_one_bad_file_does_not_stop_the_run(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "broken.txt").write_bytes("Café déjà vu".encode("latin-1"))
    result = run(raw, tmp_path / "out")
    assert len(result.documents) == 2
    assert [e.doc_id for e in result.errors] == ["broken"]
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert errors["doc_id"].tolist() == ["broken"]
