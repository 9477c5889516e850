"""Stage 7, export: the only writer.  Validates each table, then writes all atomically.

Tables are validated by their pandera schema first; a failure is a bug and stops the
run before anything is replaced.  Every file is written into a staging folder and
renamed into place only when all of them were written, so a failed or interrupted
run leaves the previous complete output as it was.  Big tables (tokens) are
appended document by document, so memory does not grow with the corpus.  A table
whose content the output already holds (a content key in its Parquet metadata says
so) is neither validated nor written again: a re-run on unchanged input rewrites
only its report.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.cache import code_version
from schemas.tables import TableRows, validate

if TYPE_CHECKING:  # pandas is loaded only to validate or write a table that changed
    import pandas as pd

    #: a table: its rows, built into a DataFrame only when needed (``serialise``);
    #: or a DataFrame, or how to build one when it turns out to be needed
    TableLike: TypeAlias = TableRows | pd.DataFrame | Callable[[], pd.DataFrame]

#: big tables that are only useful to programs: Parquet only, no CSV copy
PARQUET_ONLY = frozenset({"tokens"})
#: NOTE: rows per Parquet row group; Arrow encodes a whole group at once, and its default
#: (a million rows: every table in one group) raised a 300-file run's peak by ~15 MB
ROW_GROUP_ROWS = 4096
#: Parquet metadata entry naming what an appended table was built from (``commit``)
BUILT_FROM = b"crosscheck.built_from"
#: Parquet metadata entry naming the program version and content of a table (``_content_key``)
CONTENT = b"crosscheck.content"


class SchemaViolation(Exception):
    """A table does not satisfy its schema; carries every failing case."""

    def __init__(self, table: str, failures: pd.DataFrame) -> None:
        self.table = table
        self.failures = failures
        super().__init__(
            f"table {table!r} violates its schema ({len(failures)} failure(s)):\n"
            + failures.head(20).to_string()
        )


def _check(name: str, df: pd.DataFrame) -> None:
    failures = validate(name, df)
    if failures is not None:
        raise SchemaViolation(name, failures)


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with '|' as the contract says; everything else as written."""
    joined = {
        col: df[col].map(lambda v: "|".join(map(str, v)) if isinstance(v, list | tuple) else v)
        for col in df.columns
        if df[col].dtype == object and df[col].map(lambda v: isinstance(v, list | tuple)).any()
    }
    # only the joined columns are new: a copy of a whole big table would be held twice
    return df.assign(**joined) if joined else df


@dataclass(frozen=True)
class Serialised:
    """Whether a table's Parquet file is staged, or the output already holds the table."""

    #: its Parquet file waits in the staging folder (not when in place, nor when the
    #: frame does not convert to Arrow: its validation then says why)
    staged: bool
    #: the output folder's file has the same content, written by this program version
    #: after validating it, and its CSV is there too
    in_place: bool
    rows: int
    #: the table as built; None when its inputs showed it in place before building it
    frame: pd.DataFrame | None


def _content_key(table: pa.Table) -> bytes:
    """The program version and a digest of the table's Arrow data: equal keys, equal files.

    Arrow's own stream format is hashed rather than Parquet: compressing every table on
    every run cost more than all the rest of writing an unchanged run's output.
    """
    # the stream is hashed as it is written: held whole, it cost a big table's size again
    hashing = _Hashing()
    with pa.ipc.new_stream(pa.PythonFile(hashing, mode="w"), table.schema) as stream:
        stream.write_table(table)
    return f"{code_version()}:{hashing.hasher.hexdigest()}".encode()


