"""A corrupted copy of a seed must produce a new fail naming the changed figure."""

from __future__ import annotations

import pytest

from pipeline.checks.evidence import Evidence
from pipeline.run import run
from tests.conftest import RAW

PDF = "001_7b0533415791930b"
WEB = "000_761058c0af17af92"

MUTATIONS = [
    # one part of a stated sum changed (and so its conversion no longer matches)
    (
        PDF,
        "5 億 9,300 万元（88.95",
        "5 億 8,300 万元（88.95",
        "5 億 8,300 万元",
        {"sum", "conversion"},
    ),
    # a currency word flipped
    (
        PDF,
        "27 億 6,300 万元（414.45",
        "27 億 6,300 万円（414.45",
        "27 億 6,300 万円",
        {"unit_consistency"},
    ),
    # scale words swapped: the number no longer reads whole; what follows the misplaced
    # scale carries the unit, and its conversion and the sum no longer agree
    (
        PDF,
        "27 億 6,300 万元（414.45",
        "27 万 6,300 億元（414.45",
        "6,300 億元",
        {"sum", "conversion"},
    ),
    # an amount given in yuan in the highlights and in yen in the body, changed in the body
    (PDF, "計 4.39 億円", "計 4.93 億円", "4.93 億円", {"restatement"}),
    # a converted amount altered
    (PDF, "（414.45 億円）", "（424.45 億円）", "424.45 億円", {"conversion", "sum"}),
    (WEB, "2,300億円に相当", "2,600億円に相当", "2,600億円", {"conversion"}),
    (WEB, "10億元(約155億円)", "10億元(約165億円)", "165億円", {"conversion"}),
    # a restated figure changed in one place (the body), not in the other (the highlights)
    (PDF, "総額 4.8 億元", "総額 4.9 億元", "4.9 億元", {"restatement"}),
    (PDF, "総額 4.8 億元", "総額 4.8 万元", "4.8 万元", {"restatement"}),
    # a restated lower bound ("以上") changed: the two statements name different numbers
    (PDF, "計 7,300 万件", "計 7,300 件", "7,300 件", {"restatement"}),
    # the body's count changed, not the headline's (世界 550 の病院 / 550 を超える病院);
    # a headline raised to 650 would still be "more than 550"
    (PDF, "世界中で 550 を超える", "世界中で 650 を超える", "650", {"restatement"}),
    # a headline's rate changed, not the body's (正確率 96% / 96%の正確率)
    (PDF, "正確率 96%", "正確率 86%", "86%", {"restatement"}),
    # the document's rate changed: every conversion made with it no longer agrees
    (WEB, "1人民元=15.5円", "1人民元=16.5円", "1人民元=16.5円", {"conversion"}),
    # a currency written wrong: the bracket restates the amount in the same currency
    (WEB, "10億元(約155億円)", "10億円(約155億円)", "10億円", {"conversion"}),
    (WEB, "10億元(約155億円)", "10億元(約155億元)", "155億元", {"conversion"}),
]


@pytest.mark.parametrize(("doc", "old", "new", "changed", "rules"), MUTATIONS)
def test_mutation_gives_a_fail_naming_the_changed_figure(tmp_path, doc, old, new, changed, rules):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in RAW.glob("*"):
        text = path.read_bytes()
        if path.stem == doc:
            assert old.encode() in text
            text = text.replace(old.encode(), new.encode(), 1)
        (raw / path.name).write_bytes(text)
    result = run(raw, tmp_path / "out")
    mentions = {m.mention_id: m for m in result.mentions}
    fails = [c for c in result.checks if c.status == "fail"]
    naming = [
        c
        for c in fails
        if any(" ".join(mentions[i].surface.split()) == changed for i in c.mention_ids)
    ]
    assert {c.rule for c in naming} >= rules, [c.message for c in fails]


SHARES = [
    ("売上高は100億円で、海外事業が構成比61%の61億円を占めた。", ["pass"]),
    ("売上高は200億円で、シェア30%の80億円を占めた。", ["fail"]),
    ("売上高は100億円で、海外事業の61億円が構成比61%を占めた。", ["pass"]),
    ("前年比10%増の売上高1,100億円のうち、海外が40%を占める440億円となった。", ["pass"]),
    # the share written against its whole; the part is the sentence's one smaller amount
    ("音楽事業の売上高は1兆6,000億円を超え、全社売上高13兆円の12%を占める。", ["pass"]),
    ("音楽事業の売上高は1兆6,000億円で、全社売上高13兆円の15%を占める。", ["fail"]),
    ("国内は300億円、海外は100億円で、全体1,000億円の40%を占める。", []),
    # the whole named (全投票者) and stated in an earlier sentence
    (
        "投票者数は60万4,083人だった。期日前投票は21万3,456人で、全投票者の約35％を占めた。",
        ["pass"],
    ),
    (
        "投票者数は60万4,083人だった。期日前投票は21万3,456人で、全投票者の約45％を占めた。",
        ["fail"],
    ),
    ("有権者数は156万人だった。期日前投票は21万3,456人で、全投票者の約35％を占めた。", []),
    # "Xに占める割合は": the named whole itself (総人口), not a later 人口 figure
    (
        "総人口は1億2,330万人。日本人人口は1億2,000万人だった。"
        "15歳未満人口は1,380万人で総人口に占める割合は11.2%、65歳以上は29.4%。",
        ["pass"],
    ),
    (
        "総人口は1億2,330万人。日本人人口は1億2,000万人だった。"
        "15歳未満人口は1,380万人で総人口に占める割合は12.2%、65歳以上は29.4%。",
        ["fail"],
    ),
    # parts listed together with their shares: none is the whole of another
    ("地域別では、日本が3,000億円（構成比30.0%）、北米が5,000億円（構成比50.0%）だった。", []),
    ("日本が5,000億円（構成比50.0%）、北米が3,000億円（構成比30.0%）だった。", []),
    # a share word and two amounts that the share is not written against
    ("市場シェアは30%で、売上高は200億円、営業利益は20億円だった。", []),
    ("比率は12%に上昇し、国内の売上は300億円、海外は50億円だった。", []),
]


