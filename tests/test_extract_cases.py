"""The extraction specification: Japanese phrases and the one record each must give.

Each row: phrase, surface expected, kind, value, value_low, value_high, bound,
approx, unit.  Most phrases are not from the seed documents.  Values follow the
contract: scale words applied, modifiers outside the span but in bound/approx.
"""

from __future__ import annotations

import pytest

N = None
CASES = [
    # --- money: currencies, scales, mixed notation -------------------------
    (
        "合計 33 億 5,600 万元を拠出",
        "33 億 5,600 万元",
        "money",
        3356000000,
        3356000000,
        3356000000,
        "eq",
        False,
        "CNY",
    ),
    (
        "売上高は27億6,300万元だった",
        "27億6,300万元",
        "money",
        2763000000,
        2763000000,
        2763000000,
        "eq",
        False,
        "CNY",
    ),
    (
        "1億元(約15.5億円)を拠出",
        "15.5億円",
        "money",
        1550000000,
        1550000000,
        1550000000,
        "eq",
        True,
        "JPY",
    ),
    (
        "資本金は3,000万米ドル",
        "3,000万米ドル",
        "money",
        30000000,
        30000000,
        30000000,
        "eq",
        False,
        "USD",
    ),
    (
        "総額280億ドルを投資",
        "280億ドル",
        "money",
        28000000000,
        28000000000,
        28000000000,
        "eq",
        False,
        "USD",
    ),
    ("約3兆円の経済効果", "3兆円", "money", 3e12, 3e12, 3e12, "eq", True, "JPY"),
    ("罰金は50万ユーロ", "50万ユーロ", "money", 500000, 500000, 500000, "eq", False, "EUR"),
    (
        "投資額は1兆2000億ウォン",
        "1兆2000億ウォン",
        "money",
        1.2e12,
        1.2e12,
        1.2e12,
        "eq",
        False,
        "KRW",
    ),
    (
        "価格は１２，８００円（税込）",
        "１２，８００円",
        "money",
        12800,
        12800,
        12800,
        "eq",
        False,
        "JPY",
    ),
    ("予算は三十万円です", "三十万円", "money", 300000, 300000, 300000, "eq", False, "JPY"),
    (
        "一億二千万円の赤字",
        "一億二千万円",
        "money",
        120000000,
        120000000,
        120000000,
        "eq",
        False,
        "JPY",
    ),
    (
        "営業損失は△864百万円",
        "864百万円",
        "money",
        -864000000,
        -864000000,
        -864000000,
        "eq",
        False,
        "JPY",
    ),
    ("5億元以上を拠出し", "5億元", "money", 500000000, 500000000, N, "ge", False, "CNY"),
    (
        "売上は1億米ドルを突破した",
        "1億米ドル",
        "money",
        100000000,
        100000000,
        N,
        "gt",
        False,
        "USD",
    ),
    (
        "Alibaba Contributes RMB3.4 Billion to",
        "RMB3.4 Billion",
        "money",
        3.4e9,
        3.4e9,
        3.4e9,
        "eq",
        False,
        "CNY",
    ),
    ("調達額はUS$5 millionに達した", "US$5 million", "money", 5e6, 5e6, 5e6, "eq", False, "USD"),
    ("約US$3.5Mを調達", "US$3.5M", "money", 3.5e6, 3.5e6, 3.5e6, "eq", True, "USD"),
    (
        "売上高は1.2 billion USDだった",
        "1.2 billion USD",
        "money",
        1.2e9,
        1.2e9,
        1.2e9,
        "eq",
        False,
        "USD",
    ),
    ("価格は¥12,800(税込)", "¥12,800", "money", 12800, 12800, 12800, "eq", False, "JPY"),
    ("報酬は1万～2万円程度", "1万～2万円", "money", N, 10000, 20000, "range", True, "JPY"),
    ("1,700 万元を拠出", "1,700 万元", "money", 17000000, 17000000, 17000000, "eq", False, "CNY"),
    ("200億香港ドルを調達", "200億香港ドル", "money", 2e10, 2e10, 2e10, "eq", False, "HKD"),
    ("1億ルピーを寄付", "1億ルピー", "money", 1e8, 1e8, 1e8, "eq", False, "INR"),
    # --- counts ------------------------------------------------------------
    ("マスク1億枚を寄付", "1億枚", "count", 1e8, 1e8, 1e8, "eq", False, "枚"),
    ("1億3,000万人の学生", "1億3,000万人", "count", 1.3e8, 1.3e8, 1.3e8, "eq", False, "人"),
    ("アフリカ54カ国に", "54カ国", "count", 54, 54, 54, "eq", False, "カ国"),
    ("１２ヶ国で展開", "１２ヶ国", "count", 12, 12, 12, "eq", False, "ヶ国"),
    ("7言語のハンドブック", "7言語", "count", 7, 7, 7, "eq", False, "言語"),
    ("300機以上のチャーター機", "300機", "count", 300, 300, N, "ge", False, "機"),
    ("合計46万食以上の差し入れ", "46万食", "count", 460000, 460000, N, "ge", False, "食"),
    ("世界120の国と地域", "120", "count", 120, 120, 120, "eq", False, N),
    ("世界150+の国に寄付", "150", "count", 150, 150, N, "gt", False, N),
    ("550 を超える病院が", "550", "count", 550, 550, N, "gt", False, N),
    ("7,000余りのマーチャント", "7,000", "count", 7000, 7000, N, "gt", True, N),
    ("40万食近くの差し入れ", "40万食", "count", 400000, N, 400000, "le", True, "食"),
    ("参加者は100人未満だった", "100人", "count", 100, N, 100, "lt", False, "人"),
    ("最大1,000人までのチャット", "1,000人", "count", 1000, N, 1000, "le", False, "人"),
    ("約1万人の医師", "1万人", "count", 10000, 10000, 10000, "eq", True, "人"),
    ("社員は2千人弱", "2千人", "count", 2000, N, 2000, "lt", True, "人"),
    ("5,000万~1億人に達した", "5,000万~1億人", "count", N, 5e7, 1e8, "range", False, "人"),
    ("3〜5人のチーム", "3〜5人", "count", N, 3, 5, "range", False, "人"),
    ("100から200件の応募", "100から200件", "count", N, 100, 200, "range", False, "件"),
    # a change from one level to another ends no range, with its amount written between
    ("前年の8.1%から9.3%と1.2ポイント上昇", "9.3%", "percent", 9.3, 9.3, 9.3, "eq", False, "%"),
    ("2.4kgから1.8kgへと25％軽量化", "1.8kg", "quantity", 1.8, 1.8, 1.8, "eq", False, "kg"),
    ("3,000円から5,000円と幅", "3,000円から5,000円", "money", N, 3e3, 5e3, "range", False, "JPY"),
    ("約 2 万 5,000 回の配信", "2 万 5,000 回", "count", 25000, 25000, 25000, "eq", True, "回"),
    ("15万企業を支援", "15万企業", "count", 150000, 150000, 150000, "eq", False, "企業"),
    ("500台人工呼吸器", "500台", "count", 500, 500, 500, "eq", False, "台"),
    ("在来線の計42路線で運転を見合わせ", "42路線", "count", 42, 42, 42, "eq", False, "路線"),
    ("全国37都市で", "37都市", "count", 37, 37, 37, "eq", False, "都市"),
    ("計 7,300 万件以上の支援物資", "7,300 万件", "count", 7.3e7, 7.3e7, N, "ge", False, "件"),
    ("職員三百人が参加", "三百人", "count", 300, 300, 300, "eq", False, "人"),
    ("来場者は1万人超", "1万人", "count", 10000, 10000, N, "gt", False, "人"),
    ("20万着防護服", "20万着", "count", 200000, 200000, 200000, "eq", False, "着"),
    ("患者320例のうち", "320例", "count", 320, 320, 320, "eq", False, "例"),
    # a noun ending in 数 before digits: no vague number (数十人 is one)
    ("従業員数45人の新店", "45人", "count", 45, 45, 45, "eq", False, "人"),
    ("会員数500万人となった", "500万人", "count", 5000000, 5000000, 5000000, "eq", False, "人"),
    # a counter before 差 (a margin) is still the counter
    ("2万4,691票差で当選", "2万4,691票", "count", 24691, 24691, 24691, "eq", False, "票"),
    ("100前後の団体", "100", "count", 100, 100, 100, "eq", True, N),
    # --- percent, points, 割, ratio -----------------------------------------
    ("分析精度は96%に達した", "96%", "percent", 96, 96, 96, "eq", False, "%"),
    ("前月比 719%増加", "719%", "percent", 719, 719, 719, "eq", False, "%"),
    ("前年同期比12.5％増", "12.5％", "percent", 12.5, 12.5, 12.5, "eq", False, "%"),
    ("営業利益率は▲3.2%", "3.2%", "percent", -3.2, -3.2, -3.2, "eq", False, "%"),
    ("成長率はマイナス5%", "5%", "percent", -5, -5, -5, "eq", False, "%"),
    ("3〜5%の上昇", "3〜5%", "percent", N, 3, 5, "range", False, "%"),
    ("シェアは10%ポイント上昇", "10%ポイント", "percent", 10, 10, 10, "eq", False, "pt"),
    ("支持率は2.5ポイント低下", "2.5ポイント", "percent", 2.5, 2.5, 2.5, "eq", False, "pt"),
    # no word of change after them: a sentence of contributions or changes
    ("寄与度は1.55ポイントだった", "1.55ポイント", "percent", 1.55, 1.55, 1.55, "eq", False, "pt"),
    (
        "食料が1.5ポイント、住居が0.3ポイントのプラス",
        "1.5ポイント",
        "percent",
        1.5,
        1.5,
        1.5,
        "eq",
        False,
        "pt",
    ),
    ("失業率は0.2ポイントの上昇", "0.2ポイント", "percent", 0.2, 0.2, 0.2, "eq", False, "pt"),
    # a margin of points
    ("2.1ポイント差で敗れた", "2.1ポイント", "percent", 2.1, 2.1, 2.1, "eq", False, "pt"),
    ("両者の差は4.4ポイントだった", "4.4ポイント", "percent", 4.4, 4.4, 4.4, "eq", False, "pt"),
    ("その差は約1.5ポイント", "1.5ポイント", "percent", 1.5, 1.5, 1.5, "eq", True, "pt"),
    (
        "TOPIXは18.52ポイント（0.67％）高の2,789.03",
        "18.52ポイント",
        "percent",
        18.52,
        18.52,
        18.52,
        "eq",
        False,
        "pt",
    ),
    ("回答者の3割が", "3割", "percent", 30, 30, 30, "eq", False, "%"),
    ("打率は3割5分", "3割5分", "percent", 35, 35, 35, "eq", False, "%"),
    ("約50パーセントが賛成", "50パーセント", "percent", 50, 50, 50, "eq", True, "%"),
    ("前年比の3倍", "3倍", "ratio", 3, 3, 3, "eq", False, "倍"),
    ("売上は1.5倍に", "1.5倍", "ratio", 1.5, 1.5, 1.5, "eq", False, "倍"),
    # --- quantity ----------------------------------------------------------
    ("25万トンの農産物", "25万トン", "quantity", 250000, 250000, 250000, "eq", False, "t"),
    ("台風は時速15キロで北上", "15キロ", "quantity", 15, 15, 15, "eq", False, "km/h"),
    ("時速約20キロで走行", "20キロ", "quantity", 20, 20, 20, "eq", True, "km/h"),
    (
        "中心気圧は950ヘクトパスカル",
        "950ヘクトパスカル",
        "quantity",
        950,
        950,
        950,
        "eq",
        False,
        "hPa",
    ),
    ("1.2万トン以上の商品", "1.2万トン", "quantity", 12000, 12000, N, "ge", False, "t"),
    ("全長42.195kmを走る", "42.195km", "quantity", 42.195, 42.195, 42.195, "eq", False, "km"),
    ("面積は約3ヘクタール", "3ヘクタール", "quantity", 3, 3, 3, "eq", True, "ha"),
    ("重さ5キログラム", "5キログラム", "quantity", 5, 5, 5, "eq", False, "kg"),
    ("出力100MWの発電所", "100MW", "quantity", 100, 100, 100, "eq", False, "MW"),
    ("最大40センチの降雪", "40センチ", "quantity", 40, N, 40, "le", False, "cm"),
    ("最高気温は35.2度まで", "35.2度", "quantity", 35.2, N, 35.2, "le", False, "°C"),
    ("気温は25度から30度", "25度から30度", "quantity", N, 25, 30, "range", False, "°C"),
    ("人口の約2～3割", "2～3割", "percent", N, 20, 30, "range", True, "%"),
    ("気温が2～3度低い", "2～3度", "quantity", N, 2, 3, "range", False, "°C"),
    ("2度にわたり延期", "2度", "count", 2, 2, 2, "eq", False, "度"),
    ("自民党は191議席を獲得", "191議席", "count", 191, 191, 191, "eq", False, "議席"),
    ("1日平均200便が運航", "200便", "count", 200, 200, 200, "eq", False, "便"),
    ("目標は売上高1兆円目標", "1兆円", "money", 1e12, 1e12, 1e12, "eq", False, "JPY"),
    ("画面は6.1インチ", "6.1インチ", "quantity", 6.1, 6.1, 6.1, "eq", False, "in"),
    ("下り4.9Gbpsに対応", "4.9Gbps", "quantity", 4.9, 4.9, 4.9, "eq", False, "Gbps"),
    ("1時間に50ミリの雨", "50ミリ", "quantity", 50, 50, 50, "eq", False, "mm"),
    ("3億立方メートルのガス", "3億立方メートル", "quantity", 3e8, 3e8, 3e8, "eq", False, "m3"),
    ("年1万キロワット時を発電", "1万キロワット時", "quantity", 1e4, 1e4, 1e4, "eq", False, "kWh"),
    # --- duration ----------------------------------------------------------
    ("20秒以内で判断", "20秒", "duration", 20, N, 20, "le", False, "s"),
    ("48時間以内に", "48時間", "duration", 48, N, 48, "le", False, "h"),
    ("今後3年間で", "3年間", "duration", 3, 3, 3, "eq", False, "year"),
    ("今後3～5年で100店舗", "3～5年", "duration", N, 3, 5, "range", False, "year"),
    ("1年半で達成", "1年半", "duration", 1.5, 1.5, 1.5, "eq", False, "year"),
    ("2時間半の会議", "2時間半", "duration", 2.5, 2.5, 2.5, "eq", False, "h"),
    ("3ヶ月間で", "3ヶ月間", "duration", 3, 3, 3, "eq", False, "month"),
    ("1 か月以内に", "1 か月", "duration", 1, N, 1, "le", False, "month"),
    ("1週間後", "1週間", "duration", 1, 1, 1, "eq", False, "week"),
    ("3日間にわたり", "3日間", "duration", 3, 3, 3, "eq", False, "day"),
    ("設立して僅か4年の企業", "4年", "duration", 4, 4, 4, "eq", False, "year"),
    ("約30分間の会見", "30分間", "duration", 30, 30, 30, "eq", True, "min"),
    ("対象は全国47都道府県", "47都道府県", "count", 47, 47, 47, "eq", False, "都道府県"),
    ("平均気温は25.3℃", "25.3℃", "quantity", 25.3, 25.3, 25.3, "eq", False, "°C"),
    ("最低は-2.5℃", "2.5℃", "quantity", -2.5, -2.5, -2.5, "eq", False, "°C"),
    ("１０日以内に回答", "１０日", "duration", 10, N, 10, "le", False, "day"),
    ("5日ぶりに反発", "5日", "duration", 5, 5, 5, "eq", False, "day"),
    # --- rate --------------------------------------------------------------
    ("*1人民元=15.5円で換算", "1人民元=15.5円", "rate", 15.5, 15.5, 15.5, "eq", False, "JPY/CNY"),
    ("1元=15円のレート", "1元=15円", "rate", 15, 15, 15, "eq", False, "JPY/CNY"),
    ("1ドル＝107.5円で換算", "1ドル＝107.5円", "rate", 107.5, 107.5, 107.5, "eq", False, "JPY/USD"),
    ("1ユーロ=120円", "1ユーロ=120円", "rate", 120, 120, 120, "eq", False, "JPY/EUR"),
    # 台: the run of values the figure opens (150円台 is 150 to 160)
    ("円相場は1ドル150円台で推移", "1ドル150円", "rate", N, 150, 160, "range", False, "JPY/USD"),
    ("1ドル＝151円台前半", "1ドル＝151円", "rate", N, 151, 151.5, "range", False, "JPY/USD"),
    ("株価は4万円台を回復", "4万円", "money", N, 40000, 50000, "range", False, "JPY"),
    ("成長率は2%台後半", "2%", "percent", N, 2.5, 3, "range", False, "%"),
    ("売上高は3000億円台", "3000億円", "money", N, 3e11, 4e11, "range", False, "JPY"),
    ("実質成長率はマイナス0.5%台", "0.5%", "percent", N, -0.6, -0.5, "range", False, "%"),
    ("新車販売は500台", "500台", "count", 500, 500, 500, "eq", False, "台"),
    ("売上高は10億円台湾向けが伸びた", "10億円", "money", 1e9, 1e9, 1e9, "eq", False, "JPY"),
    ("終値は前日比120円高", "120円", "money", 120, 120, 120, "eq", False, "JPY"),
    # --- minor units: 銭 of a yen, セント of a dollar ------------------------
    (
        "円相場は1ドル＝151円20～22銭で推移",
        "1ドル＝151円20～22銭",
        "rate",
        N,
        151.2,
        151.22,
        "range",
        False,
        "JPY/USD",
    ),
    (
        "1ユーロ=163円5銭",
        "1ユーロ=163円5銭",
        "rate",
        163.05,
        163.05,
        163.05,
        "eq",
        False,
        "JPY/EUR",
    ),
    ("前日比312円45銭高", "312円45銭", "money", 312.45, 312.45, 312.45, "eq", False, "JPY"),
    (
        "終値は3万8,456円12銭",
        "3万8,456円12銭",
        "money",
        38456.12,
        38456.12,
        38456.12,
        "eq",
        False,
        "JPY",
    ),
    ("前日比45銭の円高", "45銭", "money", 0.45, 0.45, 0.45, "eq", False, "JPY"),
    ("1株当たり配当金は12円50銭", "12円50銭", "money", 12.5, 12.5, 12.5, "eq", False, "JPY"),
    ("運賃は2ドル75セント", "2ドル75セント", "money", 2.75, 2.75, 2.75, "eq", False, "USD"),
    ("株価は3日続伸した", "3日", "duration", 3, 3, 3, "eq", False, "day"),
    ("対応スマホは3機種", "3機種", "count", 3, 3, 3, "eq", False, "機種"),
    # --- days per week: a count of days, not a date --------------------------
    ("テレワークを週1～2日実施", "1～2日", "duration", N, 1, 2, "range", False, "day"),
    ("毎週2日は休む", "2日", "duration", 2, 2, 2, "eq", False, "day"),
    # --- days no date can be: decimals, past the 31st ------------------------
    ("平均テレワーク日数は2.4日", "2.4日", "duration", 2.4, 2.4, 2.4, "eq", False, "day"),
    ("平均在院日数は16.5日", "16.5日", "duration", 16.5, 16.5, 16.5, "eq", False, "day"),
    ("工期は約45日を見込む", "45日", "duration", 45, 45, 45, "eq", True, "day"),
    # --- a length in two units is one figure --------------------------------
    ("約1時間36分を節約", "1時間36分", "duration", 96, 96, 96, "eq", True, "min"),
    ("2分30秒で完了", "2分30秒", "duration", 150, 150, 150, "eq", False, "s"),
]


