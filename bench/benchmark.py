"""Speed and memory of the whole pipeline against bare fugashi tokenisation.

Generates a corpus of about 5 MB from the documents in raw/ (numbers varied,
paragraphs shuffled, repeated across a few hundred files), then in separate
processes: tokenises it bare with fugashi, runs the whole pipeline on it, and runs
the pipeline on a third of the files.  Prints wall time, the pipeline/bare ratio
(target: at most 2, i.e. at least half the speed of tokenising) and peak RSS at both
corpus sizes (target: no growth with the number of files).

    python bench/benchmark.py [--files 300] [--megabytes 5] [--repeat 3] [--distinct] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "corpus"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_KATAKANA_NAME = re.compile(r"[ァ-ヶ][ァ-ヶー]{2,}")
_KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
)


def _renamed(text: str, rng: random.Random, names: dict[str, str]) -> str:
    """Katakana words replaced by made-up ones, the same within one document."""

    def new_name(m: re.Match[str]) -> str:
        word = m.group()
        if word not in names:
            names[word] = "".join(rng.choice(_KATAKANA) for _ in word)
        return names[word]

    return _KATAKANA_NAME.sub(new_name, text)


def generate(
    target: Path, files: int, megabytes: float, seed: int = 7, distinct: bool = False
) -> int:
    """Write ``files`` documents totalling about ``megabytes``; returns the byte count.

    ``distinct``: each document gets its own made-up katakana names, so documents speak
    of different organisations, as a real archive does, instead of the same two.
    """
    rng = random.Random(seed)
    paragraphs = [
        p
        for src in sorted((ROOT / "raw").glob("*.txt"))
        for p in src.read_text(encoding="utf-8-sig").split("\n\n")
        if p.strip()
    ]
    per_file = int(megabytes * 1_000_000 / files)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    total = 0
    for i in range(files):
        chunks, size = [], 0
        names: dict[str, str] = {}
        while size < per_file:
            text = re.sub(r"\d", lambda _: str(rng.randint(1, 9)), rng.choice(paragraphs))
            if distinct:
                text = _renamed(text, rng, names)
            chunks.append(text)
            size += len(text.encode())
        data = "\n\n".join(chunks).encode()
        (target / f"doc{i:04d}.txt").write_bytes(data)
        total += len(data)
    return total


def measure_tokenise(corpus: Path) -> dict:
    import fugashi

    tagger = fugashi.Tagger()
    start = time.perf_counter()
    n = 0
    for path in sorted(corpus.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if paragraph.strip():
                n += sum(1 for _ in (w.surface for w in tagger(paragraph)))
    return {"seconds": time.perf_counter() - start, "tokens": n, "peak_mb": _peak_mb()}


def measure_pipeline(corpus: Path) -> dict:
    from pipeline.run import run

    out = corpus.parent / (corpus.name + "-out")
    start = time.perf_counter()
    result = run(corpus, out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "mentions": len(result.mentions), "peak_mb": _peak_mb()}


def _seconds(measured: dict) -> float:
    return measured["seconds"]


def _child(what: str, corpus: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", what, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; best kept")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="give every document its own made-up names (documents about different "
        "organisations) instead of repeating the seeds' two",
    )
    parser.add_argument("--measure", choices=["tokenise", "pipeline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure = measure_tokenise if args.measure == "tokenise" else measure_pipeline
        print(json.dumps(measure(args.corpus)))
        return 0

    full, third = WORK / "full", WORK / "third"
    size = generate(full, args.files, args.megabytes, distinct=args.distinct)
    generate(third, max(1, args.files // 3), args.megabytes / 3, distinct=args.distinct)
    print(f"corpus: {args.files} files, {size / 1e6:.1f} MB")
    # NOTE: this machine's timings vary by ±30% from run to run; the best of a few runs
    # is the figure that says what the code costs
    bare = min((_child("tokenise", full) for _ in range(args.repeat)), key=_seconds)
    whole = min((_child("pipeline", full) for _ in range(args.repeat)), key=_seconds)
    small = _child("pipeline", third)
    ratio = whole["seconds"] / bare["seconds"]
    growth = whole["peak_mb"] / small["peak_mb"]
    print(
        f"bare fugashi tokenisation : {bare['seconds']:7.2f} s  ({bare['tokens']:,} tokens, "
        f"peak {bare['peak_mb']:.0f} MB)"
    )
    print(
        f"whole pipeline            : {whole['seconds']:7.2f} s  ({whole['mentions']:,} mentions, "
        f"peak {whole['peak_mb']:.0f} MB)"
    )
    print(
        f"pipeline on 1/3 of files  : {small['seconds']:7.2f} s  (peak {small['peak_mb']:.0f} MB)"
    )
    print(f"pipeline / bare time ratio: {ratio:.2f}  (target <= 2.0)")
    print(f"peak memory, all / third  : {growth:.2f}  (target ~1.0)")
    ok = ratio <= 2.0 and growth <= 1.25
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
