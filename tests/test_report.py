"""The review report: totals, every fail quoted in context, passes; HTML renders in a browser."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import RAW


def test_markdown_report_lists_failures_first_with_quotes(seed_run):
    _, out = seed_run
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.index("## Findings") < md.index("## Passed")
    findings = md[md.index("## Findings") : md.index("## Passed")]
    assert findings.count("### FAIL (error) · unit_consistency") == 3
    assert "**4.39 億円**" in findings and "line 180" in findings


def test_html_report_is_self_contained_and_escaped(seed_run):
    _, out = seed_run
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("<body>")[1].split("</style>")[0]
    assert "<mark>4.39 億円</mark>" in html
    assert html.count('class="finding fail error"') == 3


def test_fail_on_sets_the_exit_code(tmp_path):
    runner = CliRunner()
    out = str(tmp_path / "out")
    assert runner.invoke(cli, ["run", "--raw", str(RAW), "--out", out, "-q"]).exit_code == 0
    assert (
        runner.invoke(
            cli, ["run", "--raw", str(RAW), "--out", out, "-q", "--fail-on", "error"]
        ).exit_code
        == 3
    )
    assert (
        runner.invoke(
            cli, ["run", "--raw", str(RAW), "--out", out, "-q", "--fail-on", "never"]
        ).exit_code
        == 0
    )


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
)
def test_failures_are_visible_in_a_browser(seed_run, tmp_path):
    _, out = seed_run
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (out / "report.html").resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("FAIL (error)") == 3
    assert "4.39 億円" in dom


def test_many_passes_are_counted_not_all_listed(run_text, tmp_path, monkeypatch):
    import pipeline.report

    monkeypatch.setattr(pipeline.report, "PASSES_SHOWN", 1)
    run_text("寄付は150万枚で、マスク100万枚、防護服50万枚だった。" * 3)
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    passed = md[md.index("## Passed") :]
    assert "### sum (3)" in passed and passed.count("- `sum:") == 1
    assert "and 2 more; every check is in `checks.csv`" in passed


def test_findings_beyond_the_quoted_ones_are_listed_without_quotes(run_text, tmp_path, monkeypatch):
    import pipeline.report

    monkeypatch.setattr(pipeline.report, "QUOTED_FINDINGS", 1)
    run_text("支援は総額31億円で、うち医療に21億円、物流に15億円を充てた。" * 2)
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    findings = md[md.index("## Findings") : md.index("## Passed")]
    assert findings.count("### FAIL") == 2 and findings.count("> a, line") == 1
    assert "the other 1 are listed without quotes" in findings
