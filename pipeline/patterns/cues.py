"""Cue tables: every word that changes what a figure means, declared once.

Adding a currency, counter or modifier is one line here (and a test case);
the regex fragments and the extractors are built from these tables.
"""

from __future__ import annotations

from types import MappingProxyType as _frozen

from schemas.vocab import Bound

# --- numerals --------------------------------------------------------------
KANJI_DIGITS = _frozen(
    {
        "〇": 0,
        "零": 0,
        "一": 1,
        "二": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
    }
)
SMALL_SCALES = _frozen({"十": 10, "百": 100, "千": 1000})
#: Japanese scale words (万 1e4, 億 1e8, 兆 1e12), applied to the number before them
SCALE_WORDS = _frozen({"万": 10**4, "億": 10**8, "兆": 10**12})
#: English scale words after a prefixed currency ("RMB3.4 Billion", "US$5 million")
ENGLISH_SCALES = _frozen(
    {
        "trillion": 10**12,
        "billion": 10**9,
        "million": 10**6,
        "thousand": 10**3,
        "bn": 10**9,
        "mn": 10**6,
        # abbreviations written straight after an amount with a currency sign: US$3.5M
        "b": 10**9,
        "m": 10**6,
        "k": 10**3,
    }
)
#: written before a number to make it negative (△864, ▲3.2%, マイナス5%)
NEGATIVE_MARKERS = ("マイナス", "△", "▲", "−", "-")

# --- money -----------------------------------------------------------------
#: currency written after the number -> ISO 4217
CURRENCY_SUFFIXES = _frozen(
    {
        "人民元": "CNY",
        "元": "CNY",
        "円": "JPY",
        "米ドル": "USD",
        "USドル": "USD",
        "ドル": "USD",
        "香港ドル": "HKD",
        "台湾ドル": "TWD",
        "NTドル": "TWD",
        "シンガポールドル": "SGD",
        "豪ドル": "AUD",
        "オーストラリアドル": "AUD",
        "カナダドル": "CAD",
        "NZドル": "NZD",
        "ユーロ": "EUR",
        "ポンド": "GBP",
        "英ポンド": "GBP",
        "スイスフラン": "CHF",
        "ウォン": "KRW",
        "ルピー": "INR",
        "ルピア": "IDR",
        "バーツ": "THB",
        "リンギット": "MYR",
        "ルーブル": "RUB",
        "レアル": "BRL",
        "ドン": "VND",
        "ペソ": "PHP",
        "ランド": "ZAR",
        "リラ": "TRY",
    }
)
#: currency written before the number -> ISO 4217
CURRENCY_PREFIXES = _frozen(
    {
        "RMB": "CNY",
        "CNY": "CNY",
        "US$": "USD",
        "USD": "USD",
        "HK$": "HKD",
        "S$": "SGD",
        "A$": "AUD",
        "C$": "CAD",
        "$": "USD",
        "¥": "JPY",
        "JPY": "JPY",
        "€": "EUR",
        "EUR": "EUR",
        "£": "GBP",
        "GBP": "GBP",
        "KRW": "KRW",
        "₩": "KRW",
    }
)

#: currency codes written after an English amount: "1.2 billion USD"
CURRENCY_CODES_AFTER = _frozen(
    {code: iso for code, iso in CURRENCY_PREFIXES.items() if code.isalpha() and code.isupper()}
)

#: a currency's minor unit -> (the major unit it divides, as written; its worth in that
#: unit): "151円20銭" is 151.20 円, "45銭" alone 0.45 円
CURRENCY_MINOR_UNITS = _frozen({"銭": ("円", "0.01"), "セント": ("ドル", "0.01")})

