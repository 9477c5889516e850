"""The command line: help everywhere, documented commands, exit codes, clear errors."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import GOLD, RAW, ROOT

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert len(result.output.splitlines()) > 4


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command):
    assert f"crosscheck {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_run_then_eval(tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(cli, ["run", "--raw", str(RAW), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 document(s)" in result.output
    result = runner.invoke(
        cli,
        [
            "eval",
            "--gold",
            str(GOLD / "000_761058c0af17af92.jsonl"),
            "--out",
            str(out),
            "--min-strict",
            "0.95",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "strict" in result.output and "detection" in result.output


def test_bad_file_exits_1_with_one_line_naming_it(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "zero.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["run", "--raw", str(raw), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {raw / 'zero.txt'}: file is empty"]


def test_missing_input_folder_says_how_to_fix_it(tmp_path):
    result = CliRunner().invoke(cli, ["run", "--raw", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "--raw" in result.output


def test_python_dash_m_pipeline_is_the_same_command():
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0 and "run" in done.stdout


def test_the_command_exits_with_its_code_and_every_line_it_printed(tmp_path):
    """The installed command skips the interpreter's tear-down: its output and exit code
    must arrive all the same, through pipes as well."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "zero.txt").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert f"error: {raw / 'zero.txt'}: file is empty" in done.stdout + done.stderr
    assert "report    :" in done.stdout


@pytest.mark.parametrize(
    ("code", "status", "stderr"), [(None, 0, ""), (3, 3, ""), ("bad input", 1, "bad input\n")]
)
def test_a_quick_exit_keeps_what_sys_exit_means(code, status, stderr):
    done = subprocess.run(
        [sys.executable, "-c", f"from pipeline.cli import _exit_now; _exit_now({code!r})"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (done.returncode, done.stderr) == (status, stderr)


def test_under_a_tracer_the_command_exits_the_usual_way():
    """coverage and profilers report from exit handlers, which a quick exit would skip."""
    program = (
        "import atexit, sys; atexit.register(lambda: print('reported')); "
        "sys.settrace(lambda *a: None); from pipeline.cli import _exit_now; _exit_now(0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert (done.returncode, done.stdout) == (0, "reported\n")


def test_an_empty_input_folder_says_what_it_looks_for(tmp_path):
    (tmp_path / "raw").mkdir()
    result = CliRunner().invoke(
        cli, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "-q"]
    )
    assert result.exit_code == 0 and "no documents (.htm, .html, .md, .pdf, .txt)" in result.output