@pytest.mark.parametrize(
    ("phrase", "surface", "kind", "value", "low", "high", "bound", "approx", "unit"), CASES
)
def test_phrase_gives_one_figure(
    mentions_of, phrase, surface, kind, value, low, high, bound, approx, unit
):
    mentions = mentions_of(phrase)
    found = [m for m in mentions if m.surface == surface]
    assert len(found) == 1, [m.surface for m in mentions]
    m = found[0]
    assert m.kind == kind
    got = (m.value, m.value_low, m.value_high, m.bound, m.approx, m.unit)
    want = (value, low, high, bound, approx, unit)
    assert got == pytest.approx(want) if None not in want else got == want


DATES = [
    # phrase, surface, kind, date_start, date_end, precision, year_inferred
    ("2020年3月31日時点で", "2020年3月31日", "date", "2020-03-31", "2020-03-31", "day", False),
    ("3月11日には", "3月11日", "date", "2020-03-11", "2020-03-11", "day", True),
    # months counted from the document's date (2020-05-21); 前月比 compares, it dates nothing
    ("今月中旬に発売する", "今月中旬", "date", "2020-05-11", "2020-05-20", "part", True),
    ("先月の売上高は", "先月", "date", "2020-04-01", "2020-04-30", "month", True),
    ("来月末までに", "来月末", "date", "2020-06-30", "2020-06-30", "part", True),
    # news writes a fiscal year's year in two digits (the document's century)
    ("25年3月期の純利益", "25年3月期", "date", "2024-04-01", "2025-03-31", "year", False),
    ("24年10-12月期のGDP", "24年10-12月", "period", "2024-10-01", "2024-12-31", "month", False),
    # a numeric date followed by a time of day
    ("2025/11/20 10:30 更新", "2025/11/20", "date", "2025-11-20", "2025-11-20", "day", False),
    ("拡大した2月、", "2月", "date", "2020-02-01", "2020-02-29", "month", True),
    ("2003年にSARSを", "2003年", "date", "2003-01-01", "2003-12-31", "year", False),
    ("5月上旬にかけて", "5月上旬", "date", "2020-05-01", "2020-05-10", "part", True),
    ("4月中旬のセール", "4月中旬", "date", "2020-04-11", "2020-04-20", "part", True),
    ("4月末時点で", "4月末", "date", "2020-04-30", "2020-04-30", "part", True),
    ("6月下旬に", "6月下旬", "date", "2020-06-21", "2020-06-30", "part", True),
    ("2020 年上半期の料金", "2020 年上半期", "date", "2020-01-01", "2020-06-30", "part", False),
    ("令和2年4月1日から", "令和2年4月1日", "date", "2020-04-01", "2020-04-01", "day", False),
    ("平成31年3月", "平成31年3月", "date", "2019-03-01", "2019-03-31", "month", False),
    ("令和元年度の実績", "令和元年度", "date", "2019-04-01", "2020-03-31", "year", False),
    ("二〇二〇年の計画", "二〇二〇年", "date", "2020-01-01", "2020-12-31", "year", False),
    ("十二月二十五日に", "十二月二十五日", "date", "2020-12-25", "2020-12-25", "day", True),
    ("更新日 2021/4/1 の", "2021/4/1", "date", "2021-04-01", "2021-04-01", "day", False),
    ("昨年12月に", "昨年12月", "date", "2019-12-01", "2019-12-31", "month", True),
    # the predicate after a year-less date says which side of the document date (May 2020)
    ("3月に新色を追加する予定だ", "3月", "date", "2021-03-01", "2021-03-31", "month", True),
    ("3月に新色を追加した", "3月", "date", "2020-03-01", "2020-03-31", "month", True),
    ("11月に発表した", "11月", "date", "2019-11-01", "2019-11-30", "month", True),
    ("11月に開始する計画", "11月", "date", "2020-11-01", "2020-11-30", "month", True),
    ("来年3月末に終える", "来年3月末", "date", "2021-03-31", "2021-03-31", "part", True),
    # a fiscal year named by the month it ends, and its parts
    ("2025年3月期の連結業績", "2025年3月期", "date", "2024-04-01", "2025-03-31", "year", False),
    ("2024年12月期の決算", "2024年12月期", "date", "2024-01-01", "2024-12-31", "year", False),
    (
        "2025年3月期第2四半期の売上高",
        "2025年3月期第2四半期",
        "date",
        "2024-07-01",
        "2024-09-30",
        "part",
        False,
    ),
    ("2025年3月期末の純資産", "2025年3月期末", "date", "2025-03-31", "2025-03-31", "part", False),
    # a written weekday picks the year: 2021-03-01 is a Monday, 2020-03-01 a Sunday
    ("3月1日(月)から開催", "3月1日", "date", "2021-03-01", "2021-03-01", "day", True),
    ("12月2日(月)に開いた", "12月2日", "date", "2019-12-02", "2019-12-02", "day", True),
    (
        "令和5年度第1四半期の業績",
        "令和5年度第1四半期",
        "date",
        "2023-04-01",
        "2023-06-30",
        "part",
        False,
    ),
    ("2023年度下期の計画", "2023年度下期", "date", "2023-10-01", "2024-03-31", "part", False),
    ("東京都は25日、発表した", "25日", "date", "2020-05-25", "2020-05-25", "day", True),
    ("5月1日から5日まで", "5月1日から5日", "period", "2020-05-01", "2020-05-05", "day", True),
    (
        "5月上旬から中旬にかけて",
        "5月上旬から中旬",
        "period",
        "2020-05-01",
        "2020-05-20",
        "part",
        True,
    ),
    ("6/1(月)～6/7(日)に開催", "6/1(月)～6/7", "period", "2020-06-01", "2020-06-07", "day", True),
    ("受付は6/1(月)から", "6/1", "date", "2020-06-01", "2020-06-01", "day", True),
    # a weekday in brackets between the two ends
    (
        "6月1日(月)から7日(日)まで実施",
        "6月1日(月)から7日",
        "period",
        "2020-06-01",
        "2020-06-07",
        "day",
        True,
    ),
    (
        "1 月\n\n23日から3月2日の間",
        "1 月\n\n23日から3月2日",
        "period",
        "2020-01-23",
        "2020-03-02",
        "day",
        True,
    ),
    (
        "2020年1月から3月にかけて",
        "2020年1月から3月",
        "period",
        "2020-01-01",
        "2020-03-31",
        "month",
        False,
    ),
    (
        "2 月から 5 月上旬にかけて",
        "2 月から 5 月上旬",
        "period",
        "2020-02-01",
        "2020-05-10",
        "part",
        True,
    ),
    ("1-3月の売上", "1-3月", "period", "2020-01-01", "2020-03-31", "month", True),
    (
        "2019年11月～2020年2月",
        "2019年11月～2020年2月",
        "period",
        "2019-11-01",
        "2020-02-29",
        "month",
        False,
    ),
]