# --- counts ----------------------------------------------------------------
#: counters (助数詞) and counter-like nouns; the unit is the counter as written
COUNTERS = frozenset(
    {
        "人",
        "名",
        "件",
        "例",
        "枚",
        "個",
        "台",
        "着",
        "本",
        "機",
        "食",
        "校",
        "店",
        "店舗",
        "社",
        "カ国",
        "か国",
        "ヶ国",
        "ケ国",
        "ヵ国",
        "箇国",
        "カ所",
        "か所",
        "ヶ所",
        "箇所",
        "ヵ所",
        "言語",
        "作品",
        "回",
        "度",
        "つ",
        "種",
        "種類",
        "品目",
        "品",
        "項目",
        "分野",
        "都市",
        "地域",
        "拠点",
        "施設",
        "団体",
        "世帯",
        "戸",
        "頭",
        "匹",
        "羽",
        "隻",
        "棟",
        "冊",
        "通",
        "票",
        "株",
        "口",
        "席",
        "室",
        "組",
        "曲",
        "点",
        "杯",
        "箱",
        "袋",
        "足",
        "基",
        "局",
        "軒",
        "チーム",
        "歳",
        "周年",
        "病院",
        "企業",
        "農家",
        "学校",
        "省",
        "県",
        "市",
        "町",
        "村",
        "都道府県",
        "機種",
        "車種",
        "銘柄",
        "業種",
        "市区町村",
        "便",
        "議席",
        "両",
        "試合",
        "路線",
        "系統",
        "区間",
    }
)
#: nouns after a number that make it an identifier or a rank, never a count
NOT_COUNTERS = frozenset({"代", "年代", "位", "番", "号", "条", "章", "節", "階", "等", "級"})

#: characters no sentence opens with: a line that starts with one goes on with the line
#: before it, as text wrapped from a PDF does ("…その他\nが446億円でした", "…を上回\nった")
LINE_CONTINUATIONS = frozenset("をがはにのへともやでっーゃゅょ、。）」』")

#: words of a table column header that make its cells percentages when the table
#: declares % besides its unit ("（単位：千人、％）" over "| 前年比 |", "| 構成比 |")
PERCENT_COLUMN_WORDS = ("比", "率", "割合", "シェア")

