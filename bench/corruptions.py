"""How many single-figure corruptions of the documents in raw/ the checks report.

For every figure some passing check looks at (dates aside), a copy of raw/ is made
with that figure's first non-zero digit raised by one ("25万トン" -> "35万トン"), the
pipeline runs on it, and the corruption counts as reported when a fail or warning
names the changed figure.  Prints the share reported and lists the rest: the figures
whose corruption goes unnoticed, for the next rule to catch.

    python bench/corruptions.py [--raw raw]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.run import run  # noqa: E402
from schemas.records import Mention  # noqa: E402


def _corrupted(surface: str) -> str | None:
    i = next((k for k, ch in enumerate(surface) if ch.isdigit() and ch != "0"), None)
    return None if i is None else surface[:i] + str(int(surface[i]) % 9 + 1) + surface[i + 1 :]


def _checked(raw: Path, work: Path) -> list[Mention]:
    """The figures some passing check looks at, in the clean run."""
    clean = run(raw, work / "clean")
    ids = {
        i for c in clean.checks if c.status == "pass" and c.rule != "schema" for i in c.mention_ids
    }
    return [m for m in clean.mentions if m.mention_id in ids and m.kind not in ("date", "period")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, default=ROOT / "raw")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        missed, tried = [], 0
        for m in _checked(args.raw, work):
            new = _corrupted(m.surface)
            if new is None:
                continue
            tried += 1
            copy = work / f"raw{tried}"
            shutil.copytree(args.raw, copy)
            path = next(p for p in copy.iterdir() if p.stem == m.doc_id)
            text = path.read_text(encoding="utf-8-sig")
            path.write_text(text[: m.start] + new + text[m.end :], encoding="utf-8")
            result = run(copy, work / f"out{tried}")
            if not any(c.status != "pass" and m.mention_id in c.mention_ids for c in result.checks):
                missed.append(f"{m.doc_id} line {m.line}: {m.surface} -> {new}")
            shutil.rmtree(copy)
            shutil.rmtree(work / f"out{tried}")
    print(f"corruptions reported: {tried - len(missed)} of {tried}")
    for line in missed:
        print(f"  not reported: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