class _Hashing:
    """A write-only file that feeds what is written to a hash and keeps nothing."""

    def __init__(self) -> None:
        self.hasher = hashlib.blake2b(digest_size=20)
        self.closed = False

    def write(self, data: bytes) -> int:
        self.hasher.update(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class Staging:
    """Files being written for one run; nothing in the output folder changes until commit."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        # NOTE: a run killed before its commit leaves its staging folder; one output
        # folder serves one run at a time, so any staging folder found now is abandoned
        for abandoned in out_dir.glob(".staging-*"):
            shutil.rmtree(abandoned, ignore_errors=True)
        self.out_dir = out_dir
        self.dir = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        self._writers: dict[str, pq.ParquetWriter] = {}

    def append_arrow(self, name: str, table: pa.Table) -> None:
        """Append rows already typed by ``schemas.tables.arrow_schema`` (no pandas round trip).

        Used for the tokens table, which is built by code from typed columns; running
        pandera over millions of token rows would cost more than tokenising them.
        """
        if table.num_rows == 0:
            return
        if name not in self._writers:
            self._writers[name] = pq.ParquetWriter(self.dir / f"{name}.parquet", table.schema)
        self._writers[name].write_table(table)

    def built_from(self, name: str) -> str | None:
        """What the output folder's current appended table ``name`` was built from, as
        the run that wrote it said in ``commit``; None when unknown or unreadable.

        A run whose own inputs give the same answer can leave that table in place
        instead of rewriting it.
        """
        try:
            meta = pq.read_metadata(self.out_dir / f"{name}.parquet").metadata or {}
        except (OSError, pa.ArrowException):
            return None
        value = meta.get(BUILT_FROM)
        return value.decode() if value else None

    def serialise(self, name: str, table: TableLike, inputs: str | None = None) -> Serialised:
        """Compare the table with the output's by content key; stage its Parquet if new.

        Re-runs on unchanged input then neither validate nor write their tables again,
        and the files' dates tell a user's own tools which tables changed.  ``inputs``
        names everything a table is built from, when the caller knows that; the key is
        then made from it, and a table in place is never built.  A staged file reaches
        the output only through ``commit``, which validates it first; it is written now
        so that no run holds every table in Arrow at once.
        """
        path = self.out_dir / f"{name}.parquet"
        try:
            current = pq.read_metadata(path)
            held, held_rows = current.metadata or {}, current.num_rows
        except (OSError, pa.ArrowException):
            held, held_rows = {}, 0
        csv_there = name in PARQUET_ONLY or (self.out_dir / f"{name}.csv").is_file()
        key = f"{code_version()}:inputs:{inputs}".encode() if inputs is not None else None
        if key is not None and held.get(CONTENT) == key and csv_there:
            (self.dir / f"{name}.parquet").unlink(missing_ok=True)  # staged by an earlier call
            return Serialised(False, True, held_rows, None)
        if isinstance(table, TableRows) and key is None:
            # compared by its rows' digest: a table in place is never built
            key = f"{code_version()}:rows:{table.digest()}".encode()
            if held.get(CONTENT) == key and csv_there:
                (self.dir / f"{name}.parquet").unlink(missing_ok=True)
                return Serialised(False, True, len(table), None)
        if isinstance(table, TableRows):
            df = table.frame()
        else:
            df = table() if callable(table) else table
        try:
            arrow = pa.Table.from_pandas(df, preserve_index=False)
        except (pa.ArrowException, ValueError, TypeError):
            return Serialised(False, False, len(df), df)  # validation says what is wrong
        key = key or _content_key(arrow)
        if held.get(CONTENT) == key and csv_there:
            (self.dir / f"{name}.parquet").unlink(missing_ok=True)
            return Serialised(False, True, len(df), df)
        arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), CONTENT: key})
        pq.write_table(arrow, self.dir / f"{name}.parquet", row_group_size=ROW_GROUP_ROWS)
        return Serialised(True, False, len(df), df)

    def commit(
        self,
        tables: dict[str, TableLike],
        serialised: dict[str, Serialised] | None = None,
        files: dict[str, str] | None = None,
        trusted: frozenset[str] = frozenset(),
        built_from: dict[str, str] | None = None,
    ) -> list[Path]:
        """Validate and write the remaining tables and files, then move everything into place;
        returns the files replaced (a table whose content the output holds is left alone).

        ``serialised`` holds tables ``serialise``d already; ``trusted`` tables were
        validated already (the schema checks); the rest are validated now.
        ``built_from`` labels appended tables for ``built_from`` in a later run.
        """
        serialised = dict(serialised or {})
        for name, table in tables.items():
            if name not in serialised:
                serialised[name] = self.serialise(name, table)
            done = serialised[name]
            if not (done.in_place or name in trusted) and done.frame is not None:
                _check(name, done.frame)
            if not (done.in_place or done.staged):
                # valid, yet Arrow refused it: raise what it said, never skip the table
                pa.Table.from_pandas(done.frame, preserve_index=False)
                raise RuntimeError(f"table {name!r} could not be converted to Arrow")
        for name, content in (files or {}).items():
            (self.dir / name).parent.mkdir(parents=True, exist_ok=True)
            (self.dir / name).write_text(content, encoding="utf-8")
        for name, writer in self._writers.items():
            if name in (built_from or {}):
                writer.add_key_value_metadata({BUILT_FROM: built_from[name].encode()})
            writer.close()
        for name, table in serialised.items():
            if not table.staged:
                continue
            if name not in PARQUET_ONLY and table.frame is not None:
                _csv_frame(table.frame).to_csv(self.dir / f"{name}.csv", index=False)
        staged = sorted(p.relative_to(self.dir) for p in self.dir.rglob("*") if p.is_file())
        for rel in staged:
            (self.out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.dir / rel, self.out_dir / rel)
        return [self.out_dir / rel for rel in staged]

    def discard(self) -> None:
        for writer in self._writers.values():
            writer.close()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextmanager
def staged_output(out_dir: Path) -> Iterator[Staging]:
    """A staging area that is always removed; files reach ``out_dir`` only via commit."""
    staging = Staging(out_dir)
    try:
        yield staging
    finally:
        staging.discard()
