"""growth: a stated change rate against the current and the earlier figure it compares."""

from __future__ import annotations

import pytest

CASES = [
    # the rate in brackets after the amount, the earlier figure in a later sentence
    (
        "ミライ電機の当期の売上高は3,210億円(前期比6.5%増)となりました。"
        "前期の売上高は3,014億円でした。",
        ["pass"],
    ),
    (
        "ミライ電機の当期の売上高は3,210億円(前期比8.5%増)となりました。"
        "前期の売上高は3,014億円でした。",
        ["fail"],
    ),
    # the rate before the amount; a decrease
    (
        "ミライ電機の売上高は前期比10.0%減の900億円だった。前期の売上高は1,000億円だった。",
        ["pass"],
    ),
    # 同 repeats the base; the earlier figure shares its sentence with another measure
    (
        "ミライ電機の当期の売上高は3,210億円(前期比6.5%増)、営業利益は245億円(同11.2%増)。"
        "前期の売上高は3,014億円、営業利益は220億円でした。",
        ["pass", "pass"],
    ),
    # no earlier figure written: nothing to check
    ("ミライ電機の売上高は3,210億円(前期比6.5%増)となりました。", []),
    # a segment under its own heading is not compared with the company's earlier total
    (
        "■連結\nミライ電機の前期の売上高は3,014億円でした。\n"
        "■家電事業\nミライ電機の売上高は1,820億円(前期比4.0%増)となりました。",
        [],
    ),
]


@pytest.mark.parametrize(("text", "statuses"), CASES)
def test_change_rates(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "growth"] == statuses
