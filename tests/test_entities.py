"""Entities and aliases learned from the text, and what figures are attributed to."""

from __future__ import annotations

import pytest

from pipeline.link.aliases import AliasFileError, build_entities, user_aliases
from pipeline.link.entities import find_names, name_key
from pipeline.normalise import normalise
from pipeline.tokenise import tokenise


def _names(tagger, text):
    norm = normalise(text)
    return find_names(norm.text, tokenise(norm.text, tagger))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("天猫（T モール）に出店した。", ("天猫", "T モール")),
        ("ツァイニャオ（菜鳥）が物流を担う。", ("ツァイニャオ", "菜鳥")),
        ("フーマー (盒馬鮮生) は店舗を持つ。", ("フーマー", "盒馬鮮生")),
        (
            "アント フィナンシャル サービスグループ（以下、アントグループ）は発表した。",
            ("アント フィナンシャル サービスグループ", "アントグループ"),
        ),
        ("世界保健機関(WHO)が宣言した。", ("世界保健機関", "WHO")),
    ],
)
def test_glosses_and_definitions_declare_aliases(tagger, text, pair):
    assert pair in _names(tagger, text).same


@pytest.mark.parametrize(
    "text",
    [
        "1億元(約15.5億円)を拠出",
        "公式ウェブサイト上(http://www.example.com/a.html)で公開",
        "1元=15円のレート（5月時点）で換算",
        # brackets that qualify a common word: no name on either side
        "完全失業率（季節調整値）は2.5%と上昇した。",
        "労働力調査（基本集計）の結果を公表した。",
        # one letter names nothing
        "地震の規模を示すマグニチュード（M）は7.1と推定される。",
        # a company profile in the bracket is no other name of it
        "ミライ電機株式会社（本社：東京都港区、代表取締役：山田太郎）は発表した。",
    ],
)
def test_amounts_and_addresses_in_brackets_are_not_aliases(tagger, text):
    assert _names(tagger, text).same == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ジャック・マー公益基金会", "ジャックマー公益基金会"),
        ("DAMO アカデミー", "DAMOアカデミー"),
        ("ジャック・マー公益基金", "ジャック・マー公益基金会"),
        ("アリババグループ", "アリババ"),
    ],
)
def test_spelling_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        # a legal form written first: the rest is a company, whatever its script
        ("合同会社ミライは新工場を建てた。", "合同会社ミライ", set()),
        # the press-release opener: a long bracket that ends by defining the short name
        (
            "株式会社テックフロンティア（本社：東京都渋谷区、代表取締役CEO：山田太郎、"
            "以下「テックフロンティア」）は、資金調達を実施しました。",
            "株式会社テックフロンティア",
            {"テックフロンティア"},
        ),
    ],
)
def test_companies_named_with_a_leading_legal_form(tagger, text, name, aliases):
    found = _names(tagger, text)
    assert name in {n.text for n in found.names if n.type == "ORG"}
    assert {b for a, b in found.same if a == name} == aliases


@pytest.mark.parametrize(
    "text", ["ARR（年間経常収益）は12億円を超えた。", "GDP（国内総生産）は伸びた。"]
)
def test_an_acronym_spelled_out_in_common_words_is_a_term(tagger, text):
    assert _names(tagger, text).names == []


def test_organisation_suffix_and_person_types(tagger):
    found = {
        n.text: n.type for n in _names(tagger, "二階俊博氏と浙江大学とアリババグループ。").names
    }
    assert found["浙江大学"] == "ORG" and found["アリババグループ"] == "ORG"
    assert found["二階俊博"] == "PERSON"


def test_english_title_words_are_not_names(tagger):
    found = {
        n.text
        for n in _names(tagger, "『Handbook of COVID-19 Prevention and Treatment』を公開").names
    }
    assert not found & {"Handbook", "Prevention", "Treatment"}


def test_user_alias_file_merges_what_text_cannot(tmp_path):
    (tmp_path / "aliases.toml").write_text('"甲財団" = ["乙財団"]\n', encoding="utf-8")
    pairs = user_aliases(tmp_path)
    from pipeline.link.entities import Name

    entities, id_of = build_entities(
        [Name(0, 3, "甲財団", "ORG"), Name(5, 8, "乙財団", "ORG"), Name(9, 12, "甲財団", "ORG")],
        pairs,
    )
    assert len(entities) == 1 and entities[0].name == "甲財団" and entities[0].aliases == ["乙財団"]
    assert id_of[name_key("乙財団")] == entities[0].entity_id


