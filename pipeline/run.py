"""The whole pipeline, one line per stage: ingest, normalise, tokenise, extract, export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.cache import DocumentCache
from pipeline.changes import changes_since
from pipeline.checks import cross_validate
from pipeline.checks.evidence import Evidence, Finding
from pipeline.checks.schema import schema_checks
from pipeline.checks.stored import as_rows, from_rows
from pipeline.ingest import CONVERTED, SourceText, ingest
from pipeline.link.aliases import build_entities, user_aliases
from pipeline.link.entities import name_key
from pipeline.link.linked import LinkedDocument
from pipeline.patterns.check_cues import APPROX_TOLERANCE
from pipeline.processed import DocumentResult
from pipeline.report import context, report_files
from pipeline.reviews import apply_reviews, load_reviews
from pipeline.runtime import run_settings
from pipeline.store import Serialised, Staging, staged_output
from schemas.records import Change, Check, Document, Entity, Mention, SourceError
from schemas.tables import TableRows

if TYPE_CHECKING:
    from pipeline.store import TableLike


@dataclass
class RunResult:
    documents: list[Document] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: where each entity is named: rows of the entity_mentions table, in field order
    entity_mentions: TableRows = field(
        default_factory=lambda: TableRows("entity_mentions", [], tuples=True)
    )
    texts: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    cache_hits: int = 0
    seconds_saved: float = 0.0


def _with_schema_checks(
    staging: Staging,
    tables: dict[str, TableLike],
    inputs: dict[str, str],
    checks: list[Check],
) -> tuple[list[Check], dict[str, Serialised], frozenset[str]]:
    """The checks with one schema check per table, each table serialised, and the tables
    validated already; ``tables["checks"]`` becomes the final checks table.

    A table with the content the output folder holds was validated by the run that
    wrote it and is not validated again (``inputs`` name what some tables are built
    from: see ``Staging.serialise``).  The checks table holds the schema checks
    themselves: when, assuming it valid, it comes out as the table in place, the
    assumption held; otherwise it is validated.
    """
    # the checks table is serialised once it holds the schema checks, below
    serialised = {
        name: staging.serialise(name, table, inputs.get(name))
        for name, table in tables.items()
        if name != "checks"
    }
    built = {name: s.frame for name, s in serialised.items() if s.frame is not None}
    known = {name: s.rows for name, s in serialised.items() if s.in_place}
    pre = tables["checks"]
    assert isinstance(pre, TableRows)
    for assumed in ({**known, "checks": len(pre)}, known):
        # assumed valid, the checks table need not be built to say so
        frames = built if "checks" in assumed else {**built, "checks": pre.frame()}
        schema, failed = schema_checks(frames, assumed)
        final = TableRows("checks", checks + schema)
        serialised["checks"] = staging.serialise("checks", final)
        if serialised["checks"].in_place:
            break
    tables["checks"] = final
    # tables whose schema check passed need no second validation at commit
    return checks + schema, serialised, frozenset(tables) - failed - {"checks"}


def _tokens_of(source: SourceText, cache: DocumentCache) -> pa.Table | None:
    """A document's token table from its cache entry, or computed again."""
    tokens = cache.tokens(source)
    if tokens is None:
        doc, _ = _processing().process_timed(source)
        tokens = doc.tokens if isinstance(doc, DocumentResult) else None
    return tokens


def _processing() -> ModuleType:
    """The per-document stages, loaded when a document must be computed: a re-run whose
    documents all come from the cache never loads the tagger or the extraction rules
    (about a tenth of a second, a twentieth of such a run)."""
    from pipeline import document

    return document


def _digest(mapping: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(mapping.items())).encode()).hexdigest()


def _resolve_entities(
    result: RunResult, linked: dict[str, LinkedDocument], same: list[tuple[str, str]]
) -> dict[str, str]:
    """Merge names across documents; make subjects canonical; place entity mentions.

    Returns each name key's canonical name: all a figure's subject depends on.
    """
    names = [n for doc in linked.values() for n in doc.names]
    pairs = [p for doc in linked.values() for p in doc.same] + same
    result.entities, id_of = build_entities(names, pairs)
    canonical = {e.entity_id: e.name for e in result.entities}

    def canonical_subject(m: Mention) -> Mention:
        name = canonical.get(id_of.get(name_key(m.subject), "")) if m.subject else None
        return m if name == m.subject else m.amended(subject=name)

    result.mentions = [canonical_subject(m) for m in result.mentions]
    # column by column: a record object per occurrence would cost more than the rest
    # of the run's memory per document; the table schema validates every row
    places = [
        (doc_id, s, e, surface, id_of[key])
        for doc_id, doc in linked.items()
        for s, e, surface, name in doc.occurrences
        if (key := name_key(name)) in id_of
    ]
    result.entity_mentions = TableRows("entity_mentions", places, tuples=True)
    return {key: canonical[entity_id] for key, entity_id in id_of.items()}


