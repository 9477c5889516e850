"""Stage 7, export: the only writer.  Validates each table, then writes all atomically.

Tables are validated by their pandera schema first; a failure is a bug and stops the
run before anything is replaced.  Every file is written into a staging folder and
renamed into place only when all of them were written, so a failed or interrupted
run leaves the previous complete output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import validate

#: big tables that are only useful to programs: Parquet only, no CSV copy
PARQUET_ONLY = frozenset({"tokens"})


class SchemaViolation(Exception):
    """A table does not satisfy its schema; carries every failing case."""

    def __init__(self, table: str, failures: pd.DataFrame) -> None:
        self.table = table
        self.failures = failures
        super().__init__(
            f"table {table!r} violates its schema ({len(failures)} failure(s)):\n"
            + failures.head(20).to_string()
        )


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with '|' as the contract says; everything else as written."""
    out = df.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple)).any():
            out[col] = out[col].map(
                lambda v: "|".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return out


def _write_table(df: pd.DataFrame, parquet: Path, csv: Path | None) -> None:
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), parquet)
    if csv is not None:
        _csv_frame(df).to_csv(csv, index=False, encoding="utf-8")


def write_outputs(
    out_dir: Path, tables: dict[str, pd.DataFrame], texts: dict[str, str]
) -> list[Path]:
    """Validate and write tables (parquet + csv) and extra text files, all or nothing."""
    for name, df in tables.items():
        failures = validate(name, df)
        if failures is not None:
            raise SchemaViolation(name, failures)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        staged: list[tuple[Path, Path]] = []
        for name, df in tables.items():
            parquet = staging / f"{name}.parquet"
            csv = None if name in PARQUET_ONLY else staging / f"{name}.csv"
            _write_table(df, parquet, csv)
            staged.append((parquet, out_dir / parquet.name))
            if csv is not None:
                staged.append((csv, out_dir / csv.name))
        for rel, content in texts.items():
            tmp = staging / rel.replace("/", "__")
            tmp.write_text(content, encoding="utf-8")
            staged.append((tmp, out_dir / rel))
        for tmp, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        return [final for _, final in staged]
    finally:
        shutil.rmtree(staging, ignore_errors=True)
