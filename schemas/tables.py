"""Pandera schemas for every output table, generated from the record models.

Columns, dtypes, nullability and allowed values all come from ``schemas.records``;
this module adds only the cross-column rules a single record cannot state.
"""

from __future__ import annotations

import hashlib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from operator import itemgetter

from schemas.records import TABLES, Record

if typing.TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa
    import pyarrow

# NOTE: pandera is imported only to validate: with what it brings (typeguard, its
# hypothesis strategies) it took a fifth of a second, and a re-run whose tables are
# all in place validates none of them.  pandas likewise is imported only to build a
# table that is validated or written (``TableRows.frame``): a third of a second that a
# re-run whose tables are all in place never pays

#: python annotation -> pandera dtype alias used in every table
_DTYPES: dict[type, str] = {str: "string", int: "Int64", float: "Float64", bool: "boolean"}


@cache
def _pandas_dtypes() -> dict[type, object]:
    """The pandas dtypes pandera makes of the aliases above (a test holds them together)."""
    import numpy as np
    import pandas as pd

    return {
        str: pd.StringDtype(na_value=np.nan)
        if int(pd.__version__.split(".")[0]) >= 3
        else pd.StringDtype(),
        int: pd.Int64Dtype(),
        float: pd.Float64Dtype(),
        bool: pd.BooleanDtype(),
    }


def _column_type(annotation: object) -> tuple[type, bool]:
    """Return (base python type, nullable) for a field annotation."""
    nullable = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
    return annotation, nullable  # type: ignore[return-value]


def columns(model: type[Record]) -> list[str]:
    """The column order of a table: the field order of its record model."""
    return list(model.model_fields)


def _column(annotation: object) -> pa.Column:
    import pandera.pandas as pa

    base, nullable = _column_type(annotation)
    if typing.get_origin(base) is list:
        return pa.Column(object, nullable=nullable)
    checks = []
    if isinstance(base, type) and issubclass(base, Enum):
        checks.append(pa.Check.isin([m.value for m in base]))
        base = str
    return pa.Column(_DTYPES[base], checks=checks, nullable=nullable, coerce=True)


def _mention_checks() -> list[pa.Check]:
    import pandera.pandas as pa

    def span_ordered(df: pd.DataFrame) -> pd.Series:
        return df["start"] < df["end"]

    def interval_ordered(df: pd.DataFrame) -> pd.Series:
        both = df["value_low"].notna() & df["value_high"].notna()
        return ~both | (df["value_low"] <= df["value_high"])

    def id_matches(df: pd.DataFrame) -> pd.Series:
        return df["mention_id"] == df["doc_id"] + ":" + df["start"].astype("string")

    return [
        pa.Check(span_ordered, name="start_before_end"),
        pa.Check(interval_ordered, name="value_low_le_value_high"),
        pa.Check(id_matches, name="mention_id_is_doc_start"),
    ]


_TABLE_CHECKS = {"mentions": _mention_checks}