@pytest.mark.parametrize(("sentence", "statuses"), SHARES)
def test_share_of_a_whole(run_text, sentence, statuses):
    result = run_text(sentence)
    assert [c.status for c in result.checks if c.rule == "share"] == statuses


def test_a_start_and_its_change_are_not_a_breakdown(run_text):
    result = run_text("輸送人員は4億1,200万人で、前年同期の3億9,800万人から1,400万人増加した。")
    assert [c.rule for c in result.checks if c.rule in ("sum", "change")] == ["change"]


def test_a_figure_equal_to_the_list_after_it_is_a_passing_sum(run_text):
    result = run_text("寄付は150万枚で、マスク100万枚、防護服50万枚だった。")
    assert [(c.rule, c.status) for c in result.checks if c.rule == "sum"] == [("sum", "pass")]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("支援は総額31億円で、うち医療に21億円、物流に10億円を充てた。", ["pass"]),
        ("支援は総額31億円で、うち医療に21億円、物流に15億円を充てた。", ["fail"]),
        # うち names some of the parts: falling short says nothing; 内訳 names all of them
        ("予算は総額1,251億円で、このうち民生費は481億円、教育費は213億円です。", []),
        ("予算は総額1,251億円で、内訳は民生費が481億円、教育費が213億円です。", ["fail"]),
        # …unless the parts add up to the total with one of its digits changed: a slip
        ("寄付は累計52.48億円で、このうち銀行が31.20億円、証券が11.28億円です。", ["warn"]),
        ("寄付は累計52.48億円で、このうち銀行が31.20億円、証券が21.28億円です。", ["pass"]),
        ("寄付は累計52.48億円で、このうち銀行が31.20億円、証券が10.00億円です。", []),
        # with few digits such a match is chance: a part is left unnamed
        ("予算は総額500億円で、このうち民生費は200億円、教育費は100億円です。", []),
        # no total word: the figure right before うち is the total; shares add up too
        ("従業員は5,230人、うち国内3,130人、海外2,100人。", ["pass"]),
        (
            "海外売上高比率は62.5%で、うち北米が28.0%、アジアが24.5%、欧州が10.0%を占める。",
            ["pass"],
        ),
        (
            "海外売上高比率は62.5%で、うち北米が38.0%、アジアが24.5%、欧州が10.0%を占める。",
            ["fail"],
        ),
        ("海外売上高比率は62.5%で、うち北米が28.0%、アジアが24.5%を占める。", []),
        # the breakdown follows a nearer amount: it is of that amount, not of the total
        (
            "総額39兆円規模の対策を決めた。財政支出は21.9兆円で、このうち国費は13.9兆円。"
            "1世帯あたり3万円を給付し、子ども1人あたり2万円を加算する。",
            [],
        ),
        # the parts listed before the total ("…の計")
        ("住宅被害は全壊120棟、半壊450棟、一部損壊3,200棟の計3,770棟となった。", ["pass"]),
        ("住宅被害は全壊120棟、半壊450棟、一部損壊3,200棟の計4,770棟となった。", ["fail"]),
        ("国内80件と海外20件の合計100件。", ["pass"]),
        ("床上浸水は320棟、床下浸水は215棟にのぼり、あわせて535棟が浸水した。", ["pass"]),
        ("床上浸水は320棟、床下浸水は215棟にのぼり、あわせて635棟が浸水した。", ["fail"]),
        # the total opening the sentence after the list of its parts
        (
            "子育て支援に42億円、防災対策に28億円、デジタル化に12億円を計上する。"
            "3つの重点施策の合計は82億円となる。",
            ["pass"],
        ),
        (
            "子育て支援に42億円、防災対策に28億円、デジタル化に12億円を計上する。"
            "3つの重点施策の合計は92億円となる。",
            ["fail"],
        ),
        # a sentence opening with 内訳 breaks down the one level of its unit before it
        (
            "実施している人は32.5%で、前回の35.8%から3.3ポイント低下した。"
            "内訳は、「週3日以上」が12.1%、「週1～2日」が11.4%、「月に数回」が9.0%でした。",
            ["pass"],
        ),
        (
            "実施している人は32.5%で、前回の35.8%から3.3ポイント低下した。"
            "内訳は、「週3日以上」が12.1%、「週1～2日」が11.4%、「月に数回」が8.0%でした。",
            ["fail"],
        ),
        # two levels of the unit before it: which one is broken down is unclear
        ("売上高は120億円、費用は100億円だった。内訳は国内70億円、海外50億円。", []),
        # a list that ends its sentence and a total after another figure of the unit
        ("売上高は100億円、利益は10億円。配当の合計は5億円。", []),
        # 計画 is not 計
        ("売上高は100億円、営業利益は10億円で、計画を上回った。", []),
        # nor do 設計 or 統計 end in a total word
        ("費用は工事120億円、調査30億円、設計150億円となった。", []),
    ],
)
def test_marked_sums(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "sum"] == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a breakdown that names what its total measures, in a later paragraph
        (
            "売上収益は2兆3,456億円となりました。\n\n地域別売上収益の内訳は、日本9,876億円、"
            "北米6,543億円、欧州4,321億円、アジア2,716億円です。",
            ["pass"],
        ),
        (
            "売上収益は2兆3,456億円となりました。\n\n地域別売上収益の内訳は、日本9,876億円、"
            "北米6,543億円、欧州4,321億円、アジア2,916億円です。",
            ["fail"],
        ),
        # no earlier figure of that measure: nothing to check
        ("営業利益は1,234億円。\n\n地域別売上収益の内訳は、日本9,876億円、北米6,543億円です。", []),
    ],
)
def test_a_breakdown_that_names_its_total(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule_version == "sum.v3"] == statuses