# --- other units -----------------------------------------------------------
PERCENT_UNITS = _frozen(
    {"%ポイント": "pt", "パーセントポイント": "pt", "%": "%", "パーセント": "%"}
)
#: "ポイント" alone is a percentage point (or an index's point) only before a word of change
POINT_UNIT = "ポイント"
POINT_CONTEXT = (
    "上昇",
    "低下",
    "増",
    "減",
    "改善",
    "悪化",
    "アップ",
    "ダウン",
    "上回",
    "下回",
    "拡大",
    "縮小",
    # a market index: "18.52ポイント高", "120ポイント安"
    "高",
    "安",
    # a margin: "4.4ポイント差", "4.4ポイントの差"
    "差",
)
#: "ポイント" after these is a margin of points as well: "その差は4.4ポイント"
POINT_MARGIN_BEFORE = ("差は", "差が", "差は約", "差が約", "差は ", "差が ")
#: "ポイント" with no word of change after it is a percentage point when its sentence
#: speaks of contributions or changes ("寄与度は1.55ポイント", "食料が1.55ポイント、教養
#: 娯楽が0.33ポイントのプラス") and of no loyalty points ("100円につき1ポイントを付与")
POINT_SENTENCE_WORDS = ("寄与", "プラス", "マイナス", "上昇", "低下", "改善", "悪化", "前年比")
LOYALTY_POINT_WORDS = (
    "付与",
    "還元",
    "獲得",
    "貯",
    "進呈",
    "プレゼント",
    "利用",
    "交換",
    "相当",
    "円分",
)
RATIO_UNITS = _frozen({"倍": "倍"})
#: "時速15キロ", "時速320km": a speed, where キロ alone would not say kilograms or metres
SPEED_BEFORE = ("時速",)
SPEED_UNITS = ("キロメートル", "キロ", "km")
QUANTITY_UNITS = _frozen(
    {
        "トン": "t",
        "t": "t",
        "キログラム": "kg",
        "kg": "kg",
        "グラム": "g",
        "g": "g",
        "キロメートル": "km",
        "km": "km",
        "メートル": "m",
        "m": "m",
        "センチメートル": "cm",
        "センチ": "cm",
        "cm": "cm",
        "ミリメートル": "mm",
        "ミリ": "mm",
        "mm": "mm",
        "立方メートル": "m3",
        "m3": "m3",
        "キロリットル": "kL",
        "kL": "kL",
        "キロワット時": "kWh",
        "キロワット": "kW",
        "メガワット": "MW",
        "ギガワット": "GW",
        "ヘクタール": "ha",
        "ha": "ha",
        "ヘクトパスカル": "hPa",
        "hPa": "hPa",
        "平方キロメートル": "km2",
        "km2": "km2",
        "平方メートル": "m2",
        "m2": "m2",
        "リットル": "L",
        "L": "L",
        "ミリリットル": "mL",
        "mL": "mL",
        "kWh": "kWh",
        "MWh": "MWh",
        "GWh": "GWh",
        "TWh": "TWh",
        "kW": "kW",
        "MW": "MW",
        "GW": "GW",
        "インチ": "in",
        "Gbps": "Gbps",
        "Mbps": "Mbps",
        "GB": "GB",
        "TB": "TB",
        "PB": "PB",
        "MB": "MB",
        "°C": "°C",
    }
)
#: 度 is a temperature (°C) after these words in its sentence, or when it has decimals;
#: otherwise it counts times (3度目, 2度)
TEMPERATURE_WORDS = ("気温", "温度", "水温", "体温", "室温", "海面水温", "平年", "最高", "最低")
#: NOTE: how far before 度 (characters) a temperature word is looked for
TEMPERATURE_WINDOW = 20
DURATION_UNITS = _frozen(
    {
        "秒間": "s",
        "秒": "s",
        "分間": "min",
        "分": "min",
        "時間": "h",
        "日間": "day",
        "週間": "week",
        "か月間": "month",
        "カ月間": "month",
        "ヶ月間": "month",
        "ケ月間": "month",
        "ヵ月間": "month",
        "箇月間": "month",
        "か月": "month",
        "カ月": "month",
        "ヶ月": "month",
        "ケ月": "month",
        "ヵ月": "month",
        "箇月": "month",
        "年間": "year",
    }
)
#: units a half can follow (1年半, 2時間半, 3か月半): the figure is N + 0.5 of the unit
HALF_AFTER_UNITS = _frozen(
    {
        **{u: DURATION_UNITS[u] for u in ("時間", "か月", "カ月", "ヶ月", "週間")},
        "年": "year",
        "日": "day",
    }
)
HALF = "半"
#: durations written in two units (1時間36分, 2分30秒): larger unit, smaller unit, how
#: many of the smaller make one larger, and the code of the figure, in the smaller unit
COMPOUND_DURATIONS = (
    ("時間", "分", 60, "min"),
    ("分", "秒", 60, "s"),
)
#: NOTE: "N年" alone is a length of time only for small N ("僅か4年"); 3+ digits is a year
SHORT_YEARS_UNIT = "年"
SHORT_YEARS_MAX = 99
#: a day number above this, or with decimals (2.4日, 45日), counts days: no month has it
LONGEST_MONTH_DAYS = 31

