"""What a correct run reports on the seeds (issue 3's acceptance list), and the gold checks."""

from __future__ import annotations

import json

from tests.conftest import GOLD

PDF = "001_7b0533415791930b"
WEB = "000_761058c0af17af92"


def _checks(seed_run, rule=None, status=None):
    result, _ = seed_run
    return [
        c
        for c in result.checks
        if (rule is None or c.rule == rule) and (status is None or c.status == status)
    ]


def _surfaces(seed_run, check):
    result, _ = seed_run
    by_id = {m.mention_id: m for m in result.mentions}
    return [" ".join(by_id[i].surface.split()) for i in check.mention_ids]


def test_the_three_currency_slips_fail(seed_run):
    fails = _checks(seed_run, "unit_consistency", "fail")
    written = sorted({s for c in fails for s in _surfaces(seed_run, c)})
    assert written == ["3.6 億元", "3.6 億円", "4.39 億元", "4.39 億円", "6.1 億元", "6.1 億円"]
    assert all(c.severity == "error" for c in fails)


def test_the_breakdown_adds_up_wherever_it_is_stated(seed_run):
    sums = {tuple(_surfaces(seed_run, c)): c.status for c in _checks(seed_run, "sum")}
    assert sums[("33 億 5,600 万元", "27 億 6,300 万元", "5 億 9,300 万元")] == "pass"
    assert sums[("33.56 億元", "27.63 億元", "5.93 億元")] == "pass"
    assert sums[("503.40 億円", "414.45 億円", "88.95 億円")] == "pass"


def test_conversions_at_each_documents_rate_pass(seed_run):
    conversions = {tuple(_surfaces(seed_run, c)): c.status for c in _checks(seed_run, "conversion")}
    for pair in [
        ("27 億 6,300 万元", "414.45 億円", "1元=15円"),
        ("5 億 9,300 万元", "88.95 億円", "1元=15円"),
        ("33 億 5,600 万元", "503.40 億円", "1元=15円"),
        ("1億元", "15.5億円", "1人民元=15.5円"),
        ("10億元", "155億円", "1人民元=15.5円"),
        ("150億元", "2,300億円", "1人民元=15.5円"),
    ]:
        assert conversions[pair] == "pass", pair


def test_a_conversion_without_a_stated_rate_reports_the_implied_rate(seed_run):
    (implied,) = [c for c in _checks(seed_run, "conversion") if "No rate" in c.message]
    assert implied.severity == "info" and "107" in implied.message


def test_two_stated_rates_give_one_rate_consistency_note(seed_run):
    (note,) = _checks(seed_run, "rate_consistency")
    assert note.status == "warn" and note.severity == "info"
    assert sorted(note.doc_ids) == [WEB, PDF]


def test_restated_figures_pass(seed_run):
    restated = [tuple(_surfaces(seed_run, c)) for c in _checks(seed_run, "restatement", "pass")]
    for pair in [
        ("4.8億元", "4.8 億元"),
        ("7,300万件", "7,300 万件"),
        ("1億3,000万人", "1億3,000万人"),
        ("25万トン", "25万トン"),
    ]:
        assert pair in restated, pair


def test_doctor_counts_that_grew_over_time_are_information(seed_run):
    (grew,) = [c for c in _checks(seed_run, "restatement") if c.status != "pass"]
    assert (grew.status, grew.severity) == ("warn", "info")
    assert _surfaces(seed_run, grew) == ["3,000人", "1 万人"]
    assert "2020-04-22" in grew.message and "2020-05-10" in grew.message


def test_nothing_else_fails_or_warns(seed_run):
    flagged = {(c.rule, c.severity) for c in _checks(seed_run) if c.status != "pass"}
    assert flagged == {
        ("unit_consistency", "error"),
        ("rate_consistency", "info"),
        ("restatement", "info"),
    }


def test_every_table_passes_its_schema_check(seed_run):
    schema = _checks(seed_run, "schema")
    assert {c.status for c in schema} == {"pass"}
    named = {c.message.split()[1] for c in schema}
    assert named == {
        "changes",
        "checks",
        "documents",
        "entities",
        "entity_mentions",
        "errors",
        "mentions",
    }


def test_gold_checks_are_reported(seed_run):
    result, _ = seed_run
    gold = json.loads((GOLD / f"{WEB}.checks.json").read_text(encoding="utf-8"))
    found = {
        (c.rule, c.status, tuple(sorted(int(i.split(":")[1]) for i in c.mention_ids)))
        for c in result.checks
    }
    hits = [g for g in gold if (g["rule"], g["status"], tuple(sorted(g["mentions"]))) in found]
    assert len(hits) == len(gold), [g for g in gold if g not in hits]