@pytest.mark.parametrize(
    ("phrase", "surface", "kind", "start", "end", "precision", "inferred"), DATES
)
def test_phrase_gives_one_date(mentions_of, phrase, surface, kind, start, end, precision, inferred):
    found = [m for m in mentions_of(phrase) if m.kind in ("date", "period")]
    assert [(m.surface, m.kind) for m in found] == [(surface, kind)]
    m = found[0]
    assert (m.date_start, m.date_end, m.date_precision, m.year_inferred) == (
        start,
        end,
        precision,
        inferred,
    )
    assert m.value is None and m.bound is None


def test_an_as_of_date_in_the_title_dates_the_whole_document(mentions_of):
    found = mentions_of(
        "国内発生動向（令和2年5月20日午前0時時点）\n\n感染者は累計1万6,367人。死亡者は768人。"
    )
    as_of = {m.surface: m.as_of for m in found if m.kind == "count"}
    assert as_of == {"1万6,367人": "2020-05-20", "768人": "2020-05-20"}


def test_as_of_phrase_sets_as_of_for_figures_in_its_sentence(mentions_of):
    found = mentions_of("4月22日時点、世界120の国と地域から約3,000人が参加。翌日は500人。")
    as_of = {m.surface: m.as_of for m in found if m.kind == "count"}
    assert as_of == {"120": "2020-04-22", "3,000人": "2020-04-22", "500人": None}