_RANKED = (
    "市場別では、韓国が84万3,700人（前年同月比23.1%増）で最も多く、次いで中国が71万5,700人"
    "（同22.8％増）、台湾が54万9,300人、米国が27万8,100人であった。"
)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a total that says how many parts it adds, after a ranked list with rates in brackets
        (_RANKED + "上位4市場の合計は238万6,800人で、全体の約6割を占める。", ["pass"]),
        (_RANKED + "上位4市場の合計は248万6,800人となった。", ["fail"]),
        (_RANKED + "上位四市場の合計は238万6,800人。", ["pass"]),
        # the parts before the total in its own sentence
        ("A社は120億円、B社は80億円、C社は50億円で、3社の合計は250億円だった。", ["pass"]),
        # a count that is not the number of figures listed: nothing to check
        (_RANKED + "上位5市場の合計は270万人となった。", []),
        (_RANKED + "3市場の合計は200万人となった。", []),
    ],
)
def test_a_total_that_says_how_many_parts_it_adds(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "sum"] == statuses
    assert all(c.rule_version == "sum.v5" for c in result.checks if c.rule == "sum")


@pytest.mark.parametrize(
    "text",
    [
        # one sentence naming two currencies names two amounts
        "サンプル商事は物流会社を10億ドルで買収し、国内売上高は10億円増加した。",
        # round figures recur in other currencies by chance
        "欧州では5億ユーロを投資する。アジアでは5億ドルを投資する。",
    ],
)
def test_different_amounts_that_share_a_number_are_not_a_unit_slip(run_text, text):
    assert [c for c in run_text(text).checks if c.rule == "unit_consistency"] == []


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # one subject's same digits at two scales: a scale word is wrong
        (
            "ミライ銀行は無利子融資に計4.39億元を拠出した。\n\n"
            "ミライ銀行は中小企業向けの融資に4.39万元を充てた。",
            ["fail"],
        ),
        # two digits recur at other scales by chance; two subjects are two figures
        ("ミライ銀行は4.3億元を拠出した。\n\nミライ銀行は4.3万元を充てた。", []),
        (
            "ミライ銀行は計4.39億元を拠出した。\n\nサンプル証券は手数料4.39万元を受け取った。",
            [],
        ),
        # a round figure in another currency, in a sentence that says the same thing
        (
            "ミライ財団は世界の医療機関に5億元を寄付しました。\n\n"
            "ミライ財団は世界の医療機関への支援として5億円を寄付しました。",
            ["fail"],
        ),
    ],
)
def test_the_same_digits_at_two_scales_or_a_round_figure_in_two_currencies(
    run_text, text, statuses
):
    found = [c for c in run_text(text).checks if c.rule == "unit_consistency"]
    assert [c.status for c in found] == statuses


@pytest.mark.parametrize(
    "text",
    [
        # one object counted for different recipients: two claims
        "アリババ公益基金会は日本にマスク100万枚を寄付した。アリババ公益基金会は韓国にマスク50万枚を寄付した。",
        # the world and a part of it
        "アリババ公益基金会の技術は世界中で550を超える病院が使っている。"
        "アリババ公益基金会の技術は日本とインドネシアの40を超える病院が使っている。",
    ],
)
def test_the_same_object_for_other_parties_is_not_restated(run_text, text):
    assert [c.status for c in run_text(text).checks if c.status == "fail"] == []


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # one claim in two currencies, through the document's rate (1元=15円)
        (
            "*1元=15円で換算。\nミライ電機は無利子ローンを提供し、計 4 億元を拠出した。\n"
            "ミライ電機は無利子ローンを提供するため、計 60 億円を拠出した。",
            ["pass"],
        ),
        (
            "*1元=15円で換算。\nミライ電機は無利子ローンを提供し、計 4 億元を拠出した。\n"
            "ミライ電機は無利子ローンを提供するため、計 6 億円を拠出した。",
            ["fail"],
        ),
        # no rate stated: nothing to compare through
        (
            "ミライ電機は無利子ローンを提供し、計 4 億元を拠出した。\n"
            "ミライ電機は無利子ローンを提供するため、計 60 億円を拠出した。",
            [],
        ),
    ],
)
def test_one_claim_in_two_currencies(run_text, text, statuses):
    result = run_text(text)
    found = [c for c in result.checks if c.rule_version == "restatement.v3"]
    assert [c.status for c in found] == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a link's title under "詳細:" restates the paragraph above it, in other words
        (
            "ミライ電機のAIは画像から20秒以内という短時間で判定します。\n詳細:\n"
            "ミライ電機のAIで検査を高速化、わずか20秒で診断可能に",
            ["pass"],
        ),
        # a title giving another number than its paragraph
        (
            "ミライ電機のAIは画像から20秒という短時間で判定します。\n詳細:\n"
            "ミライ電機のAIで検査を高速化、わずか30秒で診断可能に",
            ["fail"],
        ),
        # a full sentence below is not a title
        (
            "ミライ電機のAIは画像から20秒以内という短時間で判定します。\n詳細:\n"
            "別の装置では、わずか20秒で診断できることが確かめられました。",
            [],
        ),
        # nor a line of PDF text that breaks off inside a figure
        (
            "ミライ電機の国内の売上高は812億円となりました。\n\n"
            "ミライ電機の売上高は、国内事業が812億円、海外事業が422億\n\n円です。",
            ["pass"],  # 812 restates 812; 422 is no title of the line above
        ),
        # nor is the next row of a table
        (
            "ミライ電機の事業別の売上高（億円）は次のとおり。\n\n| 事業 | 売上高（億円） |\n"
            "|---|---|\n| 家電 | 1,820 |\n| 産業機器 | 1,390 |\n| 合計 | 3,210 |",
            [],
        ),
        # nor the next item of a list of highlights
        (
            "総務省統計局\n\n【概況】\n・就業者数は6,800万人と，前年同月に比べ30万人の増加。20か月連続の増加\n"
            "・完全失業者数は180万人と，前年同月に比べ8万人の増加\n\n1　就業者",
            [],
        ),
    ],
)
def test_a_title_restates_the_paragraph_above_it(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "restatement"] == statuses


