"""HTML pages and PDF files: main text extracted, written to output/text, offsets into it."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.ingest import ingest
from pipeline.run import run

PAGE = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>ニュース</title>
<script>var budget = "1000万円";</script></head><body>
<header><nav><a href="/">ホーム</a> <a href="/news">ニュース一覧（2024年）</a></nav></header>
<main><article><h1>サンプル株式会社、連結売上高は1兆2,345億円</h1>
<p>サンプル株式会社は、2024年3月期の連結売上高が前期比12.3%増の1兆2,345億円となったと発表しました。</p>
<p>内訳は、国内事業が8,000億円、海外事業が4,345億円です。</p></article></main>
<aside><p>株価情報：3,010円（前日比35円高）</p></aside>
<footer><p>© 2024 Sample Inc. TEL 03-1234-5678</p></footer></body></html>"""


def _pdf(path, pages):
    pytest.importorskip("reportlab", reason="reportlab builds the PDF fixture (test extra)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("HeiseiKakuGo-W5", 11)
        for n, line in enumerate(lines):
            c.drawString(40, 800 - 18 * n, line)
        c.showPage()
    c.save()


def _surfaces_match_text(out, result):
    mentions = pd.read_parquet(out / "mentions.parquet")
    for doc in result.documents:
        text = (out / "text" / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        rows = mentions[mentions["doc_id"] == doc.doc_id]
        assert len(rows)
        assert all(text[r.start : r.end] == r.surface for r in rows.itertuples())


def test_html_main_text_only(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text(PAGE, encoding="utf-8")
    result = run(raw, tmp_path / "out")
    assert result.documents[0].format == "html"
    surfaces = {m.surface for m in result.mentions}
    assert {"1兆2,345億円", "12.3%", "8,000億円", "4,345億円"} <= surfaces
    assert not surfaces & {"1000万円", "3,010円", "35円"}  # script and sidebar are not text
    _surfaces_match_text(tmp_path / "out", result)
    assert [c.status for c in result.checks if c.rule == "sum"] == ["pass"]


def test_html_publication_date_comes_from_the_page_markup(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    marked = PAGE.replace(
        "<title>",
        '<meta property="article:published_time" content="2024-05-10T09:00:00+09:00"><title>',
    )
    (raw / "page.html").write_text(marked, encoding="utf-8")
    (raw / "plain.html").write_text(PAGE, encoding="utf-8")
    result = run(raw, tmp_path / "out")
    dated = {d.doc_id: (d.published, d.published_source) for d in result.documents}
    assert dated["page"] == ("2024-05-10", "metadata")
    assert dated["plain"][0] != "2024-05-10"  # a page without the markup is not given one


def test_pdf_text_layer_with_broken_lines(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _pdf(
        raw / "report.pdf",
        [
            [
                "2020年3月31日時点で、合計 33 億 5,600 万元（503.40 億円）を拠出。",
                "内訳は、A社が 27 億 6,300 万元（414.45 億円）、B社が",
                "5 億 9,300 万元（88.95 億円）です。1元=15円で換算。",
            ],
            ["期間は 1 月", "23日から3月2日まで。"],
        ],
    )
    result = run(raw, tmp_path / "out")
    assert result.documents[0].format == "pdf"
    by_kind = {(m.kind, " ".join(m.surface.split())) for m in result.mentions}
    assert ("money", "33 億 5,600 万元") in by_kind and ("rate", "1元=15円") in by_kind
    assert any(k == "period" for k, _ in by_kind)
    _surfaces_match_text(tmp_path / "out", result)
    assert {c.status for c in result.checks if c.rule in ("sum", "conversion")} == {"pass"}


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "PDF"),
        (
            "empty_page.html",
            b"<html><body><script>var x = 1;</script></body></html>",
            "no main text",
        ),
    ],
)
def test_bad_html_and_pdf_are_refused_clearly(tmp_path, name, content, reason):
    (tmp_path / "good.txt").write_text("売上は100万円。\n", encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    sources, errors = ingest(tmp_path)
    assert [s.doc_id for s in sources] == ["good"]
    assert name in errors[0].reason and reason in errors[0].reason


def test_pdf_without_text_layer_is_refused(tmp_path):
    pytest.importorskip("reportlab", reason="reportlab builds the PDF fixture (test extra)")
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(50, 50, 200, 200)
    c.showPage()
    c.save()
    _, errors = ingest(tmp_path)
    assert "no text layer" in errors[0].reason
