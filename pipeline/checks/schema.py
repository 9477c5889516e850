"""schema: the pandera validation of every table, reported as checks.

Every failing case of every table is counted (lazy validation); a failure is also a
bug in this program, so the export stage refuses to write a table that fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.records import Check
from schemas.tables import validate
from schemas.vocab import Severity, Status

if TYPE_CHECKING:
    import pandas as pd

RULE = "schema"


def schema_checks(
    tables: dict[str, pd.DataFrame], valid: dict[str, int] | None = None
) -> tuple[list[Check], set[str]]:
    """One check per table, and the names of the tables that failed.

    ``valid`` tables (name: rows) are known to pass: the same content as a table this
    program version validated before (``Staging.serialise``); they need not be built.
    """
    valid = valid or {}
    checks, failed = [], set()
    for n, name in enumerate(sorted(set(tables) | set(valid)), start=1):
        failures = None if name in valid else validate(name, tables[name])
        rows = valid[name] if name in valid else len(tables[name])
        ok = failures is None
        if not ok:
            failed.add(name)
        detail = (
            ""
            if ok
            else "; ".join(
                f"{row.column} {row.check}: {row.failure_case!r}"
                for row in failures.head(5).itertuples()
            )
        )
        checks.append(
            Check(
                check_id=f"{RULE}:{n:04d}",
                rule=RULE,
                rule_version=f"{RULE}.v1",
                status=Status.PASS if ok else Status.FAIL,
                severity=Severity.INFO if ok else Severity.ERROR,
                doc_ids=[],
                mention_ids=[],
                expected=f"{rows} valid rows",
                observed=f"{rows if ok else rows - len(failures)} valid rows",
                message=(
                    f"Table {name} ({rows} rows) satisfies its schema."
                    if ok
                    else f"Table {name} violates its schema in {len(failures)} place(s): {detail}."
                ),
            )
        )
    return checks, failed
