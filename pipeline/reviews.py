"""Review decisions: findings a reviewer has accepted, read from ``raw/reviews.toml``.

    [[accept]]
    rule = "unit_consistency"
    doc = "001_7b0533415791930b"            # optional
    figures = ["4.39 億元", "4.39 億円"]     # surfaces of the figures the finding compares
    reason = "The body's 億円 is a typo in the original release; 億元 is right."
    by = "Y. Tanaka"
    date = 2026-11-20

An accepted finding stays in ``checks`` with ``accepted`` and the reason, is shown
apart in the report and does not count for ``--fail-on``.  A review that matches no
finding any more is reported as stale, so the file does not rot.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from schemas.records import Check, Mention
from schemas.vocab import Severity, Status

REVIEWS_FILE = "reviews.toml"


class ReviewFileError(Exception):
    """The review file cannot be used; names the file and the entry."""


@dataclass(frozen=True)
class Review:
    number: int
    rule: str
    doc: str | None
    figures: tuple[str, ...]
    reason: str
    by: str
    date: str

    def describe(self) -> str:
        return f"accepted by {self.by or 'a reviewer'} on {self.date or '?'}: {self.reason}"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def load_reviews(raw_dir: Path) -> list[Review]:
    path = raw_dir / REVIEWS_FILE
    if not path.exists():
        return []
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("accept", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ReviewFileError(f"{path}: cannot read ({err})") from err
    reviews = []
    for n, entry in enumerate(entries, start=1):
        missing = [k for k in ("rule", "figures", "reason") if k not in entry]
        if missing:
            raise ReviewFileError(f"{path}: [[accept]] entry {n} lacks {missing}")
        reviews.append(
            Review(
                n,
                entry["rule"],
                entry.get("doc"),
                tuple(_squeeze(f) for f in entry["figures"]),
                entry["reason"],
                str(entry.get("by", "")),
                str(entry.get("date", "")),
            )
        )
    return reviews


def _matches(review: Review, check: Check, surfaces: dict[str, str]) -> bool:
    if check.rule != review.rule or (review.doc and review.doc not in check.doc_ids):
        return False
    compared = {surfaces.get(i, "") for i in check.mention_ids}
    return bool(review.figures) and set(review.figures) <= compared


def apply_reviews(
    checks: list[Check], mentions: list[Mention], reviews: list[Review]
) -> list[Check]:
    """Checks with accepted findings marked, plus one warning per stale review."""
    surfaces = {m.mention_id: _squeeze(m.surface) for m in mentions}
    used: set[int] = set()
    marked = []
    for check in checks:
        review = next(
            (r for r in reviews if check.status != "pass" and _matches(r, check, surfaces)), None
        )
        if review is not None:
            used.add(review.number)
            check = check.model_copy(update={"accepted": True, "review": review.describe()})
        marked.append(check)
    for r in reviews:
        if r.number not in used:
            marked.append(
                Check(
                    check_id=f"review:{r.number:04d}",
                    rule="review",
                    rule_version="review.v1",
                    status=Status.WARN,
                    severity=Severity.WARNING,
                    doc_ids=[r.doc] if r.doc else [],
                    mention_ids=[],
                    message=(
                        f"Review {r.number} in {REVIEWS_FILE} ({r.rule}: {', '.join(r.figures)}) "
                        "matches no finding any more; update or remove it."
                    ),
                )
            )
    return marked
