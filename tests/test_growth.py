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
    # a securities report's period words (当連結会計年度, 前連結会計年度)
    (
        "当連結会計年度の売上高は1,250億3,400万円(前期比8.2%増)となりました。"
        "前連結会計年度の売上高は1,155億6,000万円でした。",
        ["pass"],
    ),
    # a rate naming no base, after one that does in its paragraph: the same base
    (
        "純利益は前年同期比15%増の532億円だった。売上高は4.2%増の6,420億円となった。"
        "前年同期の売上高は6,161億円だった。",
        ["pass"],
    ),
    (
        "純利益は前年同期比15%増の532億円だった。売上高は5.2%増の6,420億円となった。"
        "前年同期の売上高は6,161億円だった。",
        ["fail"],
    ),
    # …compared with the period that base names only; with no base, nothing is compared
    (
        "純利益は前期比15%増の532億円だった。売上高は5.2%増の6,420億円となった。"
        "前年同期の売上高は6,161億円だった。",
        [],
    ),
    ("売上高は5.2%増の6,420億円となった。前年同期の売上高は6,161億円だった。", []),
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


CHANGE_CASES = [
    # a statistics release: the level, then the change and its rate in brackets
    ("就業者数は6,850万人で、前年同月に比べ32万人（0.5％）の増加となった。", ["pass"]),
    ("就業者数は6,850万人で、前年同月に比べ32万人（0.9％）の増加となった。", ["fail"]),
    # the level in the sentence before; a decrease
    ("完全失業者数は170万人。前年同月に比べ7万人（4.0%）の減少。", ["pass"]),
    ("完全失業者数は170万人。前年同月に比べ7万人（3.0%）の減少。", ["fail"]),
    # a price: the level after 高の / 安の
    ("株価は前日比150円（5.1%）高の3,095円で取引を終えた。", ["pass"]),
    ("株価は前日比150円（4.1%）安の3,095円で取引を終えた。", ["fail"]),
    # not checked: no rate, no comparison, a level of another unit, or too far back
    ("就業者数は6,850万人で、前年同月に比べ32万人の増加となった。", []),
    ("就業者数は6,850万人で、うち32万人（0.5％）の増加分は女性だった。", []),
    ("売上高は120億円。前年同月に比べ32万人（0.5％）の増加。", []),
    ("就業者数は6,850万人。男性が多い。女性も多い。前年同月に比べ32万人（0.5％）の増加。", []),
]


@pytest.mark.parametrize(("text", "statuses"), CHANGE_CASES)
def test_change_amounts_with_their_rates(run_text, text, statuses):
    result = run_text(text)
    checks = [c for c in result.checks if c.rule == "growth"]
    assert [c.status for c in checks] == statuses
    assert all(c.rule_version == "growth.v2" and len(c.mention_ids) == 3 for c in checks)


FROM_CASES = [
    # points between percentages; the level before the start
    ("継続したい人は62.3％で、前年の58.1％から4.2ポイント上昇しました。", ["pass"]),
    ("継続したい人は62.3％で、前年の58.1％から3.2ポイント上昇しました。", ["fail"]),
    # the start in brackets, より, a verb of change
    ("平均日数は2.4日で、前年（2.1日）より0.3日増えました。", ["pass"]),
    # an amount of the start's unit; the level written after the change
    ("就業者数は前年の6,818万人から32万人増加し、6,850万人となった。", ["pass"]),
    ("売上高は120億円と、前期の100億円から30億円増加した。", ["fail"]),
    # a rate of change from the start to the level
    ("売上高は前期の100億円から10%増の110億円となった。", ["pass"]),
    # the level before a start placed by a date ("前回調査（2024年9月）の35.8%から")
    ("実施者は32.5%で、前回調査（2024年9月）の35.8%から3.3ポイント低下した。", ["pass"]),
    ("実施者は32.5%で、前回調査（2024年9月）の35.8%から4.3ポイント低下した。", ["fail"]),
    # compared with a start in brackets: an amount and its rate listed together
    (
        "予算規模は約1,250億円で、前年度（1,198億円）と比べて約52億円、4.3%の増加となる。",
        ["pass", "pass"],
    ),
    (
        "予算規模は1,250億円で、前年度（1,198億円）と比べて62億円、5.2%の増加となる。",
        ["fail", "fail"],
    ),
    # from one level to another, then the amount of the change (と, へと)
    ("営業利益率は前年の8.1%から9.3%と1.2ポイント上昇した。", ["pass"]),
    ("営業利益率は前年の8.1%から9.3%と2.2ポイント上昇した。", ["fail"]),
    ("売上高は前年同期の1,000億円から1,200億円と20.0％増加した。", ["pass"]),
    ("新型の重量は従来の2.4kgから1.8kgへと35％軽量化した。", ["fail"]),
    ("処理時間は従来の40分から30分へと25％短縮された。", ["pass"]),
    # from one level to another: the direction word must agree
    ("利用者数は100万人から120万人に増加した。", ["pass"]),
    ("利用者数は100万人から120万人に減少した。", ["fail"]),
    # one figure exceeding another by an amount (を…上回った / 下回った)
    ("山田氏は45万2,318票で、鈴木氏の28万7,654票を16万4,664票上回った。", ["pass"]),
    ("山田氏は45万2,318票で、鈴木氏の28万7,654票を14万4,664票上回った。", ["fail"]),
    ("利用者は1,000人で、前年の1,200人を200人下回った。", ["pass"]),
    # the level said in the sentence before the comparison
    ("10月の訪日客数は389万6,300人となった。前年同月の331万2,193人を約58万人上回った。", ["pass"]),
    ("10月の訪日客数は389万6,300人となった。前年同月の331万2,193人を約68万人上回った。", ["fail"]),
    # two levels of the unit before: which one is compared is unclear
    ("訪日客は389万人、出国者は120万人だった。前年の331万人を58万人上回った。", []),
    # "を" starts a difference only with those verbs
    ("予算は300億円で、新たに100億円を20億円増額する。", []),
    # a percentage that rose "5%": by 5 points or by a twentieth, the text does not say
    ("比率は30%で、前年の25%から5%上昇した。", []),
    # a price range and a start without a change are not changes
    ("料金は3,000円から5,000円までです。", []),
    ("料金は大人1,000円から、子ども500円からです。", []),
]