def table_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of one output table."""
    import pandera.pandas as pa

    model = TABLES[name]
    cols = {field: _column(info.annotation) for field, info in model.model_fields.items()}
    checks = _TABLE_CHECKS.get(name, list)()
    return pa.DataFrameSchema(cols, checks=checks, strict=True, ordered=True, name=name)


def frame(name: str, rows: Iterable[Record | dict]) -> pd.DataFrame:
    """Build a table from records (or plain dicts with the same keys), typed by its schema."""
    import pandas as pd

    cols = columns(TABLES[name])
    # a record's __dict__ holds exactly its fields; model_dump() would copy each one
    data = [r.__dict__ if isinstance(r, Record) else r for r in rows]
    df = pd.DataFrame.from_records(data, columns=cols) if data else pd.DataFrame(columns=cols)
    return _typed_frame(name, df)


def frame_from_rows(name: str, rows: list[tuple]) -> pd.DataFrame:
    """Build a table from plain tuples in field order, for tables with too many rows to
    hold a record object per row (entity mentions)."""
    import pandas as pd

    cols = columns(TABLES[name])
    if not rows:
        return frame(name, [])
    if len(rows[0]) != len(cols):
        raise ValueError(f"table {name!r} has columns {cols}, not rows of {len(rows[0])}")
    return _typed_frame(name, pd.DataFrame.from_records(rows, columns=cols))


def _typed_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({c: t for c, t in pandas_dtypes(name).items() if c in df.columns})


@cache
def pandas_dtypes(name: str) -> dict[str, object]:
    """The pandas dtype of each typed column of a table (lists stay Python objects)."""
    dtypes = {}
    for field, info in TABLES[name].model_fields.items():
        base, _ = _column_type(info.annotation)
        if typing.get_origin(base) is list:
            continue
        if isinstance(base, type) and issubclass(base, Enum):
            base = str
        dtypes[field] = _pandas_dtypes()[base]
    return dtypes


_ARROW_TYPES = {str: "string", int: "int64", float: "float64", bool: "bool"}


@cache
def arrow_schema(name: str) -> pyarrow.Schema:
    """The Arrow schema of a table, for tables written without going through pandas."""
    import pyarrow as pa_arrow

    fields = []
    for field, info in TABLES[name].model_fields.items():
        base, nullable = _column_type(info.annotation)
        if typing.get_origin(base) is list:
            fields.append(pa_arrow.field(field, pa_arrow.list_(pa_arrow.string()), nullable))
            continue
        if isinstance(base, type) and issubclass(base, Enum):
            base = str
        fields.append(pa_arrow.field(field, _ARROW_TYPES[base], nullable=nullable))
    return pa_arrow.schema(fields)


def validate(name: str, df: pd.DataFrame) -> pd.DataFrame | None:
    """Validate lazily; return the failure cases (None when the table is valid).

    A table without rows holding the schema's columns in order is valid without pandera:
    its columns are coerced to their types and every other check is on rows.  A re-run
    whose only new table is an empty one then never imports pandera (a tenth of a second).
    """
    if df.empty and list(df.columns) == columns(TABLES[name]):
        return None
    import pandera.pandas as pa

    try:
        table_schema(name).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        return err.failure_cases
    return None


#: NOTE: rows written out at once for a digest: the text of a whole table would be held
_DIGEST_CHUNK = 2048


@dataclass(frozen=True)
class TableRows:
    """A table as its rows: records (or dicts with their fields), or tuples in field order
    (``tuples``).  Its ``digest`` tells it from the table the output holds without
    building it; it becomes a DataFrame only when it is validated or written."""

    name: str
    rows: Sequence[Record | dict | tuple]
    tuples: bool = False

    def __len__(self) -> int:
        return len(self.rows)

    def digest(self) -> str:
        """A digest of the rows, each as its values in field order.

        ``repr`` of str, int, float, bool, None and lists is canonical (a float's is its
        shortest round trip), so equal tables have equal digests, whichever objects hold
        the values.  Neither pandas nor Arrow is needed: building the table in Arrow
        loads pandas all the same (Arrow checks every sequence for a pandas type).
        """
        cols = columns(TABLES[self.name])
        hasher = hashlib.blake2b(repr(cols).encode(), digest_size=20)
        values = itemgetter(*cols)
        for at in range(0, len(self.rows), _DIGEST_CHUNK):
            chunk = self.rows[at : at + _DIGEST_CHUNK]
            if not self.tuples:
                chunk = [values(r.__dict__ if isinstance(r, Record) else r) for r in chunk]
            hasher.update(repr(list(chunk)).encode())
        return hasher.hexdigest()

    def frame(self) -> pd.DataFrame:
        if self.tuples:
            return frame_from_rows(self.name, list(self.rows))
        return frame(self.name, self.rows)