# --- modifiers -------------------------------------------------------------
#: (bound or None, approx) for words written before a figure
PREFIX_MODIFIERS = _frozen(
    {
        "約": (None, True),
        "およそ": (None, True),
        "凡そ": (None, True),
        "概ね": (None, True),
        "ほぼ": (None, True),
        "推定": (None, True),
        "最大": (Bound.LE, False),
        "最大で": (Bound.LE, False),
        "最高": (Bound.LE, False),
        "上限": (Bound.LE, False),
        "最低": (Bound.GE, False),
        "最低でも": (Bound.GE, False),
        "少なくとも": (Bound.GE, False),
        "最小": (Bound.GE, False),
        "わずか": (None, False),
        "僅か": (None, False),
    }
)
#: (bound or None, approx) for words written right after a figure
SUFFIX_MODIFIERS = _frozen(
    {
        "以上": (Bound.GE, False),
        "以下": (Bound.LE, False),
        "以内": (Bound.LE, False),
        "まで": (Bound.LE, False),
        "未満": (Bound.LT, False),
        "超": (Bound.GT, False),
        "超え": (Bound.GT, False),
        "を超える": (Bound.GT, False),
        "を超えた": (Bound.GT, False),
        "を超え": (Bound.GT, False),
        "を上回る": (Bound.GT, False),
        "を上回った": (Bound.GT, False),
        "を突破": (Bound.GT, False),
        "突破": (Bound.GT, False),
        "+": (Bound.GT, False),
        "余り": (Bound.GT, True),
        "あまり": (Bound.GT, True),
        "余": (None, True),
        "近く": (Bound.LE, True),
        "弱": (Bound.LT, True),
        "強": (None, True),
        "程度": (None, True),
        "前後": (None, True),
        "ほど": (None, True),
    }
)

#: written right after a figure's unit: the figure opens a run of values that share its
#: leading digits ("150円台" is 150 to 160, "151円台" 151 to 152, "2%台" 2 to 3)
RUN_MARK = "台"
#: characters after RUN_MARK that make it a word of its own: 台湾, 台風, 台所, 台帳 …
RUN_MARK_WORDS = "湾風所帳頭本地車座詞"
#: words after RUN_MARK that take a part of the run: (from, to) as shares of it
RUN_PARTS = _frozen({"前半": (0.0, 0.5), "後半": (0.5, 1.0)})

# --- as-of -----------------------------------------------------------------
#: written right after a date to make it the as-of date of the figures around it
AS_OF_MARKERS = ("時点", "現在")