def _findings_keys(
    cache: DocumentCache,
    sources: list[SourceText],
    mentions: list[Mention],
    places: list[tuple[str, int, str]],
    approx_tolerance: float,
) -> dict[str, str]:
    """Each document's key for its own findings: its cache key, and what the run links it
    to (its figures' canonical subjects, its entity places) and the tolerance, the only
    inputs of a document's checks that other documents or the settings can change."""
    subjects: dict[str, list[str]] = {s.doc_id: [] for s in sources}
    for m in mentions:
        subjects[m.doc_id].append(m.subject or "")
    entities: dict[str, list[str]] = {s.doc_id: [] for s in sources}
    for doc_id, start, entity_id in places:
        entities[doc_id].append(f"{start}:{entity_id}")
    return {
        s.doc_id: cache.derived_key(
            s,
            repr(approx_tolerance),
            "\x1f".join(subjects[s.doc_id]),
            " ".join(entities[s.doc_id]),
        )
        for s in sources
    }


def _known_findings(
    cache: DocumentCache, keys: dict[str, str], evidence: Evidence
) -> dict[str, list[Finding]]:
    """The documents' own findings stored by an earlier run with the same keys."""
    known = {}
    for doc_id, key in keys.items():
        rows = cache.load_findings(key)
        found = from_rows(rows, evidence, doc_id) if rows is not None else None
        if found is not None:
            known[doc_id] = found
    return known


def run(
    raw_dir: Path,
    out_dir: Path,
    progress: Callable[[Iterable[SourceText]], Iterable[SourceText]] = iter,
    cache: DocumentCache | None = None,
    jobs: int = 1,
    date_hints: dict[str, date] | None = None,
    approx_tolerance: float = APPROX_TOLERANCE,
) -> RunResult:
    """Run every stage over ``raw_dir`` and write the tables to ``out_dir``."""
    with run_settings():
        return _run(raw_dir, out_dir, progress, cache, jobs, date_hints or {}, approx_tolerance)


@dataclass
class _Gathered:
    """What the per-document stages leave for the cross-document ones."""

    #: doc_id -> names, aliases and entity places (mentions left out: they are in result)
    linked: dict[str, LinkedDocument] = field(default_factory=dict)
    #: documents whose text is written to output/text/ (converted or repaired)
    converted: set[str] = field(default_factory=set)
    #: the sources read successfully, in order
    written: list[SourceText] = field(default_factory=list)
    #: the output's tokens.parquet was left in place, not rewritten
    kept_tokens: bool = False


def _tokens_in_place(
    staging: Staging, cache: DocumentCache | None, sources: list[SourceText], cached: set[str]
) -> bool:
    """Whether every document is unchanged since the run that wrote the token table."""
    return (
        cache is not None
        and bool(sources)
        and len(cached) == len(sources)
        and staging.built_from("tokens") == cache.fingerprint(sources)
    )


