"""Cue tables for the cross-checks: words that mark totals, breakdowns and conversions."""

from __future__ import annotations

from pipeline.patterns.cues import WEEKDAYS  # noqa: F401  (the checks read weekdays too)

#: written right before an amount to make it a total
#: labels of a table's total rows (a label may go on: 合計（連結）) and of subtotal rows
TOTAL_ROW_LABELS = ("合計", "総計", "総数", "計")
SUBTOTAL_ROW_LABELS = ("小計",)
TOTAL_MARKERS = ("合計", "累計", "総額", "総計", "計", "総数", "全体で", "あわせて", "合わせて")
#: total words that make the noun before them a whole ("財団全体で"): a total only on
#: their own ("、全体で3.2億元")
NOUN_BOUND_TOTAL_MARKERS = ("全体で",)
#: written after a total to introduce its parts: all of them (内訳) …
EXHAUSTIVE_BREAKDOWN_MARKERS = ("内訳",)
#: … or some of them ("このうち民生費は480億円": the rest may go unnamed), so parts that
#: fall short of the total say nothing; parts that exceed it are still wrong
PARTIAL_BREAKDOWN_MARKERS = ("うち", "そのうち", "このうち", "内、")
BREAKDOWN_MARKERS = EXHAUSTIVE_BREAKDOWN_MARKERS + PARTIAL_BREAKDOWN_MARKERS
#: what may stand between a figure and a breakdown word that makes the figure a total
#: without a total word: "比率は62.5%で、うち北米が28.0%", "5,230人、うち海外2,100人"
TOTAL_THEN_BREAKDOWN = r"\s?(?:で|であり|となり|と)?\s?[、,，]?\s?"
#: a total that says how many parts it adds: "上位4市場の合計は", "3県の合計", "4社合計で",
#: "主要5カ国の合計" (the count, a counter word, then the total word)
COUNTED_TOTAL = (
    r"(?P<n>[0-9０-９]{1,2}|[二三四五六七八九十]{1,2})(?:つの|か|カ|ヶ|ケ|箇)?"
    r"[\u4e00-\u9fffァ-ヶー]{1,4}"
    # "3店舗の売場面積は合計": what is totalled may come between (not before a bare 計:
    # "3社の会計")
    r"(?:の?(?:合計|総計|総額|累計|計)|の[\u4e00-\u9fffァ-ヶー]{1,8}(?:は|が|で)?(?:合計|総計|総額|累計))"
)
#: a line of a list: its figures may be the parts a counted total after the list adds
LIST_ITEM_MARKS = "・-*●○■◆"
#: a sentence that lists a figure by group: "セグメント別では、", "地域別にみると、"
GROUPED_BREAKDOWN = (
    r"[\u4e00-\u9fffァ-ヶー]{1,10}別(?:では|には|に(?:み|見)ると|で(?:み|見)ると)[、，,]"
)
#: the label of the part a list of all parts ends with
OTHER_PART_LABELS = ("その他", "そのほか")
#: the kanji a count of parts is written in
KANJI_COUNTS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: NOTE: more people than live on Earth (about 8.2 billion in 2025, with room to spare)
WORLD_POPULATION = 8.5e9
#: NOTE: counts no single statement can exceed, by counter (or by the noun a bare number
#: counts: "120の国"), with what they count; generous bounds, so only a slipped scale
#: word or an extra digit passes them ("14億校", "264カ国")
COUNT_LIMITS: dict[str, tuple[float, str]] = {
    **{c: (250, "countries and regions") for c in ("カ国", "か国", "ヶ国", "ケ国", "国")},
    "都道府県": (47, "prefectures"),
    "校": (1e7, "schools in the world"),
    "病院": (1e6, "hospitals in the world"),
}
#: counters of people
PEOPLE_COUNTERS = ("人", "名")
#: words that count a person again each time (visits, views): no population bounds those
REPEAT_COUNT_WORDS = ("延べ", "延", "累計", "累積", "のべ")
#: what a percentage measures when it is a share of a whole, which cannot exceed 100%
#: (the measure ends with one of these).  Not 普及率, 稼働率, 進捗率 or 流動比率, which do
SHARE_OF_WHOLE_WORDS = (
    "投票率",
    "失業率",
    "就業率",
    "正答率",
    "正確率",
    "接種率",
    "構成比",
    "シェア",
    "割合",
    "占有率",
    "自己資本比率",
)
#: the shares of one whole that its parts' shares add up to: a table's 構成比 column sums
#: to its 合計 row like amounts do (not 投票率 or 失業率, rates of separate groups)
COMPOSITION_WORDS = ("構成比", "シェア", "割合", "占有率")
#: words of a rate of change, which may exceed 100% (増加率 150%: more than doubled)
CHANGE_RATE_WORDS = ("増加", "増減", "伸び", "成長", "上昇", "前年", "前期", "前月", "比較")
#: NOTE: an approximate figure (約, 程度) is taken to be within 5% of the value written
APPROX_TOLERANCE = 0.05
#: NOTE: how many following sentences may hold the parts of a total
SUM_WINDOW_SENTENCES = 2
#: NOTE: the significant digits a total needs before named parts (うち) that add up to it
#: with one digit changed read as a slip rather than parts left unnamed: with fewer, such
#: a match is chance (500億円, うち200億円と100億円)
SLIP_MIN_DIGITS = 4
#: NOTE: a rate implied by one conversion that differs from the others by this factor
#: or more (a slipped 万/億, a factor of ten) is a fail
RATE_OUTLIER_FACTOR = 1.5
#: words that make a percentage a share of a whole (構成比61%, シェア30%, …を占める)
#: between a base amount and a multiple of it: "（15万9,000円）の約1.4倍", "100億円の3倍"
BASE_THEN_MULTIPLE = r"\s?[)）]?\s?の\s?(?:約|およそ|ほぼ|概ね)?\s?"
#: between a multiple and the amount it comes to: "3倍の300億円", "3倍に当たる300億円"
MULTIPLE_THEN_LEVEL = r"\s?(?:の|に当たる|にあたる|に相当する|となる)\s?"
SHARE_MARKERS = ("構成比", "シェア", "割合", "比率", "占め", "占める")
#: what may stand between a share and the part it is the share of, either way round:
#: "構成比61%の61億円", "40%を占める440億円", "61億円が構成比61%", "61億円(構成比61%)"
SHARE_THEN_PART = r"\s?(?:の|を占める|を占めた|にあたる|に当たる|に相当する)\s?"
#: "全社売上高13兆円の12%を占める": the whole, の, the share, then what makes it a share
WHOLE_THEN_SHARE = r"\s?の\s?"
SHARE_OF_WHOLE_AFTER = r"\s?(?:を占め|に当たる|にあたる|に相当)"
#: "患者320例のうち288例（90.0％）", "320人のうち、重症者は28人（8.8%）", "合計1,200人で、
#: うち女性は480人（40.0%）": a whole, then a part of it (a label may name the part), then
#: the part's share in brackets
WHOLE_THEN_PART = (
    r"\s?(?:の|で[、,]?|[、,])?\s?(?:その)?うち[、,]?\s?[^\d、。\n]{0,15}?(?:は|が)?\s?(?:約)?\s?"
)
PART_THEN_BRACKETED_SHARE = r"\s?[(（]\s?(?:約)?\s?"
PART_THEN_SHARE = r"\s?(?:が|は|で|[(（])?\s?(?:構成比|シェア|割合|比率)(?:は|が)?\s?"
#: NOTE: how many figures may follow a figure to be read as its unmarked breakdown
IMPLICIT_PARTS_MAX = 4