def test_a_repeated_sentence_restates_each_figure_with_its_own_copy(run_text):
    # the total and its parts share the sentence: 31 restates 31, never 21 or 15
    result = run_text("支援は総額31億円で、うち医療に21億円、物流に10億円を充てた。\n" * 2)
    restated = [c for c in result.checks if c.rule == "restatement"]
    assert restated and all(c.status == "pass" for c in restated)


def test_a_sum_that_holds_only_with_loose_trailing_zeros_says_so(run_text):
    result = run_text("研究開発費は総額120億円で、うち国内が80億円、海外が50億円でした。")
    [check] = [c for c in result.checks if c.rule == "sum"]
    assert check.status == "pass"
    assert "trailing zeros" in check.message and "13,000,000,000" in check.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("受付は4月31日まで。", "month 4 has 30 days"),
        ("期間は5月5日から5月1日まで。", "ends before it starts"),
        ("説明会は2020年6月3日（火）に開く。", "not a 火曜日"),
        ("説明会は2020年6月3日(水曜日)に開く。", None),
    ],
)
def test_dates_that_cannot_be_right(run_text, text, message):
    found = [c for c in run_text(text).checks if c.rule == "date_validity"]
    if message is None:
        assert [c.status for c in found] == ["pass"]
    else:
        assert [c.status for c in found] == ["fail"] and message in found[0].message


def test_an_impossible_date_in_a_seed_copy_is_reported(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in RAW.glob("*"):
        data = path.read_bytes()
        if path.stem == WEB:
            data = data.replace("3月11日には".encode(), "3月32日には".encode(), 1)
        (raw / path.name).write_bytes(data)
    result = run(raw, tmp_path / "out")
    (bad,) = [c for c in result.checks if c.rule == "date_validity" and c.status == "fail"]
    assert "3月32日" in bad.message and bad.doc_ids == [WEB]


HIGHLIGHTS = (
    "ミライ電機は新型コロナ対策を発表しました。\n\n"
    "1. ミライ電機は農家がライブコマースで農産物{first}を販売するのを支援しました。\n\n"
    "●農家支援\n\nミライ電機は全国の農家がライブコマースを通じて農産物25万トンを販売するのを支援しました。\n"
)


@pytest.mark.parametrize(("first", "statuses"), [("25万トン", ["pass"]), ("35万トン", ["warn"])])
def test_a_highlight_and_its_section_with_another_number(run_text, first, statuses):
    """A lead or highlight (under no heading) restates a section's figure; another
    number there is a warning even without the words to make it a fail."""
    result = run_text(HIGHLIGHTS.format(first=first))
    assert [c.status for c in result.checks if c.rule == "restatement"] == statuses


@pytest.mark.parametrize(
    ("first", "statuses"), [("3,000万ドル", ["pass"]), ("4,000万ドル", ["warn"])]
)
def test_a_highlight_naming_nothing_counted_and_its_section(run_text, first, statuses):
    """Neither figure names what it counts or measures: sentences that say the same thing
    (most of their words shared) tie them."""
    text = (
        "ミライクラウドは支援策を発表しました。\n\n"
        f"1. ミライクラウドは世界各地の企業への支援に{first}を拠出すると発表しました。\n\n"
        "●ミライクラウド\n\nミライクラウドは、世界各地の企業への支援に3,000万ドルを拠出すると"
        "発表した。\n"
    )
    found = [c for c in run_text(text).checks if c.rule == "restatement"]
    assert [c.status for c in found] == statuses


def test_parallel_sections_are_not_restatements(run_text):
    text = (
        "ミライ財団は医療物資を寄付しました。\n\n"
        "・韓国\n ミライ財団の寄付の内訳:マスク100万枚と検査キット\n"
        "・カナダ\n ミライ財団の寄付の内訳:マスク50万枚と検査キット\n"
    )
    assert [c for c in run_text(text).checks if c.rule == "restatement"] == []


def test_a_company_calling_itself_tousha_is_not_merged_with_others(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, company, sales in (
        ("a", "ミライ電機株式会社", "1,200"),
        ("b", "サンプル鉄道株式会社", "800"),
    ):
        (raw / f"{name}.txt").write_text(
            f"{company}（本社：東京都港区、以下「当社」）は決算を発表しました。"
            f"当社の売上高は{sales}億円となりました。\n",
            encoding="utf-8",
        )
    result = run(raw, tmp_path / "out")
    assert sorted(m.subject for m in result.mentions if m.kind == "money") == [
        "サンプル鉄道株式会社",
        "ミライ電機株式会社",
    ]
    assert all("当社" not in (e.name, *e.aliases) for e in result.entities)


ECHO = "ミライ財団は世界の新型コロナウイルス対策支援に累計{amount}億元を拠出したと発表した。\n"


@pytest.mark.parametrize(
    ("amounts", "statuses"),
    [
        # two versions of one release: the figure changed in one sentence
        (["33.56", "43.56"], ["warn"]),
        (["33.56", "33.56"], []),
        # a template sentence every document repeats with its own number
        (["1", "2", "3", "4", "5"], []),
    ],
)
def test_the_same_sentence_in_two_documents_with_another_number(tmp_path, amounts, statuses):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, amount in enumerate(amounts):
        (raw / f"v{n}.txt").write_text(ECHO.format(amount=amount), encoding="utf-8")
    result = run(raw, tmp_path / "out")
    found = [c.status for c in result.checks if c.rule_version == "restatement.v4"]
    assert found == statuses


CORRECTION = (
    "サンプル商事は決算短信の一部を訂正します。\n\n"
    "{before_label}\n売上高は1,235億円（前期比5.2%増）となりました。\n\n"
    "{after_label}\n売上高は1,228億円（前期比4.6%増）となりました。\n"
)


@pytest.mark.parametrize(
    ("before_label", "after_label", "severities"),
    [
        # a correction notice states the figure before and after it was corrected
        ("（訂正前）", "（訂正後）", ["info", "info"]),
        ("【変更前】", "【変更後】", ["info", "info"]),
        # without the labels the two statements contradict each other
        ("", "", ["error", "error"]),
    ],
)
def test_a_correction_notice_reports_corrected_figures_as_information(
    run_text, before_label, after_label, severities
):
    result = run_text(CORRECTION.format(before_label=before_label, after_label=after_label))
    found = [c for c in result.checks if c.rule == "restatement"]
    assert [c.severity for c in found] == severities
    if severities[0] == "info":
        assert "before the correction" in found[0].message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # another amount in the same currency: the currency of one is wrong, and the
        # document's rate says which reading would agree
        (
            "寄付額は1億円（約15.5億円）です。※1人民元=15.5円で換算。",
            [("fail", "as CNY, '1億円' would agree")],
        ),
        ("投資額は2.1億ドル（約3.4億ドル）です。", [("fail", "likely wrong")]),
        # the same amount restated, or brackets the document says hold last year's figures
        ("予算は100億円（約100億円）です。", []),
        ("売上高は1,200億円（1,100億円）でした。（ ）内は前年実績です。", []),
        # the bracket says what else its amount is: tax included, a year's fee
        ("セット価格は10,500円（11,550円・税込）です。", []),
        ("会費は525円（6,300円／年額）です。", []),
    ],
)
def test_an_amount_restated_in_brackets_in_the_same_currency(run_text, text, found):
    checks = [c for c in run_text(text).checks if c.rule_version == "conversion.v2"]
    assert len(checks) == len(found)
    for check, (status, words) in zip(checks, found, strict=True):
        assert check.status == status and words in check.message


