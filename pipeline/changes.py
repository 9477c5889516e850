"""What changed since the previous run: documents, mentions and check statuses.

The previous run's tables in the output folder are its manifest.  Mentions are
matched across versions of a document by kind and the words around them (not by
offset), so a paragraph inserted above does not make every later figure look new;
checks are matched by rule and the mentions they compare.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.records import Change, Check, Document, Mention

#: a table of the previous run, column by column, as plain Python values
Columns = dict[str, list]


def _previous(
    out_dir: Path,
    table: str,
    columns: tuple[str, ...],
    doc_ids: set[str] | None = None,
) -> Columns | None:
    """A table of the previous run: only the columns (and documents) compared, because
    the whole previous run in memory would double the run's peak.  Read with Arrow, not
    pandas, which a re-run whose tables are all in place never loads."""
    path = out_dir / f"{table}.parquet"
    if not path.exists():
        return None
    wanted = pa.array(sorted(doc_ids), pa.string()) if doc_ids is not None else None
    read: Columns = {c: [] for c in columns}
    try:
        # batch by batch (pq.read_table would load pandas through Arrow's datasets)
        for batch in pq.ParquetFile(path).iter_batches(columns=list(columns)):
            if wanted is not None:
                batch = batch.filter(pc.is_in(batch.column("doc_id"), value_set=wanted))
            for c in columns:
                read[c] += batch.column(c).to_pylist()
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return None  # an unreadable previous table: report against nothing
    return read


def _clean(value: object) -> object:
    """None for every way a table says "empty" (None, NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(value, 9) if isinstance(value, float) else value


def _figures(row) -> tuple:
    return tuple(_clean(row[k]) for k in ("value", "unit", "value_low", "value_high", "bound"))


def _figure(row) -> str:
    return " ".join(str(row["surface"]).split())


def _changes(kind: str, doc_id: str | None, message: str, **fields: str | None) -> dict:
    return {"change": kind, "doc_id": doc_id, "message": message, **fields}


def _document_changes(before: Columns, documents: list[Document]) -> tuple[list[dict], set]:
    old = dict(zip(before["doc_id"], before["sha256"], strict=True))
    new = {d.doc_id: d.sha256 for d in documents}
    found, modified = [], set()
    for doc_id in sorted(new.keys() - old.keys()):
        found.append(_changes("document_added", doc_id, f"{doc_id} is new."))
    for doc_id in sorted(old.keys() - new.keys()):
        found.append(_changes("document_removed", doc_id, f"{doc_id} is no longer in the input."))
    for doc_id in sorted(old.keys() & new.keys()):
        if old[doc_id] != new[doc_id]:
            modified.add(doc_id)
            found.append(_changes("document_modified", doc_id, f"{doc_id} was modified."))
    return found, modified


#: what is compared of the previous run's mentions and checks
_MENTION_COLUMNS = (
    "mention_id",
    "doc_id",
    "kind",
    "line",
    "surface",
    "value",
    "value_low",
    "value_high",
    "unit",
    "bound",
    "context_before",
    "context_after",
)
_CHECK_COLUMNS = ("rule", "mention_ids", "status", "message", "doc_ids")

#: ways to recognise a mention in a later version, strictest first: an edit next to a
#: figure changes one side of its context, not both
_MATCH_KEYS = (
    lambda r: (r["kind"], r["context_before"], r["context_after"]),
    lambda r: (r["kind"], r["context_before"]),
    lambda r: (r["kind"], r["context_after"]),
)


def _pair(old: list[dict], new: list[dict]) -> tuple[list[tuple[dict, dict]], list, list]:
    """Pair mentions of one document across versions, in passes from strict to loose."""
    pairs: list[tuple[dict, dict]] = []
    for key in _MATCH_KEYS:
        waiting: dict[tuple, list[dict]] = defaultdict(list)
        for row in old:
            waiting[key(row)].append(row)
        unmatched = []
        for row in new:
            bucket = waiting.get(key(row))
            if bucket:
                pairs.append((bucket.pop(0), row))
            else:
                unmatched.append(row)
        matched_old = {id(a) for a, _ in pairs}
        old = [row for row in old if id(row) not in matched_old]
        new = unmatched
    return pairs, old, new


def _row(row: dict) -> dict:
    return {
        **row,
        "context_before": _clean(row.get("context_before")) or "",
        "context_after": _clean(row.get("context_after")) or "",
    }


def _mention_changes(
    before: Columns, mentions: list[Mention], docs: set[str]
) -> tuple[list[dict], dict[str, str]]:
    """Changes in modified documents, and each previous mention id's id now."""
    found: list[dict] = []
    renamed: dict[str, str] = {}
    # each table split by document once: a batch of updated documents stays linear
    old_rows: dict[str, list[dict]] = defaultdict(list)
    for values in zip(*before.values(), strict=True):
        r = dict(zip(before, values, strict=True))
        old_rows[r["doc_id"]].append(_row(r))
    new_rows: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        if m.doc_id in docs:
            new_rows[m.doc_id].append(_row({c: getattr(m, c) for c in _MENTION_COLUMNS}))
    for doc_id in sorted(docs):
        old, new = old_rows[doc_id], new_rows[doc_id]
        pairs, removed, added = _pair(old, new)
        renamed.update({a["mention_id"]: b["mention_id"] for a, b in pairs})
        for a, b in pairs:
            if _figures(a) != _figures(b) or _figure(a) != _figure(b):
                found.append(
                    _changes(
                        "mention_changed",
                        doc_id,
                        f"'{_figure(a)}' is now '{_figure(b)}' (line {b['line']}).",
                        mention_id=b["mention_id"],
                        before=_figure(a),
                        after=_figure(b),
                    )
                )
        for b in added:
            found.append(
                _changes(
                    "mention_added",
                    doc_id,
                    f"'{_figure(b)}' is new (line {b['line']}).",
                    mention_id=b["mention_id"],
                    after=_figure(b),
                )
            )
        for a in removed:
            found.append(
                _changes(
                    "mention_removed",
                    doc_id,
                    f"'{_figure(a)}' was removed.",
                    mention_id=a["mention_id"],
                    before=_figure(a),
                )
            )
    return found, renamed


def _check_changes(
    before_checks: Columns, checks: list[Check], renamed: dict[str, str], modified: set[str]
) -> list[dict]:
    """Checks matched by rule and the (re-identified) mentions they compare."""

    def now(mention_id: str) -> str:
        doc_id = mention_id.rsplit(":", 1)[0]
        return renamed.get(mention_id, f"gone:{mention_id}") if doc_id in modified else mention_id

    rows = (
        dict(zip(_CHECK_COLUMNS, values, strict=True))
        for values in zip(*(before_checks[c] for c in _CHECK_COLUMNS), strict=True)
    )
    old = {
        (r["rule"], tuple(now(i) for i in r["mention_ids"])): r
        for r in rows
        if r["rule"] != "schema"
    }
    new = {(c.rule, tuple(c.mention_ids)): c for c in checks if c.rule != "schema"}
    found = []
    for key, c in new.items():
        was = old.get(key)
        doc = c.doc_ids[0] if c.doc_ids else None
        if c.status == "fail" and (was is None or was["status"] != "fail"):
            found.append(
                _changes(
                    "new_fail",
                    doc,
                    f"New fail: {c.message}",
                    check_rule=c.rule,
                    before=None if was is None else was["status"],
                    after="fail",
                )
            )
        elif was is not None and was["status"] != c.status:
            found.append(
                _changes(
                    "check_status_changed",
                    doc,
                    f"{c.rule} is now {c.status} (was {was['status']}): {c.message}",
                    check_rule=c.rule,
                    before=was["status"],
                    after=c.status,
                )
            )
    for key, r in old.items():
        if r["status"] == "fail" and key not in new:
            docs = list(r["doc_ids"])
            found.append(
                _changes(
                    "fail_resolved",
                    docs[0] if docs else None,
                    f"No longer found: {r['message']}",
                    check_rule=r["rule"],
                    before="fail",
                    after=None,
                )
            )
    return found


def changes_since(
    out_dir: Path, documents: list[Document], mentions: list[Mention], checks: list[Check]
) -> list[Change]:
    """Every difference from the run whose tables are in ``out_dir`` (none: first run)."""
    before_docs = _previous(out_dir, "documents", ("doc_id", "sha256"))
    if before_docs is None:
        return []
    found, modified = _document_changes(before_docs, documents)
    before_mentions = (
        _previous(out_dir, "mentions", _MENTION_COLUMNS, modified) if modified else None
    )
    renamed: dict[str, str] = {}
    if before_mentions is not None:
        mention_changes, renamed = _mention_changes(before_mentions, mentions, modified)
        found += mention_changes
    before_checks = _previous(out_dir, "checks", _CHECK_COLUMNS)
    if before_checks is not None:
        found += _check_changes(before_checks, checks, renamed, modified)
    return [Change(change_id=f"change:{n:04d}", **row) for n, row in enumerate(found, start=1)]