def test_broken_alias_file_says_how_to_fix_it(tmp_path):
    (tmp_path / "aliases.toml").write_text("甲財団 = [", encoding="utf-8")
    with pytest.raises(AliasFileError, match=r"aliases\.toml"):
        user_aliases(tmp_path)


def test_subjects_on_the_seeds(seed_run):
    result, _ = seed_run
    subject = {(m.doc_id[:3], " ".join(m.surface.split())): m.subject for m in result.mentions}
    assert subject[("001", "4.39 億円")] == "マイバンク"
    assert subject[("000", "1億元")] == "ジャック・マー公益基金会"
    assert subject[("000", "3,000万米ドル")] == "アリババクラウド"


def test_footnotes_date_the_marked_figures(seed_run):
    result, _ = seed_run
    as_of = {
        " ".join(m.surface.split()): m.as_of
        for m in result.mentions
        if m.doc_id.startswith("001") and m.line in (15, 18, 19)
    }
    assert as_of["27.63 億元"] == "2020-03-31"  # marked *
    assert as_of["4.39 億元"] == "2020-03-31"
    assert as_of["1 万人"] == "2020-05-10"  # その他は…時点


def test_entity_tables_are_written(seed_run):
    result, out = seed_run
    import pandas as pd

    entities = pd.read_csv(out / "entities.csv")
    assert {"entity_id", "name", "type", "aliases"} <= set(entities.columns)
    row = entities[entities["name"] == "ジャック・マー公益基金会"].iloc[0]
    assert "馬雲公益基金会" in row["aliases"].split("|")
    places = pd.read_parquet(out / "entity_mentions.parquet")
    texts = result.texts
    assert all(texts[r.doc_id][r.start : r.end] == r.surface for r in places.itertuples())


def test_subjects_agree_with_gold(seed_run):
    """Subjects are not part of strict F1, but reviewers read them: keep them right."""
    import json

    from tests.conftest import GOLD

    result, _ = seed_run
    gold = [
        json.loads(line)
        for line in (GOLD / "000_761058c0af17af92.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_start = {m.start: m for m in result.mentions if m.doc_id == "000_761058c0af17af92"}
    rows = [g for g in gold if not g["optional"] and g["start"] in by_start]
    agree = sum(by_start[g["start"]].subject == g["subject"] for g in rows)
    assert agree / len(rows) >= 0.93


def test_a_body_suffix_inside_a_longer_word_names_no_body(tagger):
    names = {n.text for n in _names(tagger, "都道府県別では、東京都が5,075人だった。").names}
    assert "都道府" not in names


@pytest.mark.parametrize("heading", ["【ポイント】", "■概要", "●ポイント"])
def test_a_heading_that_labels_a_part_of_the_document_names_no_one(tagger, heading):
    text = f"{heading}\n・完全失業率は2.6％と，前月に比べ0.2ポイント上昇\n"
    assert [n.text for n in _names(tagger, text).names] == []


def test_row_letters_and_formulas_in_brackets_are_not_names(tagger):
    text = "| 前回発表予想（A） | 250 |\n| 今回修正予想（B） | 262 |\n| 増減額（B－A） | 12 |\n"
    assert [n.text for n in _names(tagger, text).names] == []


def test_currency_prefixes_are_not_names(tagger):
    text = "US$3.5 billionを調達し、RMB3.4 Billionを拠出した。"
    assert [n.text for n in _names(tagger, text).names] == []


@pytest.mark.parametrize("currency", ["香港ドル", "豪ドル", "台湾ドル", "人民元", "ユーロ"])
def test_currency_names_are_not_names(tagger, currency):
    text = f"ミライ商事は10万{currency}を投じた。"
    assert [n.text for n in _names(tagger, text).names] == ["ミライ商事"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # who announces is an organisation, whatever its name is made of
        ("ミライ食品が10日発表した決算は増益だった。", ["ミライ食品"]),
        ("ミライ食品は7日、新工場の建設を発表した。", ["ミライ食品"]),
        # after what it is ("食品大手の"), announcing what it will do ("…すると発表")
        ("食品大手のミライ食品は10日、新工場を建設すると発表した。", ["ミライ食品"]),
        # but not what a company calls itself, nor a common noun
        ("同社は7日、新工場の建設を発表した。", []),
        ("政府は10日発表した。", []),
    ],
)
def test_who_announces_is_a_name(tagger, text, names):
    assert [n.text for n in _names(tagger, text).names] == names


def test_formulas_are_not_names(tagger):
    names = _names(tagger, "CO2排出量とPM2.5の濃度をWHOが公表した。").names
    assert [n.text for n in names] == ["WHO"]


def test_places_that_end_like_a_currency_are_places(tagger):
    names = _names(tagger, "エクアドルとフィンランドに医療物資を送った。").names
    assert [n.text for n in names] == ["エクアドル", "フィンランド"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a kanji suffix inside a name goes on with it (自動|車)
        ("アオバ自動車株式会社は、連結業績をお知らせします。", ["アオバ自動車株式会社"]),
        # …but ends no name: a product's origin, a nationality
        ("トヨタ製の部品と日本人の技術者", ["トヨタ", "日本"]),
    ],
)
def test_a_kanji_suffix_inside_a_name(tagger, text, names):
    assert [n.text for n in _names(tagger, text).names] == names