# --- dates -----------------------------------------------------------------
#: era name -> the Gregorian year before its first year (令和1 = 2019)
ERAS = _frozen({"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867})
#: the predicate after a date without a year tells which side of the document date
#: it lies on: "3月に追加する予定" (a November document: next March), "12月に発表した"
#: (a January document: last December); the first cue after the date decides
FUTURE_CUES = ("予定", "見込み", "見通し", "計画", "方針", "目指", "目標", "開始する", "実施する")
PAST_CUES = ("した", "された", "だった", "でした", "であった", "ました")
#: NOTE: how far after a date its predicate is looked for (characters, within the sentence)
TENSE_WINDOW = 30
#: weekday as written in brackets after a date (5月21日（木）) -> Python's weekday number
WEEKDAYS = _frozen({"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6})
#: year words relative to the document date
RELATIVE_YEARS = _frozen({"今年": 0, "本年": 0, "昨年": -1, "去年": -1, "来年": 1})
#: months named from the document's date; not 前月, 当月 or 翌月, which name what a
#: statistics release compares with (前月比, 前月に比べ) rather than a date of its own
RELATIVE_MONTHS = _frozen({"今月": 0, "先月": -1, "来月": 1})
#: part of a month -> (first day, last day); None = the month's last day
MONTH_PARTS = _frozen(
    {
        "上旬": (1, 10),
        "初旬": (1, 10),
        "初め": (1, 10),
        "中旬": (11, 20),
        "半ば": (11, 20),
        "下旬": (21, None),
        "末": (None, None),
    }
)
#: part of a year -> ((month, day), (month, day)) of its first and last day
YEAR_PARTS = _frozen(
    {
        "上半期": ((1, 1), (6, 30)),
        "前半": ((1, 1), (6, 30)),
        "下半期": ((7, 1), (12, 31)),
        "後半": ((7, 1), (12, 31)),
        "第1四半期": ((1, 1), (3, 31)),
        "第2四半期": ((4, 1), (6, 30)),
        "第3四半期": ((7, 1), (9, 30)),
        "第4四半期": ((10, 1), (12, 31)),
        "末": ((12, 1), (12, 31)),
    }
)
#: Japanese fiscal year (年度) runs April to March
FISCAL_YEAR = "度"
#: parts of a fiscal year -> ((month, day, years after), (month, day, years after))
FISCAL_PARTS = _frozen(
    {
        "度第1四半期": ((4, 1, 0), (6, 30, 0)),
        "度第2四半期": ((7, 1, 0), (9, 30, 0)),
        "度第3四半期": ((10, 1, 0), (12, 31, 0)),
        "度第4四半期": ((1, 1, 1), (3, 31, 1)),
        "度上期": ((4, 1, 0), (9, 30, 0)),
        "度上半期": ((4, 1, 0), (9, 30, 0)),
        "度下期": ((10, 1, 0), (3, 31, 1)),
        "度下半期": ((10, 1, 0), (3, 31, 1)),
    }
)
#: a fiscal year named by the month it ends (2025年3月期: April 2024 to March 2025) and
#: the parts of it written after: part -> (first month of the part counted from the
#: year's first month, number of months); None = the year's last day (3月期末)
FISCAL_MONTH_PARTS = _frozen(
    {
        "第1四半期": (0, 3),
        "第2四半期": (3, 3),
        "第3四半期": (6, 3),
        "第4四半期": (9, 3),
        "中間期": (0, 6),
        "上期": (0, 6),
        "上半期": (0, 6),
        "下期": (6, 6),
        "下半期": (6, 6),
        "末": None,
    }
)
#: words after "N日" that make it a length of time, not a day of the month
DAY_COUNT_AFTER = (
    "以内",
    "以上",
    "未満",
    "ぶり",
    "連続",
    "後に",
    "後の",
    "超",
    "続伸",
    "続落",
    "連騰",
    "連休",
)
#: words after "N日" that make it neither (1日平均, 1日あたり)
#: words before a number of days that make it a frequency, not a date: 週3日, 週1～2日
FREQUENCY_BEFORE = ("毎週", "週に", "月に", "年に", "週")
#: … except a week named as a time (来週2日: a date in that week)
NAMED_WEEKS = ("来週", "先週", "今週", "翌週", "前週", "同週")
NOT_A_DAY_AFTER = ("間", "平均", "あたり", "当たり", "ごと", "おき", "目", "付", "分", "前")
#: words joining the two ends of a period
PERIOD_JOINERS = ("から", "~", "〜", "-", "–", "—", "より")

# --- not mentions ----------------------------------------------------------
#: written right before a number to make it an ordinal, a vague or a rank
#: vague numbers (数十人, 何千本, 幾百): these before a kanji numeral; before digits they end
#: a noun ("従業員数45人", "会員数500万人")
VAGUE_NUMBER_PREFIXES = ("何", "数", "幾")
NOT_MENTION_PREFIXES = (
    "第",
    "No.",
    "No",
    "#",
    "TOP",
    "Top",
    "top",
    "ナンバー",
    # a table's unit declaration: (単位:百万円), 単位 千円
    "単位:",
    "単位",
)
#: written right after a unit to make it a scale, not an amount (億円単位の投資)
NOT_MENTION_SUFFIXES = ("単位",)
#: after "1 + counter" these make it the unit of a rate (1株当たり利益, 1人あたり), not a count
PER_UNIT_AFTER = ("当たり", "あたり", "当り", "につき")
#: 目 after a counter makes an ordinal (3度目, 2回目, 5年目), unless it starts a word
#: (目標, 目的, 目安 …)
ORDINAL_SUFFIX = r"目(?![標的指途安処玉線録次前覚])"

#: what may follow a unit inside one token and still leave the unit a unit:
#: 円高/円安 (moved up/down by), 円台 (in the range of), 円増/円減, 票差/点差 (a margin)
UNIT_TOKEN_SUFFIXES = ("高", "安", "台", "増", "減", "差")
