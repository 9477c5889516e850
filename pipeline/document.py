"""Stages 2 to 5 over one document: normalise, tokenise, extract and link.

Needs: a ``SourceText`` and a tagger.  Produces: a ``DocumentResult`` (or a
``SourceError`` when the document breaks a rule's code).  ``process_all`` runs many
documents in this process or in worker processes (``--jobs``), results in input order.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import fugashi
import numpy as np
import pyarrow as pa

from pipeline.dating import date_from_text
from pipeline.extract import DocumentText, extract
from pipeline.ingest import SourceText
from pipeline.link.document import link
from pipeline.normalise import NormalisedText, normalise
from pipeline.processed import DocumentResult
from pipeline.runtime import pause_full_collections, use_system_allocator
from pipeline.tokenise import Tokens, make_tagger, sentences, tokenise
from schemas.records import Document, SourceError
from schemas.tables import arrow_schema
from schemas.vocab import PublishedSource


def process(source: SourceText, tagger: fugashi.Tagger) -> DocumentResult:
    """Normalise, tokenise and extract one document."""
    norm = normalise(source.text)
    published, published_source = source.published, PublishedSource.METADATA
    if published is None:
        published = date_from_text(norm.text)
        published_source = PublishedSource.TEXT if published else PublishedSource.EMPTY
    tokens = tokenise(norm.text, tagger)
    sentence_spans = sentences(norm.text)
    sentence_starts = [s for s, _ in sentence_spans]
    mentions = extract(DocumentText(source.doc_id, norm, tokens, sentence_starts, published))
    linked = link(norm, tokens, sentence_spans, mentions)
    token_table = _token_table(source.doc_id, norm, tokens, sentence_starts)
    document = Document(
        doc_id=source.doc_id,
        source_path=str(source.path),
        sha256=source.sha256,
        format=source.format,
        encoding=source.encoding,
        published=published.isoformat() if published else None,
        published_source=published_source,
        n_chars=len(source.text),
        n_sentences=len(sentence_starts),
    )
    starts = norm.starts_to_source(np.array([a for a, _ in sentence_spans], dtype=np.int64))
    ends = norm.ends_to_source(np.array([b for _, b in sentence_spans], dtype=np.int64))
    source_sentences = list(zip(starts.tolist(), ends.tolist(), strict=True))
    return DocumentResult(
        document, linked.mentions, token_table, source.text, linked, source_sentences
    )


def _token_table(
    doc_id: str, norm: NormalisedText, tokens: Tokens, sentence_starts: list[int]
) -> pa.Table:
    """The tokens of one document with source offsets, built straight into Arrow."""
    columns = {
        "doc_id": [doc_id] * len(tokens),
        "sentence_id": np.maximum(np.searchsorted(sentence_starts, tokens.starts, "right") - 1, 0),
        "start": norm.starts_to_source(tokens.starts),
        "end": norm.ends_to_source(tokens.ends),
        "surface": tokens.surfaces,
        "pos": tokens.pos_tags,
        "lemma": tokens.lemmas,
    }
    return pa.Table.from_pydict(columns, schema=arrow_schema("tokens"))


def _failure(source: SourceText, err: Exception) -> SourceError:
    where = traceback.extract_tb(err.__traceback__)[-1]
    return SourceError(
        source_path=str(source.path),
        doc_id=source.doc_id,
        stage="process",
        reason=f"{source.path}: internal error {type(err).__name__}: {err} "
        f"(at {Path(where.filename).name}:{where.lineno}); please report it with this file",
    )


#: the tagger of a worker process (``--jobs``): one per process, made by ``_start_worker``
_WORKER_TAGGER: fugashi.Tagger | None = None


def _start_worker() -> None:
    global _WORKER_TAGGER
    pause_full_collections()
    use_system_allocator()
    _WORKER_TAGGER = make_tagger()


def process_timed(
    source: SourceText, tagger: fugashi.Tagger | None = None
) -> tuple[DocumentResult | SourceError, float]:
    """Process one document (with a tagger of its own when given none); a failure
    becomes an error row, never an exception."""
    started = time.perf_counter()
    try:
        return process(source, tagger or make_tagger()), time.perf_counter() - started
    except Exception as err:  # one broken document must not stop the others
        return _failure(source, err), time.perf_counter() - started


def _in_worker(source: SourceText) -> tuple[DocumentResult | SourceError, float]:
    return process_timed(source, _WORKER_TAGGER)


def process_all(
    sources: list[SourceText], jobs: int
) -> Iterator[tuple[DocumentResult | SourceError, float]]:
    """Results in input order, from this process or from ``jobs`` worker processes."""
    if jobs <= 1 or len(sources) <= 1:
        tagger = make_tagger()
        for source in sources:
            yield process_timed(source, tagger)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
        yield from pool.map(_in_worker, sources, chunksize=max(1, len(sources) // (jobs * 8)))
