"""The ``crosscheck`` command: flags, messages and exit codes; the work is in ``pipeline.run``."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

import click

from pipeline.cache import CACHE_FOLDER, DocumentCache
from pipeline.config import Config, ConfigError, load_config
from pipeline.errors import IngestFailure
from pipeline.ingest import FORMATS, REPAIRED_STAGE
from pipeline.link.aliases import AliasFileError
from pipeline.reviews import ReviewFileError
from pipeline.run import RunResult
from pipeline.run import run as run_pipeline
from pipeline.store import SchemaViolation


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--version, looked up only when asked: reading package metadata costs every other
    command a few hundredths of a second."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("crosscheck")
    except PackageNotFoundError:  # running from a source checkout without install
        number = "0+unknown"
    click.echo(f"crosscheck, version {number}")
    ctx.exit()


#: exit codes: 0 all good, 1 some input file failed (or eval below threshold), 2 usage,
#: 3 a check failed at or above the --fail-on level
EXIT_INPUT_FAILED = 1
EXIT_CHECKS_FAILED = 3
#: --fail-on level -> (status, severity) pairs that count
FAIL_ON = {
    "error": {("fail", "error")},
    "warning": {("fail", "error"), ("fail", "warning"), ("warn", "warning")},
    "never": set(),
}


def _progress(quiet: bool):
    """A progress bar on a terminal for more than a handful of files; silent otherwise."""

    def wrap(items):
        items = list(items)
        if quiet or len(items) <= 5 or not sys.stderr.isatty():
            return items
        from tqdm import tqdm  # only where a bar is shown: its import is 0.02 s of every quiet run

        return tqdm(items, desc="documents", unit="doc", file=sys.stderr)

    return wrap


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Extract every figure from Japanese documents and cross-check them.

    Put documents (.txt, .md, .html, .pdf) in raw/, run `crosscheck run`, read
    output/report.md and the tables in output/ (Parquet and CSV).  Defaults can be
    set in crosscheck.toml or [tool.crosscheck] in pyproject.toml.
    """
    try:
        config = load_config(Path.cwd())
    except ConfigError as err:
        raise click.ClickException(str(err)) from err
    ctx.obj = config
    ctx.default_map = {"run": config.defaults}


def _summary(result: RunResult, out_dir: Path, elapsed: float) -> list[str]:
    """The one screen a user reads after a run."""
    kinds = Counter(m.kind for m in result.mentions)
    statuses = Counter(c.status for c in result.checks)
    by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    kinds_of_change = Counter(c.change for c in result.changes)
    changed = ", ".join(f"{k} {n}" for k, n in sorted(kinds_of_change.items()))
    changed = f" ({changed})" if changed else ""
    repaired = sum(1 for e in result.errors if e.stage == REPAIRED_STAGE)
    return [
        f"documents : {len(result.documents)} read ({repaired} with repairs), "
        f"{len(result.errors) - repaired} not read",
        f"mentions  : {len(result.mentions)}" + (f" ({by_kind})" if by_kind else ""),
        f"entities  : {len(result.entities)}",
        f"checks    : {statuses.get('fail', 0)} fail, {statuses.get('warn', 0)} warn, "
        f"{statuses.get('pass', 0)} pass",
        f"changes   : {len(result.changes)} since the previous run{changed}",
        f"cache     : {result.cache_hits} of {len(result.documents)} document(s) unchanged, "
        f"about {result.seconds_saved:.1f} s saved",
        f"time      : {elapsed:.1f} s",
        f"report    : {out_dir / 'report.md'}, {out_dir / 'report.html'}",
    ]


