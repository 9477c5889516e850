"""Bare numbers in table cells take the unit the table declares (（単位：百万円）)."""

from __future__ import annotations

import pytest

TABLE = """（単位：百万円）
| 区分 | 2024年3月期 | 2025年3月期 | 増減率 |
|---|---|---|---|
| 売上高 | 123,456 | 145,678 | 18.0% |
| 営業利益 | △1,234 | 5,678 | - |
"""


def test_cells_take_the_declared_unit_and_scale(mentions_of):
    cells = [
        (m.surface, m.kind, m.value, m.unit)
        for m in mentions_of(TABLE)
        if m.rule == "table.cell.v1"
    ]
    assert cells == [
        ("123,456", "money", 123_456e6, "JPY"),
        ("145,678", "money", 145_678e6, "JPY"),
        ("1,234", "money", -1_234e6, "JPY"),
        ("5,678", "money", 5_678e6, "JPY"),
    ]


def test_a_declaration_in_the_header_row(mentions_of):
    table = "| 地域 | 人口(単位:千人) |\n|---|---|\n| 東京都 | 14,047 |\n"
    [m] = [m for m in mentions_of(table) if m.rule == "table.cell.v1"]
    assert (m.surface, m.kind, m.value, m.unit) == ("14,047", "count", 14_047_000, "人")


def test_without_a_declaration_bare_cells_are_not_figures(mentions_of):
    table = "| 項目 | 数 |\n|---|---|\n| 社員 | 1,200 |\n"
    assert [m for m in mentions_of(table) if m.rule == "table.cell.v1"] == []


def test_header_cells_give_their_columns_units(mentions_of):
    table = (
        "| 区分 | 売上高（百万円） | 前年比(%) | 従業員(人) |\n"
        "|---|---|---|---|\n"
        "| 国内 | 12,345 | 5.6 | 1,200 |\n"
    )
    cells = [
        (m.surface, m.kind, m.value, m.unit)
        for m in mentions_of(table)
        if m.rule == "table.cell.v1"
    ]
    assert cells == [
        ("12,345", "money", 12_345e6, "JPY"),
        ("5.6", "percent", 5.6, "%"),
        ("1,200", "count", 1_200, "人"),
    ]


UNIT_ROW = """| | 売上高 | | 営業利益 | |
|---|---|---|---|---|
| | 百万円 | ％ | 百万円 | ％ |
| 2026年3月期中間期 | 125,430 | 4.2 | 8,210 | △12.5 |
"""


def test_a_row_of_units_under_the_header_gives_its_columns_units(mentions_of):
    found = mentions_of(UNIT_ROW)
    cells = [(m.surface, m.kind, m.value, m.unit) for m in found if m.rule == "table.cell.v1"]
    assert cells == [
        ("125,430", "money", 125_430e6, "JPY"),
        ("4.2", "percent", 4.2, "%"),
        ("8,210", "money", 8_210e6, "JPY"),
        ("12.5", "percent", -12.5, "%"),
    ]
    # the unit labels themselves are not figures (百万円 alone reads as one million yen)
    assert "百万円" not in {m.surface for m in found}


@pytest.mark.parametrize(
    ("prose", "statuses"),
    [
        # a table's △12.5 and the text's "12.5％減" state one change
        (
            "売上高は1,254億30百万円（前年同期比4.2％増）、"
            "営業利益は82億10百万円（同12.5％減）となりました。",
            ["pass", "pass", "pass", "pass"],
        ),
        (
            "売上高は1,254億30百万円（前年同期比4.2％増）、"
            "営業利益は82億90百万円（同13.5％減）となりました。",
            ["fail", "fail", "pass"],
        ),
    ],
)
def test_a_table_and_the_text_restate_each_other(run_text, prose, statuses):
    text = "サンプル化学工業株式会社は、中間期の決算を発表しました。\n\n" + UNIT_ROW + "\n" + prose
    result = run_text(text)
    assert sorted(c.status for c in result.checks if c.rule == "restatement") == statuses


SEGMENTS = """（単位：百万円）

| セグメント | 2024年3月期 | 2025年3月期 |
|---|---|---|
| 家電 | 120,000 | 130,000 |
| 産業機器 | 95,000 | 101,000 |
| その他 | 15,000 | 14,000 |
| 合計 | {total} | 245,000 |
"""

