"""Per-document cache: unchanged documents are not normalised, tokenised or extracted again.

An entry is keyed by the file's content hash, its path and sidecar date, and a hash of
the pipeline's own code, so any change to a document or to the program invalidates it.
A document's own check findings are kept under a key that adds what the run links the
document to (canonical subjects, entity ids, tolerance); cross-document work (entities,
checks across documents, report) is always recomputed.  Entries are
written atomically; an unreadable entry is discarded and the document processed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa

import pipeline
import schemas
from pipeline.ingest import SourceText

CACHE_FOLDER = ".cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of every source file of the program: a new version invalidates every entry."""
    digest = hashlib.sha256()
    for package in (pipeline, schemas):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class DocumentCache:
    """Where entries live, and whether to read them (``--no-cache`` only writes)."""

    folder: Path
    read: bool = True

    def key(self, source: SourceText) -> str:
        parts = [
            code_version(),
            source.doc_id,
            str(source.path),
            source.sha256,
            str(source.published),
            source.format,
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def fingerprint(self, sources: list[SourceText]) -> str:
        """One key for a sequence of documents: equal when every entry would be."""
        return hashlib.sha256("|".join(self.key(s) for s in sources).encode()).hexdigest()

    def holds(self, source: SourceText) -> bool:
        return self.read and (self.folder / f"{self.key(source)}.pickle").exists()

    def load(self, source: SourceText) -> tuple[object, float] | None:
        """(cached result without its tokens, seconds it took to compute) or None.

        Tokens are the bulk of an entry and a re-run whose token table is unchanged
        never needs them, so they are kept apart and read by ``tokens`` on demand.
        """
        return self._unpickled(self.folder / f"{self.key(source)}.pickle")

    def derived_key(self, source: SourceText, *inputs: str) -> str:
        """A key for something computed from the document and other ``inputs`` (what the
        run links it to): equal only when the document's key and every input are."""
        return hashlib.sha256("|".join((self.key(source), *inputs)).encode()).hexdigest()

    def load_findings(self, key: str) -> list[tuple] | None:
        """A document's own check findings as plain rows (see ``store_findings``), or
        None when missing or damaged."""
        return self._unpickled(self.folder / f"{key}.findings.pickle")

    def _unpickled(self, path: Path) -> Any:
        if not self.read:
            return None
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            path.unlink(missing_ok=True)  # a damaged entry is recomputed, never trusted
            return None

    def store_findings(self, key: str, rows: list[tuple]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._atomic(f"{key}.findings.pickle") as fh:
            pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def tokens(self, source: SourceText) -> pa.Table | None:
        """The document's token table as stored with its entry, or None when missing or
        damaged (the caller then computes the document again)."""
        path = self.folder / f"{self.key(source)}.tokens.arrow"
        try:
            # read into memory, not mapped: the table outlives this file handle
            with pa.OSFile(str(path)) as handle:
                return pa.ipc.open_file(handle).read_all()
        except FileNotFoundError:
            return None
        except (OSError, pa.ArrowInvalid):
            path.unlink(missing_ok=True)
            return None

    def store(self, source: SourceText, result: Any, seconds: float) -> None:
        """Write the tokens (``result.tokens``), then the rest: an entry whose pickle
        exists has had its tokens written first."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = self.key(source)
        with self._atomic(f"{key}.tokens.arrow") as fh:
            with pa.ipc.new_file(fh, result.tokens.schema) as writer:
                writer.write_table(result.tokens)
        with self._atomic(f"{key}.pickle") as fh:
            pickle.dump(
                (replace(result, tokens=None), seconds), fh, protocol=pickle.HIGHEST_PROTOCOL
            )

    @contextmanager
    def _atomic(self, name: str) -> Iterator[BinaryIO]:
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh
            os.replace(tmp, self.folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