#: words that date a figure relative to the report (前期の売上高は…、営業利益は…: both
#: figures are last year's); two sentences must name the same ones to restate a measure
#: (前期比, 前年同月比 compare with a period; they do not date the figure)
RELATIVE_PERIOD_WORDS = (
    r"(?:前年同期|前年同月|(?:前|当|次|来|今|昨|本)(?:連結会計|会計|事業)?(?:年度|期間|期|年|季)"
    r"|通期|上期|下期|中間期)"
    r"(?![比同度])"
)
#: what a change rate is measured against (前期比6.5%増); 同 repeats the one before
CHANGE_BASES = ("前年同期比", "前年同月比", "前年度比", "前年比", "前期比", "前月比", "同")
#: a table column header (without its bracketed unit) that makes its cells the
#: difference of the period columns (増減額（百万円）, 前年差 …)
TABLE_DIFFERENCE_HEADERS = (
    "増減額",
    "増減",
    "前年差",
    "前期差",
    "前年同期差",
    "前年同月差",
    "差額",
    "対前年増減",
    "前年比増減",
    "前期比増減",
)
#: a table column header that makes its cells change rates (増減率, 前年比(%) …)
#: labels of a row of differences or rates that name no base: such a row compares the
#: two rows right above it ("| 前期 |…", "| 当期 |…", "| 増減 |…"); 前年比 names its base
#: a note above a table that makes its ％ cells each the change of the amount before it
#: on the same column of the year before: "（％表示は、対前年中間期増減率）" (決算短信)
TABLE_RATE_NOTE = r"[%％]表示は[^\n|]{0,24}増減率"
#: NOTE: how far above a table (characters) its rate note may stand
TABLE_RATE_NOTE_WINDOW = 160
TABLE_ROW_CHANGE_LABELS = ("増減", "増減額", "増減率", "差額", "差異", "伸び率", "前回比")
TABLE_RATE_HEADERS = (
    "増減率",
    "前年同期比",
    "前年同月比",
    "前年比",
    "前期比",
    "伸び率",
    "増減比",
    "変化率",
)
#: words after a change rate that give its direction (longest first)
INCREASE_WORDS = ("増加", "上昇", "増", "アップ")
DECREASE_WORDS = ("減少", "低下", "減", "ダウン", "削減")
#: verbs of change the direction words above do not begin (増えた begins with 増)
INCREASE_VERBS = ("伸び", "拡大", "上が", "上回", "向上", "延長")
DECREASE_VERBS = ("縮小", "下が", "下回", "落ち", "短縮", "低減", "軽減", "縮減", "軽量化")
CHANGE_DIRECTIONS = INCREASE_WORDS + INCREASE_VERBS + DECREASE_WORDS + DECREASE_VERBS
#: words right after a figure that make it where a change starts: "前年の58.1％から",
#: "前年度（1,198億円）と比べて" (longest first)
CHANGE_FROM = ("と比較して", "と比較し", "と比べて", "に比べて", "と比べ", "に比べ", "から", "より")
#: words after a figure in its sentence that make it a forecast or a goal, not a result:
#: "売上高は1兆3,000億円を見込む", "…となる見通し", "…を目指す"; not when they are what a
#: result is compared with ("予想を上回った", "計画比")
FORECAST_WORDS = ("見込", "見通し", "予想", "予測", "計画", "目標", "目指", "予定")
NOT_FORECAST_AFTER = r"(?:を上回|を下回|比|に比べ|に対し)"
#: a margin between two figures: right after it ("2万4,691票差で", "3点の差をつけ"), or
#: right before it ("その差は4.5ポイント", "差が縮まり1,200票に")
MARGIN_AFTER = r"\s?の?\s?差(?!し)"
MARGIN_BEFORE = r"(?:差(?:は|が|を|で)|収支(?:は|が|で)?|差し引き|差引)\s?(?:約|およそ)?\s?$"
#: a balance said to be a deficit or a surplus ("貿易収支は4,444億円の赤字"), and the
#: flows it is the difference of: inflows less outflows
BALANCE_SIGNS = {"赤字": -1, "黒字": 1}
INFLOW_WORDS = ("輸出", "収入", "歳入", "受取", "受け取り")
OUTFLOW_WORDS = ("輸入", "支出", "歳出", "支払", "支払い")
#: "28万7,654票を16万4,664票上回った": a figure another exceeds (or falls short of) by
#: an amount; only with these verbs is "を" where a difference starts
COMPARED_TO = ("を",)
COMPARISON_VERBS = ("上回", "下回")
#: words between a change's end level and its direction ("120億円に増加"), or the
#: amount of the change ("9.3%と1.2ポイント上昇", "1.8kgへと25%軽量化"); "AからBまで"
#: is a range, "AからBに増加" a change from A to B (longest first)
CHANGE_TO = ("へと", "に", "へ", "と")
#: the amount of a change written between its end level and its direction word
#: ("…から9.3%と1.2ポイント上昇"): a number, a few characters of unit, perhaps の
CHANGE_AMOUNT = r"(?:約|およそ)?\s?[\d０-９][\d０-９,，.．]*\s?[^\s\d０-９。、，,]{0,6}?\s?の?"
#: the same, said of prices (前日比150円（5.1%）高): after a change amount only
PRICE_INCREASE_WORDS = ("高",)
PRICE_DECREASE_WORDS = ("安",)
#: words right before a change amount that say what it is measured against
#: (前年同月に比べ32万人, 前日比150円)
COMPARED_WITH = ("に比べて", "に比べ", "と比べて", "と比べ", "比較で", "比")
#: words that place a figure in the earlier period a change rate compares with
EARLIER_PERIOD_WORDS = (
    "前年同期",
    "前連結会計年度",
    "前会計年度",
    "前事業年度",
    "前年度",
    "前期",
    "前年",
    "昨年",
    "前月",
)
#: words that label a block of a correction notice: "（訂正前）" then "（訂正後）"; the
#: figures under the two state one claim before and after it was corrected
REVISED_WORDS = ("訂正", "変更", "修正", "改訂")
BEFORE_REVISION, AFTER_REVISION = "前", "後"
#: such a label as a line of its own ("（訂正前）", "【変更後】", "修正前："); group ``when``
REVISION_LABEL = (
    rf"(?m)^[ \t　（(【〈<＜\[]*(?:{'|'.join(REVISED_WORDS)})"
    rf"(?P<when>{BEFORE_REVISION}|{AFTER_REVISION})[ \t　）)】〉>＞\]：:]*$"
)
#: words in a bracket after an amount that make the bracket's amount another figure,
#: not the same amount restated: "10,500円（11,550円・税込）", "500円（年額6,000円）"
#: a price with tax and without it, side by side ("税込4万9,800円（税抜4万5,273円）"): the
#: words that say which is which (before the amount, or in brackets after it), and the
#: consumption tax rates one may be the other at (the standard and the reduced rate)
TAX_INCLUDED_WORDS = ("税込み", "税込")
TAX_EXCLUDED_WORDS = ("税抜き", "税抜", "税別", "本体価格", "本体")
TAX_RATES = (0.10, 0.08)
BRACKET_QUALIFIERS = (
    *TAX_INCLUDED_WORDS,
    *TAX_EXCLUDED_WORDS,
    "消費税",
    "送料",
    "年額",
    "月額",
    "前年",
    "前期",
    "前回",
    "予想",
    "計画",
)