@pytest.mark.parametrize(("text", "statuses"), FROM_CASES)
def test_changes_from_a_starting_figure(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "change"] == statuses


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # "AからBに減少" and "AからB増加" are a start and a level or a change, not a range
        ("利用者数は100万人から120万人に減少した。", ["100万人", "120万人"]),
        ("前期の100億円から20億円増加した。", ["100億円", "20億円"]),
        ("料金は3,000円から5,000円まで", ["3,000円から5,000円"]),
    ],
)
def test_a_change_from_one_figure_is_not_a_range(mentions_of, text, surfaces):
    assert [m.surface for m in mentions_of(text)] == surfaces


MULTIPLE_CASES = [
    # the base in brackets before の, the level before it, 約 widening the multiple
    ("旅行支出は22万7,000円と、2019年同期（15万9,000円）の約1.4倍に達した。", ["pass"]),
    # the level after the multiple
    ("100億円の3倍に当たる300億円を投じる。", ["pass"]),
    ("100億円の3倍に当たる400億円を投じる。", ["fail"]),
    ("売上高は300億円で、前期の100億円の2倍となった。", ["fail"]),
    # what the multiple multiplies named before it (売上高を), its earlier figure the base
    ("2025年に売上高100億円を達成し、2030年には売上高を3倍の300億円にする。", ["pass"]),
    ("2025年に売上高100億円を達成し、2030年には売上高を3倍の400億円にする。", ["fail"]),
    ("売上高は100億円で、利益を2倍の40億円にする。", []),
    # a multiple of something not written as a figure is not checked
    ("売上高は前年の3倍の300億円。", []),
]


@pytest.mark.parametrize(("text", "statuses"), MULTIPLE_CASES)
def test_multiples_of_a_written_base(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "ratio"] == statuses


_TANSHIN = """（1）連結経営成績（累計）　　　　（％表示は、対前年中間期増減率）

| | 売上高 | | 営業利益 | |
|---|---|---|---|---|
| | 百万円 | ％ | 百万円 | ％ |
| 2026年3月期中間期 | 152,340 | {rate} | 12,480 | 15.3 |
| 2025年3月期中間期 | 143,450 | △2.1 | 10,824 | △8.5 |

2．配当の状況

| | 第2四半期末 | 期末 | 合計 |
|---|---|---|---|
| | 円 銭 | 円 銭 | 円 銭 |
| 2025年3月期 | 30.00 | 35.00 | {total} |
| 2026年3月期（予想） | 35.00 | 35.00 | 70.00 |
"""


@pytest.mark.parametrize(
    ("rate", "total", "growth", "sums"),
    [
        ("6.2", "65.00", ["pass", "pass"], ["pass", "pass"]),
        ("7.2", "65.00", ["fail", "pass"], ["pass", "pass"]),
        ("6.2", "56.00", ["pass", "pass"], ["fail", "pass"]),
    ],
)
def test_a_results_table_of_a_tanshin(run_text, rate, total, growth, sums):
    """Each ％ cell is the change on the row of the year before (the note says so), and the
    dividends' 合計 column adds the cells to its left; the year before has no row below."""
    result = run_text(_TANSHIN.format(rate=rate, total=total))
    assert [c.status for c in result.checks if c.rule_version == "growth.v6"] == growth
    assert [c.status for c in result.checks if c.rule_version == "sum.v9"] == sums


def test_without_the_note_a_percent_column_says_nothing_of_the_year_before(run_text):
    text = _TANSHIN.format(rate="7.2", total="65.00").replace(
        "（％表示は、対前年中間期増減率）", ""
    )
    assert [c for c in run_text(text).checks if c.rule_version == "growth.v6"] == []
