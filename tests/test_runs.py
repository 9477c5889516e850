"""Re-running: the cache, parallel jobs, configuration, and an interrupted run."""

from __future__ import annotations

import gc
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from pipeline.cache import DocumentCache
from pipeline.cli import cli
from pipeline.config import ConfigError, load_config
from pipeline.run import run
from tests.conftest import RAW, ROOT


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    return folder


def _files(out):
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file()
        and not any(part == ".cache" or part.startswith(".staging") for part in p.parts)
    }


def test_unchanged_documents_come_from_the_cache(raw, tmp_path):
    out = tmp_path / "out"
    cache = DocumentCache(out / ".cache")
    first = run(raw, out, cache=cache)
    second = run(raw, out, cache=cache)
    assert (first.cache_hits, second.cache_hits) == (0, 2)
    assert second.seconds_saved > 0
    assert [m.model_dump() for m in second.mentions] == [m.model_dump() for m in first.mentions]
    doc = raw / "001_7b0533415791930b.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("4.39 億円", "4.38 億円"), encoding="utf-8"
    )
    third = run(raw, out, cache=cache)
    assert third.cache_hits == 1
    assert "4.38 億円" in {m.surface for m in third.mentions}


def _check_rows(result):
    return [c.model_dump() for c in result.checks if c.rule != "schema"]


def test_unchanged_documents_reuse_their_own_findings_and_match_a_fresh_run(raw, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    cache = DocumentCache(out / ".cache")
    first = run(raw, out, cache=cache)
    stored = set((out / ".cache").glob("*.findings.pickle"))
    assert len(stored) == 2  # one per document
    assert _check_rows(run(raw, out, cache=cache)) == _check_rows(first)
    doc = raw / "001_7b0533415791930b.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("4.39 億円", "4.93 億円"), encoding="utf-8"
    )
    changed = run(raw, out, cache=cache)
    # the changed document's findings are computed and stored; the other's are reused
    assert len(set((out / ".cache").glob("*.findings.pickle")) - stored) == 1
    assert _check_rows(changed) == _check_rows(run(raw, fresh))
    assert _check_rows(changed) != _check_rows(first)


def test_reused_findings_follow_a_new_alias(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "株式会社マイバンクは、新工場に4.39億元を投資した。\n\n同年には新サービスも始めた。"
        "\n\nアリババグループは、新工場に4.39億円を投資した。\n",
        encoding="utf-8",
    )
    cache = DocumentCache(out / ".cache")
    rules = lambda r: [c.rule for c in r.checks if c.status == "fail"]  # noqa: E731
    assert rules(run(raw, out, cache=cache)) == []
    # two names of one company: the figures now have one subject, in two currencies
    (raw / "aliases.toml").write_text(
        '"アリババグループ" = ["株式会社マイバンク"]\n', encoding="utf-8"
    )
    again = run(raw, out, cache=cache)
    assert again.cache_hits == 1 and rules(again) == ["unit_consistency"]


def test_a_documents_own_findings_do_not_depend_on_the_other_documents(raw, tmp_path):
    both = run(raw, tmp_path / "both")
    alone_raw = tmp_path / "alone"
    alone_raw.mkdir()
    shutil.copy(raw / "001_7b0533415791930b.txt", alone_raw)
    alone = run(alone_raw, tmp_path / "alone-out")
    own = lambda r: sorted(  # noqa: E731
        (c.rule_version, c.status, tuple(c.mention_ids), c.message)
        for c in r.checks
        if c.doc_ids == ["001_7b0533415791930b"] and c.rule != "schema"
    )
    assert own(alone) and own(both) == own(alone)


def test_a_run_restores_the_process_settings_it_changes(raw, tmp_path):
    # a library call must not leave the caller's garbage collector or Arrow allocator changed
    thresholds, pool = gc.get_threshold(), pa.default_memory_pool().backend_name
    run(raw, tmp_path / "out")
    assert gc.get_threshold() == thresholds
    assert pa.default_memory_pool().backend_name == pool


def test_no_cache_reads_nothing_and_a_damaged_entry_is_recomputed(raw, tmp_path):
    out = tmp_path / "out"
    run(raw, out, cache=DocumentCache(out / ".cache"))
    assert run(raw, out, cache=DocumentCache(out / ".cache", read=False)).cache_hits == 0
    for entry in (out / ".cache").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = run(raw, out, cache=DocumentCache(out / ".cache"))
    assert again.cache_hits == 0 and len(again.documents) == 2


def _tokens(out):
    return pd.read_parquet(out / "tokens.parquet")


