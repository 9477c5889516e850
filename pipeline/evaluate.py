"""Score extracted mentions against hand-made gold annotations.

Detection: a predicted mention overlaps a gold one.  Strict: it also agrees on kind,
value, value_low, value_high, unit, bound, approx, date_start and date_end.  Gold rows
marked ``optional`` count neither as misses nor, when found, as false positives.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

STRICT_FIELDS = (
    "kind",
    "value",
    "value_low",
    "value_high",
    "unit",
    "bound",
    "approx",
    "date_start",
    "date_end",
)


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Evaluation:
    detection: Score
    strict: Score
    missed: list[dict]
    spurious: list[dict]
    wrong: list[tuple[dict, dict, list[str]]]


def _blank(v: object) -> object:
    if v is None or v == "" or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return None
    return v


def _same(a: object, b: object) -> bool:
    a, b = _blank(a), _blank(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return (
        str(a).lower() == str(b).lower() if isinstance(a, bool) or isinstance(b, bool) else a == b
    )


def disagreements(gold: dict, predicted: dict) -> list[str]:
    return [f for f in STRICT_FIELDS if not _same(gold.get(f), predicted.get(f))]


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(gold: list[dict], predicted: list[dict]) -> Evaluation:
    """Greedy one-to-one matching by overlap, best strict agreement first."""
    docs = {g["doc"] for g in gold}
    preds = [p for p in predicted if p["doc_id"] in docs]
    used: set[int] = set()
    det = strict = 0
    missed, wrong = [], []
    optional_hits: set[int] = set()
    for g in sorted(gold, key=lambda g: (g["doc"], g["start"])):
        overlapping = [
            i
            for i, p in enumerate(preds)
            if i not in used
            and p["doc_id"] == g["doc"]
            and p["start"] < g["end"]
            and g["start"] < p["end"]
        ]
        if g.get("optional"):
            optional_hits.update(overlapping)
            continue
        if not overlapping:
            missed.append(g)
            continue
        best = min(overlapping, key=lambda i: len(disagreements(g, preds[i])))
        used.add(best)
        det += 1
        diff = disagreements(g, preds[best])
        if diff:
            wrong.append((g, preds[best], diff))
        else:
            strict += 1
    spurious = [p for i, p in enumerate(preds) if i not in used and i not in optional_hits]
    n_gold = sum(1 for g in gold if not g.get("optional"))
    return Evaluation(
        detection=Score(det, len(spurious), n_gold - det),
        strict=Score(strict, len(spurious) + len(wrong), n_gold - strict),
        missed=missed,
        spurious=spurious,
        wrong=wrong,
    )


def predicted_mentions(out_dir: Path) -> list[dict]:
    df = pd.read_parquet(out_dir / "mentions.parquet")
    return [{k: _blank(v) for k, v in row.items()} for row in df.to_dict("records")]
