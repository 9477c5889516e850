"""Per-document cache: unchanged documents are not normalised, tokenised or extracted again.

An entry is keyed by the file's content hash, its path and sidecar date, and a hash of
the pipeline's own code, so any change to a document or to the program invalidates it.
Cross-document work (entities, checks, report) is always recomputed.  Entries are
written atomically; an unreadable entry is discarded and the document processed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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

    def holds(self, source: SourceText) -> bool:
        return self.read and (self.folder / f"{self.key(source)}.pickle").exists()

    def load(self, source: SourceText) -> tuple[object, float] | None:
        """(cached result, seconds it took to compute) or None."""
        if not self.read:
            return None
        path = self.folder / f"{self.key(source)}.pickle"
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            path.unlink(missing_ok=True)  # a damaged entry is recomputed, never trusted
            return None

    def store(self, source: SourceText, result: object, seconds: float) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((result, seconds), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / f"{self.key(source)}.pickle")