def test_an_unchanged_token_table_is_kept_and_a_changed_one_rebuilt(raw, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    cache = DocumentCache(out / ".cache")
    run(raw, out, cache=cache)
    written = (out / "tokens.parquet").stat()
    run(raw, out, cache=cache)
    kept = (out / "tokens.parquet").stat()
    assert (kept.st_ino, kept.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    doc = raw / "001_7b0533415791930b.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n追記：合計9,999台。\n", encoding="utf-8")
    run(raw, out, cache=cache)
    run(raw, fresh)
    assert "追記" in set(_tokens(out)["surface"])
    pd.testing.assert_frame_equal(_tokens(out), _tokens(fresh))


def test_an_unchanged_run_rewrites_only_the_report_and_restores_a_missing_csv(raw, tmp_path):
    out = tmp_path / "out"
    cache = DocumentCache(out / ".cache")
    run(raw, out, cache=cache)
    again = run(raw, out, cache=cache)
    assert sorted(p.name for p in again.written) == ["report.html", "report.md"]
    (out / "mentions.csv").unlink()
    (out / "checks.parquet").write_bytes(b"not parquet")
    third = run(raw, out, cache=cache)
    replaced = {p.name for p in third.written}
    assert {"mentions.csv", "mentions.parquet", "checks.parquet", "checks.csv"} <= replaced
    assert len(pd.read_parquet(out / "checks.parquet")) == len(third.checks)


#: what a re-run whose documents all come from the cache never needs: the tagger and the
#: extraction rules (only computed documents need them), pandas and pandera (only tables
#: that changed are built and validated)
_NOT_LOADED_ON_A_CACHED_RERUN = (
    "fugashi",
    "pipeline.document",
    "pipeline.extract",
    "pipeline.tokenise",
    "pipeline.link.document",
    "pandas",
    "pandera",
)


def test_a_cached_rerun_loads_neither_the_tagger_nor_pandas(raw, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out)]
    subprocess.run([*command, "-q"], cwd=ROOT, check=True)
    probe = (
        "import sys\n"
        "from pipeline.cli import cli\n"
        "try:\n"
        f"    cli({[*command[3:], '-q']!r}, standalone_mode=False)\n"
        "finally:\n"
        f"    print(sorted(m for m in {_NOT_LOADED_ON_A_CACHED_RERUN!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".md") == ["report.md"]


def test_a_new_alias_file_rewrites_the_subjects_of_unchanged_documents(raw, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    cache = DocumentCache(out / ".cache")
    run(raw, out, cache=cache)
    before = pd.read_parquet(out / "mentions.parquet")
    (raw / "aliases.toml").write_text('"マイバンク" = ["アリババグループ"]\n', encoding="utf-8")
    again = run(raw, out, cache=cache)
    assert again.cache_hits == 2 and "mentions.parquet" in {p.name for p in again.written}
    run(raw, fresh)
    after = pd.read_parquet(out / "mentions.parquet")
    pd.testing.assert_frame_equal(after, pd.read_parquet(fresh / "mentions.parquet"))
    # findings kept for a document are not reused once its subjects are others
    fresh_checks = pd.read_parquet(fresh / "checks.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(out / "checks.parquet"), fresh_checks)
    assert not after["subject"].equals(before["subject"])


@pytest.mark.parametrize("damage", ["pickle", "tokens.arrow"])
def test_a_damaged_entry_still_gives_the_whole_token_table(raw, tmp_path, damage):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    run(raw, out, cache=DocumentCache(out / ".cache"))
    (out / "tokens.parquet").unlink()  # so the second run must write it again
    for entry in (out / ".cache").glob(f"*.{damage}"):
        entry.write_bytes(b"damaged")
    run(raw, out, cache=DocumentCache(out / ".cache"))
    run(raw, fresh)
    pd.testing.assert_frame_equal(_tokens(out), _tokens(fresh))


def test_parallel_jobs_write_the_same_output(raw, tmp_path):
    run(raw, tmp_path / "serial", jobs=1)
    run(raw, tmp_path / "parallel", jobs=2)
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")


def test_config_file_sets_defaults(tmp_path, monkeypatch, raw):
    (tmp_path / "crosscheck.toml").write_text(
        f'raw = "{raw}"\nout = "{tmp_path / "configured"}"\nfail_on = "error"\n'
        "[published]\nx = 2024-05-10\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    config = load_config(tmp_path)
    assert config.published["x"].isoformat() == "2024-05-10"
    result = CliRunner().invoke(cli, ["run", "-q"])
    assert result.exit_code == 3  # fail_on = "error" and the seeds have three errors
    assert (tmp_path / "configured" / "report.md").exists()


def test_config_in_pyproject_and_bad_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.crosscheck]\njobs = 2\n", encoding="utf-8")
    assert load_config(tmp_path).defaults == {"jobs": 2}
    (tmp_path / "crosscheck.toml").write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(tmp_path)
    (tmp_path / "crosscheck.toml").write_text("approx_tolerance = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="approx_tolerance"):
        load_config(tmp_path)


def test_a_tighter_approx_tolerance_turns_a_rounded_conversion_into_a_fail(run_text):
    text = "1元=15円で換算。基金は1億元（約16億円）を拠出した。"
    loose = run_text(text, "loose")
    tight = run_text(text, "tight", approx_tolerance=0.01)
    status = lambda r: [c.status for c in r.checks if c.rule == "conversion"]  # noqa: E731
    assert (status(loose), status(tight)) == (["pass"], ["fail"])


def test_a_killed_run_leaves_the_previous_output(raw, tmp_path):
    out = tmp_path / "out"
    run(raw, out)
    before = _files(out)
    for n in range(60):  # enough work that the run is still going when it is killed
        (raw / f"copy{n:02d}.txt").write_bytes((RAW / "001_7b0533415791930b.txt").read_bytes())
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline",
            "run",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--no-cache",
            "-q",
        ],
        cwd=ROOT,
    )
    time.sleep(2.5)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _files(out) == before
    again = run(raw, out)  # the next run completes and clears the abandoned staging folder
    assert len(again.documents) == 62
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]
