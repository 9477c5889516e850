"""Shared fixtures: one tagger per test session, and a one-call extractor for phrases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import DocumentText, extract
from pipeline.normalise import normalise
from pipeline.tokenise import make_tagger, sentences, tokenise
from schemas.records import Mention

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLD = Path(__file__).parent / "fixtures" / "gold"
DOC_DATE = date(2020, 5, 21)


@pytest.fixture(scope="session")
def tagger():
    return make_tagger()


@pytest.fixture(scope="session")
def mentions_of(tagger):
    """Extract the mentions of a phrase, as if from a document dated 2020-05-21."""

    def run(text: str, published: date | None = DOC_DATE) -> list[Mention]:
        norm = normalise(text)
        tokens = tokenise(norm.text, tagger)
        starts = [s for s, _ in sentences(norm.text)]
        return extract(DocumentText("t", norm, tokens, starts, published))

    return run


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One full run over the seeds in raw/, shared by the end-to-end tests."""
    from pipeline.run import run

    out = tmp_path_factory.mktemp("out")
    return run(RAW, out), out


@pytest.fixture
def run_text(tmp_path):
    """Run the whole pipeline on one document with the given text."""
    from pipeline.run import run

    def go(text: str, out: str = "out", **options):
        raw = tmp_path / "one_doc"
        raw.mkdir(exist_ok=True)
        (raw / "a.txt").write_text(text + "\n", encoding="utf-8")
        return run(raw, tmp_path / out, **options)

    return go