def test_the_same_sentence_in_two_documents_in_another_currency(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, unit in enumerate(("億元", "億円")):
        (raw / f"v{n}.txt").write_text(
            ECHO.format(amount="33.56").replace("億元", unit), encoding="utf-8"
        )
    result = run(raw, tmp_path / "out")
    found = [c for c in result.checks if c.rule_version == "restatement.v4"]
    assert [c.status for c in found] == ["warn"] and "currencies" in found[0].message


def test_a_change_and_a_level_are_not_one_claim(run_text):
    """The headline's close and the body's change from the day before both measure 終値:
    a change ("前日比320円15銭高") never restates a level."""
    text = (
        "日経平均は3日続伸、終値は4万2,350円\n\n"
        "12日の東京株式市場で日経平均株価は続伸し、終値は前日比320円15銭（0.76%）高の"
        "4万2,350円45銭だった。"
    )
    found = [c for c in run_text(text).checks if c.rule == "restatement"]
    assert all(c.status == "pass" for c in found)
    assert all("320円15銭" not in c.message for c in found)


@pytest.mark.parametrize(("unit", "statuses"), [("億元", ["pass", "pass"]), ("億円", ["warn"])])
def test_sentences_sharing_a_figure_give_one_amount_in_two_currencies(run_text, unit, statuses):
    """The shared 14万校 ties the two sentences; their one amount each is the same number,
    so another currency in one of them is a slip.  With the same currency both figures are
    shared: each restates the other sentence's."""
    text = (
        "ミライ学習は5億元以上を拠出し、中国全土の14万校の学校に活用していただいた。\n\n"
        f"ミライ学習は3月31日時点で、5{unit}以上を拠出し、中国全国14万校のオンライン教育を"
        "支援した。"
    )
    found = [c for c in run_text(text).checks if c.rule == "restatement"]
    assert sorted(c.status for c in found) == statuses


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        ("売上高は前期比5.4%増の131億円。", "5.4%", True),
        ("売上高は前期比5.4%増の131億円。", "131億円", False),
        ("終値は前日比320円高の4万2,350円。", "320円", True),
        ("受注総数は週20%で増加した。", "20%", True),
        # a share is a level, though 構成比 ends in 比
        ("海外の構成比61%を占める。", "61%", False),
    ],
)
def test_a_change_is_told_from_a_level(mentions_of, text, surface, change):
    found = mentions_of(text)
    evidence = Evidence.build(found, {"t": text}, {"t": [(0, len(text))]}, [])
    (m,) = [m for m in found if m.surface == surface]
    assert evidence.is_change(m) == change


_SEGMENTS = (
    "当期の売上高は3,456億7,800万円となりました。\n\n"
    "セグメント別では、産業機器事業の売上高が1,890億円、家電事業が1,120億円、{rest}でした。"
)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (_SEGMENTS.format(rest="その他が446億7,800万円"), ["pass"]),
        (_SEGMENTS.format(rest="その他が546億7,800万円"), ["fail"]),
        # a list without その他 may leave parts out: falling short proves nothing
        (_SEGMENTS.format(rest="電子部品事業が300億円"), []),
        # a line wrapped from a PDF inside the list ("その他\nが"): the sentence goes on
        (_SEGMENTS.format(rest="その他\nが 446 億 7,800 万円"), ["pass"]),
    ],
)
def test_a_list_by_group_against_the_total_its_first_part_measures(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule_version == "sum.v6"] == statuses
    assert [c for c in result.checks if c.rule == "restatement" and c.status != "pass"] == []


def _run_documents(tmp_path, texts: dict[str, str], published: dict[str, str] | None = None):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in texts.items():
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    for name, day in (published or {}).items():
        (raw / f"{name}.meta.toml").write_text(f"published = {day}\n", encoding="utf-8")
    return run(raw, tmp_path / "out")