@pytest.mark.parametrize(
    ("phrase", "surface", "obj"),
    [
        ("マスク1億枚を寄付", "1億枚", "マスク"),
        ("1億3,000万人の学生", "1億3,000万人", "学生"),
        ("500台人工呼吸器", "500台", "人工呼吸器"),
        ("50万枚のマスクと", "50万枚", "マスク"),
        # the direction of a change is not what it counts
        ("前年同月に比べ32万人の増加となった", "32万人", None),
        ("従業員は前期末比120名増", "120名", None),
        ("前日比で45銭の円高・ドル安", "45銭", None),
        # digits begin the next figure unless glued to a Latin letter (N95, A4)
        ("就業者1,000人を対象に", "1,000人", "就業者"),
        ("20～69歳の就業者1,000人", "20～69歳", "就業者"),
        ("N95マスク100万枚", "100万枚", "N95マスク"),
        ("A4用紙500枚", "500枚", "A4用紙"),
        # what an amount is divided by is not what it pays for
        ("1世帯当たり302,145円となり", "302,145円", None),
        ("1人あたり5万円を支給", "5万円", None),
    ],
)
def test_object_is_the_noun_written_next_to_the_number(mentions_of, phrase, surface, obj):
    (m,) = [m for m in mentions_of(phrase) if m.surface == surface]
    assert m.object == obj


