"""What must NOT be extracted (the contract's "Not mentions", ja-timex style)."""

from __future__ import annotations

import pytest

from tests.conftest import DOC_DATE

NOT_MENTIONS = [
    "新型コロナウイルス感染症(COVID-19)対策",  # identifier with digits
    "N95マスクを配布",
    "ミリ波レーダーを搭載",
    "(単位:百万円)",  # a table's unit declaration
    "（単位：千円）",
    "億円単位の投資",
    "1株当たり利益",  # the unit of a rate
    "1人あたりの",
    "3度目の挑戦",  # ordinals
    "2回目の接種",
    "入社5年目の社員",
    "マグニチュード7.6の地震",  # a decimal counts nothing
    "全体の3/4を占める",  # a fraction, not a date (no weekday follows)
    "回答者の3分の1が賛成し、4分の3が反対した",  # fractions, not minutes
    "3月期決算の企業",  # a kind of company, not a fiscal year
    "センチメートル単位で計測",  # a unit word with no number
    "C2M(消費者から製造業者へ)戦略",
    "B2BからB2Cに移行",
    "3Dショッピングを導入",
    "春雷計画2020」を発表",  # name containing a year
    "20-30 代の人々",  # age band
    "モバイルアプリの TOP 5 に入った",  # rank
    "第1四半期ではなく第一線の臨床経験",  # ordinals
    "1)医療機関向けの支援",  # list markers
    "2. 次の項目",
    "詳細は https://example.com/2020/05/21/100man.html を参照",  # URL
    "連絡先: press2020@example.co.jp まで",  # e-mail
    "二階俊博氏が名誉理事長を務める",  # name with a numeral
    "一対一の遠隔相談、施策の一つ、一連の取り組み、一般社団法人",  # idioms with 一
    "百貨店と千葉の十分な一部",  # words starting with numerals
    "地元の元々の円滑な運営",  # 元 and 円 inside words
    "毎日何千本ものライブ配信、数十名、数回にわたる",  # vague numbers
    "[春雷計画 2020](#)を発表",
    "会見は午前10時30分から",  # a clock time is not a duration
    "本社は東京都千代田区丸の内1-1-1、電話03-1234-5678、〒100-0005。",  # addresses, phones
    "iPhone 15 ProとVer.2.0、G7サミット、5G対応",  # names and versions with digits
    "円滑な運営と100円滑",
    "1日平均の利用、1日あたりの件数",
    "銭湯と金銭",
    "前月比で上昇、当月分は翌月に支払う",
    "購入額の5ポイント還元、ポイント高還元",  # loyalty points are no percentage points
    "購入ごとに1ポイントを付与し、会員数は前年比で上昇",
    "3ポイントシュートの成功率が上昇",  # a word that begins with ポイント
]


@pytest.mark.parametrize("phrase", NOT_MENTIONS)
def test_phrase_has_no_figure(mentions_of, phrase):
    assert [m.surface for m in mentions_of(phrase)] == []


@pytest.mark.parametrize("phrase", ["4872年5月47日に", "13月1日", "2月30日", "5月47日時点"])
def test_impossible_dates_are_not_dates(mentions_of, phrase):
    for published in (None, DOC_DATE):
        assert [m.kind for m in mentions_of(phrase, published)] == []