_RELEASE_ON_RESULTS = (
    "ミライ食品、上期の売上高は過去最高\n\nミライ食品株式会社は、2025年度上期（4～9月）の連結決算を"
    "発表しました。売上高は前年同期比8.2％増の1,234億円、純利益は61億円となりました。\n"
)
_NEWS_ON_RESULTS = (
    "ミライ食品、上期売上高が最高\n\nミライ食品が10日発表した{period}の連結決算は、売上高が"
    "前年同期比8％増の1,234億円と過去最高だった。純利益は{profit}億円だった。\n"
)


@pytest.mark.parametrize(
    ("period", "profit", "statuses"),
    [
        # a news story on a release: one span of time, each measure stated once in each
        ("2025年4～9月", "61", ["pass"]),
        ("2025年4～9月", "71", ["warn"]),
        # a story on another half year states other figures
        ("2024年4～9月", "71", []),
    ],
)
def test_a_news_story_against_the_release_it_reports(tmp_path, period, profit, statuses):
    texts = {
        "release": _RELEASE_ON_RESULTS,
        "news": _NEWS_ON_RESULTS.format(period=period, profit=profit),
    }
    result = _run_documents(tmp_path, texts, {"release": "2025-11-10", "news": "2025-11-11"})
    found = [
        c
        for c in result.checks
        if c.rule == "restatement" and len(c.doc_ids) == 2 and "純利益" in c.message
    ]
    assert [c.status for c in found] == statuses
    assert all(
        "in two documents about the same period" in c.message for c in found if c.status == "warn"
    )


_COUNTER = (
    "株式会社ミライペイは本日、決済アプリ「ミライペイ」の{what}が{n}万人を突破したと"
    "発表しました。同社は今後も加盟店の拡大を進めます。\n"
)


@pytest.mark.parametrize(
    ("what", "published", "expected"),
    [
        # last year's release and this year's: each states the count of its day
        ("累計利用者数", ("2024-05-01", "2025-05-01"), ("warn", "info")),
        # one day, or a day unknown: two versions of one text, one of them wrong
        ("累計利用者数", ("2025-05-01", "2025-05-01"), ("warn", "warning")),
        ("累計利用者数", (None, "2025-05-01"), ("warn", "warning")),
        # the sentence names its own year: that year's figure given twice
        ("2023年度の利用者数", ("2024-05-01", "2025-05-01"), ("warn", "warning")),
    ],
)
def test_documents_published_on_different_days_may_state_a_figure_of_their_day(
    tmp_path, what, published, expected
):
    texts = {"a": _COUNTER.format(what=what, n=500), "b": _COUNTER.format(what=what, n=620)}
    dated = {name: day for name, day in zip(texts, published, strict=True) if day}
    result = _run_documents(tmp_path, texts, dated)
    (found,) = [c for c in result.checks if c.rule == "restatement"]
    assert (found.status, found.severity) == expected
    if expected[1] == "info":
        assert found.message.endswith(
            "'500万人' in a (published 2024-05-01) and '620万人' in b (published 2025-05-01): "
            "the figure changed between the two documents."
        )


_RELEASE = (
    "ミライ食品、新工場の建設に約{n}億円を投資 国内生産を倍増\n\n2025年5月1日\n\n本文です。\n"
)
_QUOTE = "関連記事:\n\n【プレスリリース】ミライ食品、新工場の建設に約{n}億円を投資\n"


@pytest.mark.parametrize(("release", "quote", "statuses"), [(500, 600, ["warn"]), (500, 500, [])])
def test_a_title_quoted_in_another_document(tmp_path, release, quote, statuses):
    result = _run_documents(
        tmp_path, {"release": _RELEASE.format(n=release), "news": _QUOTE.format(n=quote)}
    )
    found = [c for c in result.checks if c.rule == "restatement" and len(c.doc_ids) == 2]
    assert [c.status for c in found] == statuses
    assert all("same sentence of two documents" in c.message for c in found)


def test_a_title_every_document_repeats_is_a_template(tmp_path):
    texts = {f"d{k}": _QUOTE.format(n=100 + k) for k in range(6)}
    result = _run_documents(tmp_path, texts)
    assert [c for c in result.checks if c.rule == "restatement"] == []


@pytest.mark.parametrize(("third", "statuses"), [("3.1億元", []), ("3.2億元", ["fail"])])
def test_two_shared_figures_tie_sentences_whatever_their_subjects(run_text, third, statuses):
    # 27.63 and 5.93 recur: the third amount restates the first sentence's; 財団全体で
    # is the whole of the foundation, no total of the list before it
    text = (
        "ミライ銀行は27億6,300万元、ミライ証券は5億9,300万元、ミライ財団は3億1,000万元を"
        "拠出した。\n\n各社の拠出額は、ミライ銀行が27.63億元、ミライ証券が5.93億元、"
        f"財団全体で{third}となった。"
    )
    result = run_text(text)
    failing = [c.status for c in result.checks if c.status != "pass"]
    assert failing == statuses
    assert [c.rule for c in result.checks if c.status == "fail"] == ["restatement"] * len(statuses)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("A候補が12万3,456票、B候補が9万8,765票で、A候補が2万4,691票差で当選した。", ["pass"]),
        ("A候補が12万3,456票、B候補が9万8,765票で、A候補が3万4,691票差で当選した。", ["fail"]),
        ("支持率は42.5%、不支持率は38.1%で、その差は4.4ポイントだった。", ["pass"]),
        ("支持率は42.5%、不支持率は38.1%で、4.4ポイント差となった。", ["pass"]),
        ("支持率は42.5%、不支持率は38.1%で、その差は5.4ポイントだった。", ["fail"]),
        ("A党は120議席、B党は95議席を獲得し、その差は35議席となった。", ["fail"]),
        # three levels before the margin: some two of them must differ by it
        ("A社は120億円、B社は95億円、C社は80億円で、首位と2位の差は25億円だった。", ["pass"]),
        ("A社は120億円、B社は95億円、C社は80億円で、首位と2位の差は35億円だった。", ["warn"]),
        # the levels in the sentence before the margin's
        ("A氏が18万4,512票、B氏が12万1,006票だった。A氏はB氏に6万3,506票差をつけた。", ["pass"]),
        ("A氏が18万4,512票、B氏が12万1,006票だった。A氏はB氏に7万3,506票差をつけた。", ["fail"]),
        # the margin in another unit than the levels
        ("A候補が12万3,456票、B候補が9万8,765票で、得票率の差は8ポイントだった。", []),
    ],
)
def test_a_margin_between_two_figures(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "margin"] == statuses
    # a margin is no part of a breakdown: 12万3,456 = 9万8,765 + 2万4,691 proves nothing
    assert [c for c in result.checks if c.rule == "sum"] == []