def test_year_without_document_date_comes_from_the_last_written_year(mentions_of):
    found = mentions_of("2019年の実績。3月に発表した。", published=None)
    march = next(m for m in found if m.surface == "3月")
    assert (march.date_start, march.year_inferred) == ("2019-03-01", True)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a target year in another paragraph does not date the figures after it
        (
            "政府は訪日客の目標を掲げる。\n\n2030年に6,000万人とする。\n\n11月18日の市場では",
            "11月18日",
        ),
        # relative years need the publication date
        ("2019年の実績。今年は伸びた。", "今年"),
    ],
)
def test_without_a_document_date_some_years_stay_unknown(mentions_of, text, surface):
    (m,) = [m for m in mentions_of(text, published=None) if m.surface == surface]
    assert m.date_start is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a bare day takes the month of the last full date written before it
        ("2025年11月3日午前4時ごろ地震があった。県は5日午後2時時点で発表した。", "2025-11-05"),
        # with none, it is a date all the same, undated
        ("県は5日、被害の状況を発表した。", None),
    ],
)
def test_a_bare_day_without_a_document_date(mentions_of, text, start):
    (day,) = [m for m in mentions_of(text, published=None) if m.surface == "5日"]
    assert (day.kind, day.date_start, day.year_inferred) == ("date", start, True)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2019年度決算の概要", "2019-03-01"),
        # the year a full date in the title opens with counts too
        ("人口推計（令和元年10月1日現在）", "2019-03-01"),
        ("2019年10月1日の会見", "2019-03-01"),
    ],
)
def test_a_year_in_the_title_dates_the_body_without_a_document_date(mentions_of, title, expected):
    found = mentions_of(f"{title}\n\n3月に発表した。", published=None)
    march = next(m for m in found if m.surface == "3月")
    assert march.date_start == expected


def test_months_spelled_out_in_brackets_override_the_april_fiscal_year(mentions_of):
    quarter, months = mentions_of("2025年度第2四半期(2025年4～6月期)の業績")
    assert (quarter.surface, quarter.date_start, quarter.date_end) == (
        "2025年度第2四半期",
        "2025-04-01",
        "2025-06-30",
    )
    assert (months.kind, months.date_start) == ("period", "2025-04-01")