SUBTOTALS = """（単位：人）

| 区分 | 人数 |
|---|---|
| 本社 | 120 |
| 工場 | 300 |
| 小計 | {subtotal} |
| 海外 | 80 |
| 合計 | 500 |
"""


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # every column's total against the cells above it; every written digit counts
        (SEGMENTS.format(total="230,000"), ["pass", "pass"]),
        (SEGMENTS.format(total="232,000"), ["fail", "pass"]),
        # with 小計 rows only they are checked: 合計 may add the 小計s or every row
        (SUBTOTALS.format(subtotal="420"), ["pass"]),
        (SUBTOTALS.format(subtotal="410"), ["fail"]),
        # a row whose label merely begins like a total word (計画) is a part, not a total
        (SEGMENTS.format(total="230,000").replace("産業機器", "計測機器"), ["pass", "pass"]),
        # a total's label may go on in brackets
        (
            SEGMENTS.format(total="230,000").replace("| 合計 |", "| 合計（連結） |"),
            ["pass", "pass"],
        ),
        # no total row: nothing to check
        (SEGMENTS.replace("| 合計 | {total} | 245,000 |\n", ""), []),
        # rows written without their closing "|" are rows all the same
        (SEGMENTS.format(total="232,000").replace(" |\n", "\n"), ["fail", "pass"]),
    ],
)
def test_a_tables_total_row_against_the_rows_above(run_text, text, statuses):
    checks = [c for c in run_text(text).checks if c.rule_version == "sum.v2"]
    assert [c.status for c in checks] == statuses


INDUSTRY_SHARES = """| 業種 | 社数（社） | {header} |
|---|---|---|
| 情報通信業 | 315 | {first} |
| 製造業 | 242 | 24.2 |
| その他 | 443 | 44.3 |
| 合計 | 1,000 | 100.0 |
"""


@pytest.mark.parametrize(
    ("header", "first", "statuses"),
    [
        # shares of one whole add up to its 100.0 as counts add up to theirs
        ("構成比（％）", "31.5", ["pass", "pass"]),
        ("構成比（％）", "41.5", ["pass", "fail"]),
        # rates of separate groups add up to nothing
        ("前年比（％）", "41.5", ["pass"]),
    ],
)
def test_a_column_of_shares_adds_up_to_its_total_row(run_text, header, first, statuses):
    text = INDUSTRY_SHARES.format(header=header, first=first)
    checks = [c for c in run_text(text).checks if c.rule_version == "sum.v2"]
    assert [c.status for c in checks] == statuses


RATES = """（単位：百万円）

| セグメント | 2024年3月期 | 2025年3月期 | {header} |
|---|---|---|---|
| 家電 | 120,000 | 130,000 | {rate} |
"""


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a change-rate column against the columns of the earliest and latest period
        (RATES.format(header="増減率", rate="8.3%"), ["pass"]),
        (RATES.format(header="増減率", rate="9.3%"), ["fail"]),
        # 前年比 may give the later figure as a share of the earlier one
        (RATES.format(header="前年比", rate="108.3%"), ["pass"]),
        # a column that is no change rate is not checked
        (RATES.format(header="構成比", rate="53.1%"), []),
        # without dated columns, which figure is earlier is not known
        (RATES.replace("2024年3月期", "計画").format(header="増減率", rate="8.3%"), []),
    ],
)
def test_a_tables_change_rate_column(run_text, text, statuses):
    checks = [c for c in run_text(text).checks if c.rule_version == "growth.v3"]
    assert [c.status for c in checks] == statuses


def test_a_declaration_between_two_tables_is_the_second_ones(mentions_of):
    text = (
        "| 項目 | 件数 |\n|---|---|\n| 申請 | 1,200 |\n\n"
        "（単位：千人）\n\n| 項目 | 人数 |\n|---|---|\n| 利用者 | 350 |\n"
    )
    units = {m.surface: m.unit for m in mentions_of(text) if m.rule == "table.cell.v1"}
    assert units.get("350") == "人" and "1,200" not in units