_TRADE = "輸出額は9兆1,234億円、輸入額は9兆5,678億円で、貿易収支は{balance}となった。"


@pytest.mark.parametrize(
    ("balance", "size", "sign"),
    [
        ("4,444億円の赤字", ["pass"], ["pass"]),
        ("4,444億円の黒字", ["pass"], ["fail"]),
        ("5,444億円の赤字", ["fail"], ["pass"]),
        # no word of a deficit or surplus: the size alone
        ("4,444億円", ["pass"], []),
    ],
)
def test_a_balance_against_its_inflow_and_outflow(run_text, balance, size, sign):
    result = run_text(_TRADE.format(balance=balance))
    assert [c.status for c in result.checks if c.rule_version == "margin.v1"] == size
    assert [c.status for c in result.checks if c.rule_version == "margin.v2"] == sign


@pytest.mark.parametrize(
    "text",
    [
        # a result and a forecast of the same measure are two claims
        "サクラ電機が発表した4～9月期の連結決算は、純利益が前年同期比18％増の532億円だった。"
        "売上高は7％増の6,420億円だった。\n\n通期の業績予想は据え置いた。売上高は前期比5％増"
        "の1兆3,000億円、純利益は10％増の1,050億円を見込む。",
        # a share's part is a level, not the change beside it; its whole is the figure
        # whose measure ends in the word it names ("6月1日現在の総人口" for 総人口)
        "6月1日現在の総人口は1億2,342万人で、前年同月に比べ57万人減少した。日本人人口は"
        "1億2,000万人、外国人人口は342万人だった。15歳未満人口は1,366万人で、前年同月に比べ"
        "35万人減少し、総人口に占める割合は11.1％となった。15～64歳人口は7,360万人で、総人口"
        "の59.6％を占める。",
        # sentences alike but on two topics state two unnamed figures
        "総務省統計局\n\n総合指数は2020年を100として111.4となり、前年同月比は2.9％の上昇と"
        "なった。生鮮食品を除く総合指数は110.8で、前年同月比は2.9％の上昇。生鮮食品及び"
        "エネルギーを除く総合指数は110.1で、前年同月比は3.0％の上昇となった。",
        # months without a year (the document gives none) still tell figures apart
        "ミライ電機株式会社\n\nミライ電機の4月の売上高は100億円だった。ミライ電機の5月の売上高は"
        "120億円だった。ミライ電機の6月の売上高は95億円となった。",
        # an amount per person is no total at another scale
        "ミドリ市財政局\n\n歳入のうち法人市民税は214億円を見込む。市債残高は3,210億円で、"
        "市民1人当たりでは約214万円となる。",
    ],
)
def test_what_is_not_reported(run_text, text):
    result = run_text(text)
    assert [(c.rule, c.message) for c in result.checks if c.status != "pass"] == []


def test_one_month_stated_twice_without_a_year_is_one_claim(run_text):
    text = (
        "ミライ電機株式会社\n\nミライ電機の4月の売上高は100億円だった。ミライ電機の5月の売上高は"
        "120億円だった。ミライ電機の4月の売上高は110億円だった。"
    )
    found = [c for c in run_text(text).checks if c.rule == "restatement" and c.status != "pass"]
    assert [(c.status, "'100億円'" in c.message and "'110億円'" in c.message) for c in found] == [
        ("fail", True)
    ]


