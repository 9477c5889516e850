"""The whole pipeline, one line per stage: ingest, normalise, tokenise, extract, export."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import fugashi
import numpy as np
import pyarrow as pa

from pipeline.dating import date_from_text
from pipeline.extract import DocumentText, extract
from pipeline.ingest import SourceText, ingest
from pipeline.normalise import NormalisedText, normalise
from pipeline.store import staged_output
from pipeline.tokenise import Tokens, make_tagger, sentences, tokenise
from schemas.records import Document, Mention, SourceError
from schemas.tables import arrow_schema, frame
from schemas.vocab import PublishedSource


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    mentions: list[Mention]
    tokens: pa.Table
    text: str


@dataclass
class RunResult:
    documents: list[Document] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def process(source: SourceText, tagger: fugashi.Tagger) -> DocumentResult:
    """Normalise, tokenise and extract one document."""
    norm = normalise(source.text)
    published, published_source = source.published, PublishedSource.METADATA
    if published is None:
        published = date_from_text(norm.text)
        published_source = PublishedSource.TEXT if published else PublishedSource.EMPTY
    tokens = tokenise(norm.text, tagger)
    sentence_starts = [s for s, _ in sentences(norm.text)]
    mentions = extract(DocumentText(source.doc_id, norm, tokens, sentence_starts, published))
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
    return DocumentResult(document, mentions, token_table, source.text)


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


def run(
    raw_dir: Path,
    out_dir: Path,
    progress: Callable[[Iterable[SourceText]], Iterable[SourceText]] = iter,
) -> RunResult:
    """Run every stage over ``raw_dir`` and write the tables to ``out_dir``."""
    sources, errors = ingest(raw_dir)
    result = RunResult(errors=list(errors))
    tagger = make_tagger()
    with staged_output(out_dir) as staging:
        for source in progress(sources):
            try:
                doc = process(source, tagger)
            except Exception as err:  # one broken document must not stop the others
                result.errors.append(_failure(source, err))
                continue
            result.documents.append(doc.document)
            result.mentions.extend(doc.mentions)
            staging.append_arrow("tokens", doc.tokens)
        tables = {
            "documents": frame("documents", result.documents),
            "mentions": frame("mentions", result.mentions),
            "errors": frame("errors", result.errors),
        }
        if not result.documents:
            tables["tokens"] = frame("tokens", [])
        result.written = staging.commit(tables)
    return result