def _gather(
    sources: list[SourceText],
    result: RunResult,
    staging: Staging,
    cache: DocumentCache | None,
    jobs: int,
    progress: Callable[[Iterable[SourceText]], Iterable[SourceText]],
) -> _Gathered:
    """Each document from the cache or computed, into ``result``; tokens staged unless
    the table in place already holds them."""
    # which documents the cache holds is known up front; entries are loaded one at a time
    cached_ids = {s.doc_id for s in sources if cache and cache.holds(s)}
    todo = [s for s in sources if s.doc_id not in cached_ids]
    fresh = _processing().process_all(todo, jobs) if todo else iter(())
    gathered = _Gathered(kept_tokens=_tokens_in_place(staging, cache, sources, cached_ids))
    for source in progress(sources):
        hit = cache.load(source) if cache and source.doc_id in cached_ids else None
        if cache and hit is not None and not gathered.kept_tokens:
            tokens = cache.tokens(source)
            hit = (replace(hit[0], tokens=tokens), hit[1]) if tokens is not None else None
        if hit is not None:
            doc, seconds = hit
            result.cache_hits += 1
            result.seconds_saved += seconds
        else:
            # an entry damaged since we looked is computed here, in this process
            doc, seconds = (
                _processing().process_timed(source) if source.doc_id in cached_ids else next(fresh)
            )
            if isinstance(doc, SourceError):
                result.errors.append(doc)
                continue
            if cache:
                cache.store(source, doc, seconds)
        result.documents.append(doc.document)
        result.mentions.extend(doc.mentions)
        result.texts[source.doc_id] = doc.text
        if source.format in CONVERTED or source.repairs:
            gathered.converted.add(source.doc_id)
        result.sentences[source.doc_id] = doc.sentences
        # its mentions are in result.mentions; a second reference would keep the
        # pre-canonical generation alive once subjects are made canonical
        gathered.linked[source.doc_id] = replace(doc.linked, mentions=[])
        gathered.written.append(source)
        if not gathered.kept_tokens:
            staging.append_arrow("tokens", doc.tokens)
    if (
        cache
        and gathered.kept_tokens
        and cache.fingerprint(gathered.written) != cache.fingerprint(sources)
    ):
        # a document failed this time although its entry said it had not: rebuild
        gathered.kept_tokens = False
        for source in gathered.written:
            if (tokens := _tokens_of(source, cache)) is not None:
                staging.append_arrow("tokens", tokens)
    return gathered


def _run(
    raw_dir: Path,
    out_dir: Path,
    progress: Callable[[Iterable[SourceText]], Iterable[SourceText]],
    cache: DocumentCache | None,
    jobs: int,
    date_hints: dict[str, date],
    approx_tolerance: float,
) -> RunResult:
    sources, errors = ingest(raw_dir, date_hints)
    result = RunResult(errors=list(errors))
    with staged_output(out_dir) as staging:
        gathered = _gather(sources, result, staging, cache, jobs, progress)
        linked, converted, written = gathered.linked, gathered.converted, gathered.written
        naming = _resolve_entities(result, linked, user_aliases(raw_dir))
        # the mentions table is the documents' figures with canonical subjects: when both
        # are as the run that wrote it had them, it is in place without being built
        inputs = {"mentions": f"{cache.fingerprint(written)}:{_digest(naming)}"} if cache else {}
        linked.clear()  # names and places are in result now; not held through the checks
        places = [
            (doc_id, start, entity_id)
            for doc_id, start, _, _, entity_id in result.entity_mentions.rows
        ]
        evidence = Evidence.build(
            result.mentions,
            result.texts,
            result.sentences,
            places,
            approx_tolerance,
            {d.doc_id: d.published for d in result.documents},
        )
        keys = (
            _findings_keys(cache, written, result.mentions, places, approx_tolerance)
            if cache
            else {}
        )
        known = _known_findings(cache, keys, evidence) if cache else {}
        checks, within = cross_validate(evidence, known)
        if cache:
            for doc_id, found in within.items():
                if doc_id not in known:
                    cache.store_findings(keys[doc_id], as_rows(found))
        result.checks = apply_reviews(checks, result.mentions, load_reviews(raw_dir))
        result.changes = changes_since(out_dir, result.documents, result.mentions, result.checks)
        tables: dict[str, TableLike] = {
            "documents": TableRows("documents", result.documents),
            "mentions": TableRows("mentions", result.mentions),
            "errors": TableRows("errors", result.errors),
            "entities": TableRows("entities", result.entities),
            "entity_mentions": result.entity_mentions,
            "checks": TableRows("checks", result.checks),
            "changes": TableRows("changes", result.changes),
        }
        result.checks, serialised, trusted = _with_schema_checks(
            staging, tables, inputs, result.checks
        )
        report = report_files(
            context(
                result.checks,
                result.mentions,
                result.texts,
                evidence.sentence_span,
                result.errors,
                len(result.documents),
                result.changes,
            )
        )
        if not result.documents:
            tables["tokens"] = TableRows("tokens", [])
        texts = {
            f"text/{doc_id}.txt": text
            for doc_id, text in result.texts.items()
            if doc_id in converted
        }
        result.written = staging.commit(
            tables,
            serialised,
            report | texts,
            trusted,
            built_from={"tokens": cache.fingerprint(written)}
            if cache and not gathered.kept_tokens
            else {},
        )
    return result