DIFFERENCES = """| 項目 | 2024年3月期 | 2025年3月期 | {header} |
|---|---|---|---|
| 売上高 | 12,450 | 13,120 | {difference} |

（単位：百万円）
"""


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a difference column against the earliest and latest period, the unit declared
        # on a line of its own under the table
        (DIFFERENCES.format(header="増減額", difference="670"), ["pass"]),
        (DIFFERENCES.format(header="増減額", difference="760"), ["fail"]),
        (DIFFERENCES.format(header="前年差", difference="△670"), ["fail"]),
        # a column that is no difference is not checked
        (DIFFERENCES.format(header="備考", difference="670"), []),
    ],
)
def test_a_tables_difference_column(run_text, text, statuses):
    result = run_text(text)
    units = {m.surface: m.unit for m in result.mentions if m.rule == "table.cell.v1"}
    assert units["12,450"] == "JPY"
    checks = [c for c in result.checks if c.rule_version == "growth.v4"]
    assert [c.status for c in checks] == statuses


SEGMENT_TABLE = """サンプル鉄道株式会社は決算を発表しました。営業収益は{prose}億円となりました。

| セグメント | 営業収益（億円） | 前年同期比（%） | 2024年度（億円） |
|---|---|---|---|
| 運輸業 | 1,850 | 5.1 | 1,760 |
| 不動産業 | 720 | 9.8 | 656 |
| 合計 | 2,570 | 6.3 | 2,416 |
"""


def test_a_cell_measures_its_header_and_its_row(run_text):
    found = run_text(SEGMENT_TABLE.format(prose="2,570")).mentions
    measures = {m.surface: m.measure for m in found if m.rule == "table.cell.v1"}
    assert measures["1,850"] == "運輸業の営業収益"
    assert measures["2,570"] == "営業収益"  # the total row: the header alone
    assert measures["5.1"] is None  # a comparison column
    assert measures["1,760"] is None  # a period column


@pytest.mark.parametrize(("prose", "status"), [("2,570", "pass"), ("2,750", "fail")])
def test_a_table_total_restates_the_text(run_text, prose, status):
    result = run_text(SEGMENT_TABLE.format(prose=prose))
    assert [c.status for c in result.checks if c.rule_version == "restatement.v2"] == [status]


SHARES = """消費支出は1世帯当たり302,145円、前年同月比1.2%の増加

| 費目 | 金額（円） | 構成比（％） |
|---|---|---|
| 食料 | 85,420 | 28.3 |
| その他 | 216,725 | 71.7 |
| 合計 | 302,145 | 100.0 |
"""


def test_a_share_column_is_no_change_rate_of_the_same_total(run_text):
    """The total row shares 302,145 with the headline, but its 100.0 is the total's share
    (構成比), not the headline's change rate: the two percents are not one claim."""
    result = run_text(SHARES)
    cells = {m.surface: m.measure for m in result.mentions if m.rule == "table.cell.v1"}
    assert cells["100.0"] == "構成比" and cells["28.3"] == "食料の構成比"
    assert [c.status for c in result.checks if c.rule == "restatement" and c.status != "pass"] == []


def test_a_rows_label_gives_its_cells_their_unit(mentions_of):
    table = (
        "| | 売上高 | 営業利益 |\n|---|---|---|\n| | 百万円 | 百万円 |\n"
        "| 当期 | 262,000 | 21,500 |\n| 増減率（％） | 4.8 | 19.4 |\n"
        "| 1株当たり配当金（円） | 50 | - |\n| 従業員数（人） | 1,300 | - |\n"
    )
    cells = [(m.surface, m.kind, m.unit) for m in mentions_of(table) if m.rule == "table.cell.v1"]
    assert cells == [
        ("262,000", "money", "JPY"),
        ("21,500", "money", "JPY"),
        ("4.8", "percent", "%"),
        ("19.4", "percent", "%"),
        ("50", "money", "JPY"),
        ("1,300", "count", "人"),
    ]