@cli.command()
@click.option(
    "--raw",
    "raw_dir",
    default="raw",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of input documents.",
)
@click.option(
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the tables, the report and the cache.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only; no progress or summary.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Process every document again, ignoring results cached by earlier runs.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Documents processed in parallel processes (same output as one).",
)
@click.option(
    "--fail-on",
    type=click.Choice(sorted(FAIL_ON)),
    default="never",
    show_default=True,
    help="Exit 3 when a check fails at this severity or above (for CI).",
)
@click.pass_obj
def run(
    config: Config,
    raw_dir: Path,
    out_dir: Path,
    quiet: bool,
    no_cache: bool,
    jobs: int,
    fail_on: str,
) -> None:
    """Run every stage on RAW; write the tables, report.md and report.html to OUT.

    A file that cannot be read is reported on one line and skipped; the others are
    still processed and the exit code is 1.  Outputs are replaced only when the whole
    run succeeded.  Unchanged documents are taken from the cache in OUT/.cache.
    """
    started = time.perf_counter()
    try:
        result = run_pipeline(
            raw_dir,
            out_dir,
            progress=_progress(quiet),
            jobs=jobs,
            cache=DocumentCache(out_dir / CACHE_FOLDER, read=not no_cache),
            date_hints=config.published,
            approx_tolerance=config.approx_tolerance,
        )
    except (IngestFailure, AliasFileError, ReviewFileError) as err:
        raise click.ClickException(str(err)) from err
    except SchemaViolation as err:
        raise click.ClickException(f"internal error, nothing was written: {err}") from err
    for error in result.errors:
        label = "warning" if error.stage == REPAIRED_STAGE else "error"
        click.echo(f"{label}: {error.reason}", err=True)
    if not result.documents and not result.errors:
        kinds = ", ".join(sorted(FORMATS))
        click.echo(f"warning: no documents ({kinds}) found in {raw_dir}", err=True)
    if not quiet:
        click.echo("\n".join(_summary(result, out_dir, time.perf_counter() - started)))
    if result.errors:
        sys.exit(EXIT_INPUT_FAILED)
    if any((c.status, c.severity) in FAIL_ON[fail_on] and not c.accepted for c in result.checks):
        sys.exit(EXIT_CHECKS_FAILED)


@cli.command("eval")
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold annotations (.jsonl, one mention per line).",
)
@click.option(
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Output folder of a previous `crosscheck run`.",
)
@click.option("--min-strict", type=float, default=0.0, help="Exit 1 when strict F1 is below this.")
@click.option(
    "-v", "--verbose", is_flag=True, help="List every miss, false positive and disagreement."
)
def eval_(gold_path: Path, out_dir: Path, min_strict: float, verbose: bool) -> None:
    """Score the mentions in OUT against a gold file: detection and strict F1."""
    if not (out_dir / "mentions.parquet").exists():
        raise click.ClickException(
            f"{out_dir}/mentions.parquet not found; run `crosscheck run` first"
        )
    # loaded here: scoring reads tables with pandas, which `run` loads only when it must
    from pipeline.evaluate import evaluate, load_gold, predicted_mentions

    result = evaluate(load_gold(gold_path), predicted_mentions(out_dir))
    for name, score in (("detection", result.detection), ("strict", result.strict)):
        click.echo(
            f"{name:9} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
            f"(tp {score.true_positives}, fp {score.false_positives}, fn {score.false_negatives})"
        )
    if verbose:
        for g in result.missed:
            click.echo(f"missed   {g['start']:>6} {g['surface']!r} {g['kind']}")
        for p in result.spurious:
            click.echo(f"spurious {p['start']:>6} {p['surface']!r} {p['kind']} ({p['rule']})")
        for g, p, diff in result.wrong:
            shown = ", ".join(f"{f}: gold {g.get(f)!r} got {p.get(f)!r}" for f in diff)
            click.echo(f"wrong    {g['start']:>6} {g['surface']!r}: {shown}")
    if result.strict.f1 < min_strict:
        sys.exit(EXIT_INPUT_FAILED)


def main() -> NoReturn:
    """The installed command.  It exits without tearing the interpreter down: freeing
    every imported module (pandas' alone) took about a sixth of a second of each command,
    after the run's files were written and closed.  Tests call ``cli``, which returns."""
    try:
        cli()
    except SystemExit as done:
        _exit_now(done.code)
    _exit_now(0)


def _exit_now(code: object) -> NoReturn:
    """``sys.exit(code)`` without the interpreter's clean-up: output flushed, then gone.
    Under a tracer or profiler (coverage, cProfile, pyinstrument), which report at exit,
    it exits the usual way."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): Python prints it and exits 1
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # a reader that went away (crosscheck run | head) has what it wanted
        with suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(status)