@pytest.mark.parametrize(
    ("text", "rule", "statuses"),
    [
        # a part after its whole and のうち, its share in brackets
        ("臨床試験では患者320例のうち288例（90.0％）で効果が確認された。", "share", ["pass"]),
        ("臨床試験では患者320例のうち288例（80.0％）で効果が確認された。", "share", ["fail"]),
        ("患者320人のうち、重症者は28人（8.8%）だった。", "share", ["pass"]),
        ("従業員は合計1,200人で、うち女性は480人（45.0%）である。", "share", ["fail"]),
        ("従業員は1,200人、そのうち女性は480人（40.0%）。", "share", ["pass"]),
        # a change in brackets is no share
        ("売上高320億円のうち海外は88億円（前年比5.0％増）。", "share", []),
        # the whole is the figure measuring what the share names, not a segment's
        (
            "売上高は845億3,200万円となりました。クラウド事業の売上高は512億円でした。"
            "海外売上高は318億円で、売上高に占める割合は37.6%となりました。",
            "share",
            ["pass"],
        ),
        # a segment's share of the whole its measure names, stated in an earlier sentence
        (
            "売上高は845億3,200万円となりました。セグメント別では、クラウド事業の売上高が"
            "512億円（構成比60.6%）でした。",
            "share",
            ["pass"],
        ),
        (
            "売上高は845億3,200万円となりました。セグメント別では、クラウド事業の売上高が"
            "512億円（構成比66.6%）でした。",
            "share",
            ["fail"],
        ),
        # the shares listed after it in its sentence (同 repeats 構成比) are of that whole
        (
            "売上高は845億3,200万円となりました。セグメント別では、クラウド事業の売上高が"
            "512億円（構成比60.6%）、ハードウェア事業が248億円（同39.3%）でした。",
            "share",
            ["pass", "fail"],
        ),
        # 同 repeating a change's base is no share
        ("売上高は845億円（前年同期比5.0%増）、営業利益は96億円（同18.0%増）でした。", "share", []),
        # a bare share word after a share of a named whole: a share of that whole
        (
            "総人口は1億2,380万2千人。15歳未満人口は1,383万人で、総人口に占める割合は"
            "11.2％となった。65歳以上人口は3,625万人で、割合は29.3％となった。",
            "share",
            ["pass", "pass"],
        ),
        (
            "総人口は1億2,380万2千人。15歳未満人口は1,383万人で、総人口に占める割合は"
            "11.2％となった。65歳以上人口は3,625万人で、割合は30.3％となった。",
            "share",
            ["pass", "fail"],
        ),
        # not under another heading
        (
            "総人口は1億2,380万人。15歳未満人口は1,383万人で、総人口に占める割合は11.2％。"
            "\n\n■企業\n調査対象は500社で、割合は3.5％だった。",
            "share",
            ["pass"],
        ),
        # 削減 is a decrease
        ("排出量は12.5万トンで、基準年度の25.0万トンから50.0％削減した。", "change", ["pass"]),
        ("排出量は12.5万トンで、基準年度の25.0万トンから40.0％削減した。", "change", ["fail"]),
    ],
)
def test_shares_of_a_whole_before_and_cuts(run_text, text, rule, statuses):
    assert [c.status for c in run_text(text).checks if c.rule == rule] == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("市場想定価格は税込4万9,800円（税抜4万5,273円）。", ["pass"]),
        ("市場想定価格は税込4万9,800円（税抜4万3,273円）。", ["fail"]),
        ("本体価格3,000円（税込3,300円）で販売する。", ["pass"]),
        # the reduced rate (food)
        ("弁当は税込864円（税抜800円）。", ["pass"]),
        # one price alone, or two in different sentences: nothing to compare
        ("価格は税込5,500円。", []),
        ("価格は5,500円（税込）。なお5,000円（税抜）の商品もある。", []),
    ],
)
def test_a_price_with_and_without_tax(run_text, text, statuses):
    assert [c.status for c in run_text(text).checks if c.rule == "tax"] == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("回答者の内訳は、男性が52.3%、女性が46.1%、その他が1.6%となった。", ["pass"]),
        ("回答者の内訳は、男性が52.3%、女性が36.1%、その他が1.6%となった。", ["warn"]),
        # each share rounded: 33.3 three times is 100 within the rounding
        ("内訳は、男性33.3%、女性33.3%、不明33.3%。", ["pass"]),
        # a share written before the breakdown is its whole (sum.v4 reads it), not 100%
        ("利用者は全体の32.5%。内訳は、毎日が12.1%、週1回が11.4%、月1回が9.0%でした。", []),
        # amounts, and shares without 内訳, are no shares of one whole here
        ("費用の内訳は、人件費が120億円、設備費が80億円。", []),
        ("回答は、賛成が40.2%、反対が35.1%、その他が14.7%だった。", []),
    ],
)
def test_a_breakdown_into_shares_adds_up_to_the_whole(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule_version == "sum.v8"] == statuses


_STORES = (
    "・A店：売場面積1,200平方メートル、従業員数45人\n・B店：売場面積980平方メートル、従業員数38人"
    "\n・C店：売場面積1,350平方メートル、従業員数52人\n\n"
    "3店舗の売場面積は合計{area}平方メートル、従業員数は合計{staff}人です。"
)


@pytest.mark.parametrize(
    ("area", "staff", "statuses"),
    [
        ("3,530", "135", ["pass", "pass"]),
        ("3,630", "135", ["fail", "pass"]),
        ("3,530", "145", ["pass", "fail"]),
    ],
)
def test_a_counted_total_of_the_list_above_it(run_text, area, staff, statuses):
    """ "3店舗の…合計": the three figures of each unit in the list right above; the list's
    items are no headlines of the text under them."""
    result = run_text(_STORES.format(area=area, staff=staff))
    assert [c.status for c in result.checks if c.rule_version == "sum.v5"] == statuses
    assert [c for c in result.checks if c.rule == "restatement"] == []


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # more people than live on Earth: a scale word slipped (万 → 億)
        ("同サービスの利用者は2,000億人に達した。", ["fail"]),
        ("同サービスの利用者は2,000万人に達した。", []),
        # counted again each time (延べ, 累計): visits, not people
        ("アプリは延べ2,000億人に利用された。", []),
        # more countries, prefectures or schools than there are
        ("支援はアフリカ264カ国に及んだ。", ["fail"]),
        ("支援はアフリカ54カ国、世界120の国・地域に及んだ。", []),
        ("全国48都道府県で実施した。", ["fail"]),
        ("全国47都道府県で実施した。", []),
        ("中国全土の14億校に提供した。", ["fail"]),
        ("中国全土の14万校に提供した。", []),
        ("延べ300か国から参加があった。", []),
        # a share of a whole above 100%
        ("投票率は138.52％で、前回を上回った。", ["fail"]),
        ("海外売上高の構成比は120%となった。", ["fail"]),
        ("投票率は38.52％だった。", []),
        # a rate of change may exceed 100%
        ("売上高の増加率は150%だった。", []),
        ("前年比の伸び率は210%。", []),
        # and so may ratios and rates that are no shares of one whole
        ("流動比率は150%、携帯電話の普及率は160%、達成率は120%。", []),
    ],
)
def test_figures_that_cannot_be_right_on_their_own(run_text, text, statuses):
    result = run_text(text)
    assert [c.status for c in result.checks if c.rule == "plausibility"] == statuses
