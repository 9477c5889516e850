"""Re-run speed: a second run on unchanged input against the first (target: under 1/5).

Generates a 200-document corpus from the seeds (as bench/benchmark.py does), runs the
whole pipeline with an empty cache, then again on the same input, and prints both
times and their ratio.  Cross-document checks are recomputed on the second run.

Timed twice: as the library call ``pipeline.run.run``, and as the ``crosscheck run``
command in a new process, which adds the start-up every command pays (about 0.9 s of
imports here).  The program's modules are compiled to bytecode first, as Python does on
their first import: where ``PYTHONDONTWRITEBYTECODE`` is set (as on this machine) every
command would otherwise compile them again, about 0.3 s that no user's second run pays.

    python bench/rerun.py [--files 200] [--megabytes 3.4] [--repeat 3] [--distinct] [--check]

Each timing is the best of ``--repeat`` runs: this kind of machine's timings vary by
a fifth from one run to the next.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import ROOT, WORK, generate

from pipeline.cache import DocumentCache
from pipeline.run import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=3.4)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; best kept")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="give every document its own made-up names (see bench/benchmark.py)",
    )
    args = parser.parse_args()
    corpus, out = WORK / "rerun", WORK / "rerun-out"
    generate(corpus, args.files, args.megabytes, distinct=args.distinct)
    firsts, seconds = [], []
    for _ in range(max(1, args.repeat)):
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        run(corpus, out, cache=DocumentCache(out / ".cache"))
        firsts.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = run(corpus, out, cache=DocumentCache(out / ".cache"))
        seconds.append(time.perf_counter() - started)
    first, second = min(firsts), min(seconds)
    command = [sys.executable, "-m", "pipeline", "run", "--raw", str(corpus), "--out", str(out)]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline"), str(ROOT / "schemas")],
        check=True,
    )
    cli_firsts, cli_seconds = [], []
    for _ in range(max(1, args.repeat)):
        shutil.rmtree(out, ignore_errors=True)
        cli_firsts.append(_timed_command(command))
        cli_seconds.append(_timed_command(command))
    cli_first, cli_second = min(cli_firsts), min(cli_seconds)
    print(f"corpus: {args.files} files; cache hits on the second run: {result.cache_hits}")
    print("                            library   command")
    print(f"first run (empty cache)   : {first:7.2f} s {cli_first:7.2f} s")
    print(f"second run (unchanged)    : {second:7.2f} s {cli_second:7.2f} s")
    print(
        f"second / first            : {second / first:7.2f}   {cli_second / cli_first:7.2f}"
        "    (target < 0.20)"
    )
    return 1 if args.check and second / first >= 0.2 else 0


def _timed_command(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([*command, "--quiet"], capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some input could not be read; still timed
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