def test_era_names_are_not_entities(tagger):
    assert [n.text for n in _names(tagger, "令和6年と平成30年の比較").names] == []


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a headline opening with a name and a comma, after a 【label】
        (
            "【プレスリリース】アリババグループ、新型コロナ対策に約500億円を拠出",
            "500億円",
            "アリババグループ",
        ),
        # a place inside another word (トルコ語) is not the place
        ("日本語、トルコ語の計7言語に対応した。", "7言語", None),
        # a conversion rate belongs to no entity
        ("アリババグループは1元=15円で換算した。", "1元=15円", None),
        # a scope (日本では) is the subject of its own sentence, not of the ones after it
        (
            "ミライ電機は5日、決算を発表した。日本では約100万台を販売した。\n"
            "株価は前日比150円高の3,095円で取引を終えた。",
            "3,095円",
            "ミライ電機",
        ),
        ("ミライ電機は5日、決算を発表した。日本では約100万台を販売した。", "100万台", "日本"),
        # a place listed in a breakdown is the subject of no sentence after it
        (
            "地域別では、日本が5,120億円、北米が3,980億円でした。営業利益は1,050億円でした。",
            "1,050億円",
            None,
        ),
        ("地域別では、日本が5,120億円、北米が3,980億円でした。", "5,120億円", "日本"),
        # a co-investor named with が is not the subject of the paragraphs after it
        (
            "株式会社テックフロンティア（本社：東京都渋谷区、以下「テックフロンティア」）は、"
            "資金調達を実施しました。\n\nABCベンチャーズがリード投資家を務めました。\n\n"
            "導入企業数が1,200社を突破しました。",
            "1,200社",
            "株式会社テックフロンティア",
        ),
        # with no theme (X は), the lead's X が stands for the article
        ("ミライ電機が9日発表した決算は増収だった。\n年間配当は48円とする。", "48円", "ミライ電機"),
        # an aside in brackets names no actor; "X や Y 等は" belongs to X
        (
            "トヨタ自動車は5日、決算を発表した。\n\n"
            "同社の世界販売台数（ダイハツ工業を含む）は約540万台だった。",
            "540万台",
            "トヨタ",
        ),
        ("タオバオ（淘宝）やフーマー等は、25万トンの農産物を販売した。", "25万トン", "タオバオ"),
        # a report whose one organisation is never a topic: its figures are the issuer's
        (
            "上場会社名　サンプル精機株式会社\n\n売上高は1,250億円でした。",
            "1,250億円",
            "サンプル精機株式会社",
        ),
        (
            "上場会社名　サンプル精機株式会社\n取引先　ミライ電機株式会社\n\n"
            "売上高は1,250億円でした。",
            "1,250億円",
            None,
        ),
    ],
)
def test_subject_cases(run_text, text, surface, subject):
    [m] = [m for m in run_text(text).mentions if m.surface == surface]
    assert m.subject == subject


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # public bodies named by common kanji words
        ("総務省統計局が22日発表した", [("総務省統計局", "ORG")]),
        ("国土交通省と経済産業省が", [("国土交通省", "ORG"), ("経済産業省", "ORG")]),
        ("内閣府の調査", [("内閣府", "ORG")]),
        # a place with its territory suffix stays a place; 同省 only refers back
        ("湖北省の病院", [("湖北省", "LOC")]),
        ("同省は発表した", []),
        ("政府は発表した", []),
    ],
)
def test_public_bodies_and_territories(tagger, text, names):
    assert [(n.text, n.type) for n in _names(tagger, text).names] == names
