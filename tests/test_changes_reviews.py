"""Run-to-run changes and review decisions."""

from __future__ import annotations

import shutil

import pytest

from pipeline.reviews import ReviewFileError, load_reviews
from pipeline.run import run
from tests.conftest import RAW

PDF = "001_7b0533415791930b.txt"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    return folder


def _edit(raw, old, new):
    path = raw / PDF
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_first_run_has_no_changes(raw, tmp_path):
    assert run(raw, tmp_path / "out").changes == []


def test_one_changed_figure_is_exactly_one_change(raw, tmp_path):
    out = tmp_path / "out"
    run(raw, out)
    _edit(raw, "（88.95 億円）", "（89.95 億円）")
    result = run(raw, out)
    kinds = sorted(c.change for c in result.changes)
    assert kinds.count("mention_changed") == 1
    changed = next(c for c in result.changes if c.change == "mention_changed")
    assert (changed.before, changed.after) == ("88.95 億円", "89.95 億円")
    assert "new_fail" in kinds and "document_modified" in kinds
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.index("Changes since the previous run") < report.index("## Findings")
    assert "'88.95 億円' is now '89.95 億円'" in report


def test_an_inserted_paragraph_does_not_make_later_figures_change(raw, tmp_path):
    out = tmp_path / "out"
    run(raw, out)
    _edit(
        raw,
        "アリババグループは『あらゆる",
        "新しい段落を挿入しました。\n\nアリババグループは『あらゆる",
    )
    result = run(raw, out)
    assert [c.change for c in result.changes] == ["document_modified"]


def test_accepted_findings_and_stale_reviews(raw, tmp_path):
    (raw / "reviews.toml").write_text(
        '[[accept]]\nrule = "unit_consistency"\nfigures = ["4.39 億元", "4.39 億円"]\n'
        'reason = "Typo in the source; 億元 is right."\nby = "Reviewer"\ndate = 2026-11-20\n\n'
        '[[accept]]\nrule = "sum"\nfigures = ["1億", "2億"]\nreason = "obsolete"\n',
        encoding="utf-8",
    )
    result = run(raw, tmp_path / "out")
    accepted = [c for c in result.checks if c.accepted]
    assert len(accepted) == 1 and "Typo in the source" in accepted[0].review
    stale = [c for c in result.checks if c.rule == "review"]
    assert len(stale) == 1 and stale[0].status == "warn" and "obsolete" not in stale[0].message
    open_fails = [c for c in result.checks if c.status == "fail" and not c.accepted]
    assert len(open_fails) == 2


def test_review_file_errors_name_the_entry(tmp_path):
    (tmp_path / "reviews.toml").write_text('[[accept]]\nrule = "sum"\n', encoding="utf-8")
    with pytest.raises(ReviewFileError, match="entry 1"):
        load_reviews(tmp_path)


def test_a_fail_next_to_an_edit_is_neither_new_nor_resolved(raw, tmp_path):
    out = tmp_path / "out"
    run(raw, out)
    _edit(raw, "計 4.39 億円を拠出した。", "計 4.39 億円を拠出した。\n\n追記の段落。")
    result = run(raw, out)
    assert not [c for c in result.changes if c.change in ("new_fail", "fail_resolved")]
