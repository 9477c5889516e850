"""What a figure measures: the noun phrase its clause is about, names and dates left out."""

from __future__ import annotations

import pytest

MEASURES = [
    # phrase, figure, measure
    ("売上高は合計1,200億円となった。", "1,200億円", "売上高"),
    ("2024年度の売上高が1,300億円だった。", "1,300億円", "売上高"),
    ("前年度の売上高は1,100億円でした。", "1,100億円", "前年度の売上高"),
    ("海外事業の売上高は500億円で、", "500億円", "海外事業の売上高"),
    ("研究開発費は総額120億円で、", "120億円", "研究開発費"),
    ("従業員数は5,230人。", "5,230人", "従業員数"),
    # nouns joined by ・ are one measure
    ("非正規の職員・従業員は2,126万人と増えた。", "2,126万人", "非正規の職員・従業員"),
    # a rate's own label: before it, or after it with の (not a comparison such as 前年比)
    ("この技術は96%の正確率である。", "96%", "正確率"),
    ("正確率96%の技術。", "96%", "正確率"),
    ("売上高は前年比10%増えた。", "10%", "売上高"),
    # a relative clause's generic head (人) and a modifier (約) measure nothing
    ("週3日以上実施している人は23.5%でした。", "23.5%", None),
    ("約7割が満足と回答した。", "7割", None),
    # a comparison base and a change's direction are not what a rate measures
    ("前年同月比は2.9%の上昇となった。", "2.9%", None),
    # nor how a rate is adjusted (実質, 名目) after its comparison base
    ("物価は前年同月比実質1.2%の増加。", "1.2%", "物価"),
    ("消費支出は302,145円で、前年同月比実質1.2%の増加。", "1.2%", "消費支出"),
    # a list's うち is not part of what is measured
    ("受注残高は約1.2兆円、うち海外向けが7,800億円を占める。", "7,800億円", "海外向け"),
    # a bracketed qualifier before the particle stays with the measure; a name's gloss
    # (淘宝（タオバオ）は) is the clause's topic, no measure
    ("完全失業率（季節調整値）は2.6％と上昇した。", "2.6％", "失業率(季節調整値)"),
    ("売上高（連結）は1,000億円となった。", "1,000億円", "売上高(連結)"),
    ("ECプラットフォームの淘宝（タオバオ）は10億元を拠出した。", "10億元", None),
    # nothing the clause is about: no measure
    ("マスク100万枚を寄付した。", "100万枚", None),
    # a particle in an earlier sentence does not reach
    ("売上高は増えた。1,000億円の投資も決めた。", "1,000億円", None),
    # a line of PDF text wrapped after the particle is still one sentence; a line that
    # ends the sentence is not
    ("営業利益は\n\n98億円となりました。", "98億円", "営業利益"),
    ("売上高の推移\n1,000億円の投資も決めた。", "1,000億円", None),
]


@pytest.mark.parametrize(("phrase", "surface", "measure"), MEASURES)
def test_measure_is_the_phrase_before_the_topic_particle(run_text, phrase, surface, measure):
    result = run_text(phrase)
    [m] = [m for m in result.mentions if m.surface == surface]
    assert m.measure == measure


def test_a_name_before_no_owns_the_measure(run_text):
    result = run_text(
        "サンプル工業株式会社は5月12日、決算を発表した。トヨタの売上高は45兆円だった。"
    )
    [m] = [m for m in result.mentions if m.surface == "45兆円"]
    assert (m.subject, m.measure) == ("トヨタ", "売上高")


def test_one_measure_restated_with_another_value(run_text):
    result = run_text(
        "サンプル工業は決算を発表した。売上高は合計1,200億円となりました。"
        "なお、サンプル工業の売上高は1,300億円となりました。"
    )
    found = [(c.status, c.rule_version) for c in result.checks if c.rule == "restatement"]
    assert found == [("fail", "restatement.v2")]


def _restatements_across(tmp_path, first: str, second: str) -> list:
    """The restatement checks of a run on two one-line documents."""
    from pipeline.run import run

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(first + "\n", encoding="utf-8")
    (raw / "b.txt").write_text(second + "\n", encoding="utf-8")
    return [c for c in run(raw, tmp_path / "out").checks if c.rule == "restatement"]


def test_a_measure_without_a_shared_date_is_not_compared_across_documents(tmp_path):
    # the same word across documents is too often another segment or period
    assert (
        _restatements_across(
            tmp_path,
            "■産業機器事業\nサンプル工業の売上高は1,390億円となりました。",
            "サンプル工業は12日、2024年度の売上高が3,210億円だったと発表した。",
        )
        == []
    )


def test_sentences_about_different_periods_do_not_restate_a_measure(run_text):
    result = run_text(
        "ミライ電機の当期の売上高は3,210億円、営業利益は245億円となりました。"
        "前期の売上高は3,014億円、営業利益は220億円でした。"
    )
    assert [c for c in result.checks if c.rule == "restatement"] == []


def test_across_documents_a_measure_for_the_same_date_is_compared(tmp_path):
    [check] = _restatements_across(
        tmp_path,
        "サンプル工業の2024年度の売上高は合計1,200億円となりました。",
        "サンプル工業は12日、2024年度の売上高が1,300億円だったと発表した。",
    )
    assert (check.status, check.severity, check.rule_version) == (
        "warn",
        "warning",
        "restatement.v2",
    )
    assert "same date" in check.message


@pytest.mark.parametrize(("news_amount", "statuses"), [("1,210億円", []), ("1,120億円", ["warn"])])
def test_amounts_beside_change_rates_of_one_claim_are_one_claim(tmp_path, news_amount, statuses):
    # the two 8.4% state one claim (their sentences say the same); so do the amounts beside
    # them, 四半期利益 in the release and 純利益 in the news story
    checks = _restatements_across(
        tmp_path,
        "アオバ自動車株式会社は、2025年4～9月期の連結業績をお知らせします。\n"
        "売上収益は2兆3,456億円（前年同期比5.1%増）、営業利益は1,820億円（同12.3%減）、"
        "親会社の所有者に帰属する四半期利益は1,210億円（同8.4%減）となりました。",
        "アオバ自動車が7日発表した2025年4～9月期の連結決算は、営業利益が前年同期比12.3%減の"
        f"1,820億円だった。売上収益は5.1%増の2兆3,456億円。純利益は8.4%減の{news_amount}だった。",
    )
    rate_tied = [c.status for c in checks if c.rule_version == "restatement.v6"]
    assert rate_tied == statuses