_REVISION = (
    "| | 売上高 | 営業利益 |\n|---|---|---|\n| | 百万円 | 百万円 |\n"
    "| 前回発表予想（A） | 250,000 | 18,000 |\n| 今回修正予想（B） | 262,000 | 21,500 |\n"
    "| 増減額（B－A） | {diff} | 3,500 |\n| 増減率（％） | 4.8 | {rate} |\n"
    "| （ご参考）前期実績 | 241,356 | 16,872 |\n"
)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a forecast revision: rows (A), (B), their difference and its rate, per column
        (_REVISION.format(diff="12,000", rate="19.4"), ["pass"] * 4),
        (_REVISION.format(diff="12,500", rate="19.4"), ["fail", "pass", "pass", "pass"]),
        (_REVISION.format(diff="12,000", rate="91.4"), ["pass", "pass", "pass", "fail"]),
        # without letters, a 増減 row compares the two rows right above it
        (
            "| | 売上高 |\n|---|---|\n| | 百万円 |\n| 前期 | 100,000 |\n| 当期 | 120,000 |\n"
            "| 増減 | 20,000 |\n| 増減率（％） | 20.0 |\n",
            ["pass", "pass"],
        ),
        # a 前年比 row names its base, which need not be the row above
        (
            "| | 消費支出 |\n|---|---|\n| | 円 |\n| 2025年9月 | 300,000 |\n"
            "| 2025年10月 | 302,145 |\n| 前年同月比（％） | 1.2 |\n",
            [],
        ),
    ],
)
def test_a_table_whose_rows_are_compared(run_text, text, statuses):
    checks = [c for c in run_text(text).checks if c.rule_version == "growth.v5"]
    assert [c.status for c in checks] == statuses


def test_a_revision_table_and_its_prose_are_no_restatements_of_each_other(run_text):
    # the text's 120億円 (a difference of sales) equals the table's net income forecast,
    # and a row and the sentence hold as many amounts, in another order
    text = (
        "サンプル精機株式会社は業績予想を修正しました。\n\n"
        "| | 売上高 | 営業利益 | 経常利益 | 当期純利益 |\n|---|---|---|---|---|\n"
        "| | 百万円 | 百万円 | 百万円 | 百万円 |\n"
        "| 前回発表予想（A） | 250,000 | 18,000 | 18,500 | 12,000 |\n"
        "| 今回修正予想（B） | 262,000 | 21,500 | 22,300 | 14,800 |\n"
        "| 増減額（B－A） | 12,000 | 3,500 | 3,800 | 2,800 |\n\n"
        "売上高は前回予想を120億円上回る2,620億円、営業利益は35億円上回る215億円となる見込みです。"
    )
    result = run_text(text)
    assert [
        c.message for c in result.checks if c.rule == "restatement" and c.status != "pass"
    ] == []


_TOURISM = (
    "みどり県観光局の発表。観光客数は延べ4,215万人で、前年（3,876万人）に比べ{rate}増加した。\n\n"
    "（単位：千人、％）\n| 地域 | 令和5年 | 令和6年 | 前年比 |\n|---|---|---|---|\n"
    "| 北部 | 12,340 | 13,560 | 109.9 |\n| 南部 | 26,420 | 28,590 | 108.2 |\n"
    "| 合計 | 38,760 | 42,150 | 108.7 |\n"
)


def test_a_declaration_of_two_units_gives_rate_columns_the_second(mentions_of):
    cells = {
        m.surface: (m.kind, m.unit)
        for m in mentions_of(_TOURISM.format(rate="8.7％"))
        if m.rule == "table.cell.v1"
    }
    assert cells["12,340"] == ("count", "人") and cells["109.9"] == ("percent", "%")


@pytest.mark.parametrize(
    ("rate", "restatement"),
    [
        # the text's 8.7％増 and the table's 前年比 108.7 state one change
        ("339万人（8.7％）", ["pass"]),
        ("339万人（9.7％）", ["fail"]),
    ],
)
def test_a_tables_share_of_the_earlier_figure_restates_the_texts_change(
    run_text, rate, restatement
):
    result = run_text(_TOURISM.format(rate=rate))
    checks = [c for c in result.checks if c.rule == "restatement" and c.doc_ids]
    assert [c.status for c in checks] == restatement
    # the rate over the level in brackets (前年（3,876万人）に比べ), the level changed from
    growth = [c.status for c in result.checks if c.rule_version == "growth.v2"]
    assert growth == (["pass"] if "8.7" in rate else ["fail"])
    assert [c.status for c in result.checks if c.rule == "sum"] == ["pass", "pass"]


def test_a_column_of_percentages_keeps_its_unit_in_a_row_of_amounts(mentions_of):
    table = (
        "| 指標 | 2025年 | 前年比(%) |\n|---|---|---|\n| 売上高（百万円） | 1,200 | 5.2 |\n"
        "| 増減率（％） | 4.8 | - |\n"
    )
    cells = [(m.surface, m.kind, m.unit) for m in mentions_of(table) if m.rule == "table.cell.v1"]
    assert cells == [("1,200", "money", "JPY"), ("5.2", "percent", "%"), ("4.8", "percent", "%")]
