"""How many single-figure corruptions of the documents in raw/ the checks report.

For every figure some passing check looks at (dates aside), a copy of raw/ is made
with that figure changed (by default its first non-zero digit raised by one: "25万トン"
-> "35万トン"; ``--style`` picks the last digit, a scale word or a currency instead), the
pipeline runs on it, and the corruption counts as reported when a fail or warning
names a figure read from the changed characters.  Prints the share reported and lists
the rest: the figures whose corruption goes unnoticed, for the next rule to catch.

    python bench/corruptions.py [--raw raw] [--style first|last|scale|unit]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.run import run  # noqa: E402
from schemas.records import Mention  # noqa: E402


def _first_digit(surface: str) -> str | None:
    """The first non-zero digit raised by one: "25万トン" -> "35万トン"."""
    i = next((k for k, ch in enumerate(surface) if ch.isdigit() and ch != "0"), None)
    return None if i is None else surface[:i] + str(int(surface[i]) % 9 + 1) + surface[i + 1 :]


def _last_digit(surface: str) -> str | None:
    """The last digit raised by one (9 becomes 0): "4.39 億元" -> "4.30 億元"; the change
    a typo makes, which only the written precision can catch."""
    i = next((k for k in range(len(surface) - 1, -1, -1) if surface[k].isdigit()), None)
    return None if i is None else surface[:i] + str((int(surface[i]) + 1) % 10) + surface[i + 1 :]


#: one word swapped for another: a scale word or a currency written wrong
_SWAPS = {
    "scale": (("億", "万"), ("万", "億"), ("千", "百")),
    "unit": (("元", "円"), ("円", "元"), ("ドル", "円")),
}


def _swapped(kind: str, surface: str) -> str | None:
    for old, new in _SWAPS[kind]:
        if old in surface:
            return surface.replace(old, new, 1)
    return None


STYLES: dict[str, Callable[[str], str | None]] = {
    "first": _first_digit,
    "last": _last_digit,
    "scale": lambda s: _swapped("scale", s),
    "unit": lambda s: _swapped("unit", s),
}


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
    parser.add_argument(
        "--style",
        choices=sorted(STYLES),
        default="first",
        help="first: the first non-zero digit raised by one (default); last: the last "
        "digit; scale: 億/万/千 swapped; unit: 元/円/ドル swapped",
    )
    args = parser.parse_args()
    corrupted = STYLES[args.style]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        missed, tried = [], 0
        for m in _checked(args.raw, work):
            new = corrupted(m.surface)
            if new is None:
                continue
            tried += 1
            copy = work / f"raw{tried}"
            shutil.copytree(args.raw, copy)
            path = next(p for p in copy.iterdir() if p.stem == m.doc_id)
            text = path.read_text(encoding="utf-8-sig")
            path.write_text(text[: m.start] + new + text[m.end :], encoding="utf-8")
            result = run(copy, work / f"out{tried}")
            # a figure that overlaps the changed characters: a corrupted number may be
            # read from another offset ("33 億 5,600 万元" -> "33 万 5,600 万元" reads 5,600 万元)
            changed = {
                x.mention_id
                for x in result.mentions
                if x.doc_id == m.doc_id and x.start < m.start + len(new) and m.start < x.end
            }
            if not any(c.status != "pass" and changed & set(c.mention_ids) for c in result.checks):
                missed.append(f"{m.doc_id} line {m.line}: {m.surface} -> {new}")
            shutil.rmtree(copy)
            shutil.rmtree(work / f"out{tried}")
    print(f"corruptions reported: {tried - len(missed)} of {tried}")
    for line in missed:
        print(f"  not reported: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
