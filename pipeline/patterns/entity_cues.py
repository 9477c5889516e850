"""Cue tables for finding entities and what figures are attributed to.

General Japanese vocabulary only (suffixes, particles, heading marks): no names.
"""

from __future__ import annotations

from pipeline.patterns.cues import ERAS

#: words that end an organisation's name
ORG_SUFFIXES = frozenset(
    {
        "グループ",
        "ホールディングス",
        "株式会社",
        "有限会社",
        "合同会社",
        "会社",
        "社",
        "基金会",
        "公益基金会",
        "基金",
        "財団",
        "協会",
        "連合",
        "組合",
        "機構",
        "機関",
        "銀行",
        "大学",
        "学院",
        "病院",
        "研究所",
        "研究院",
        "研究センター",
        "センター",
        "委員会",
        "会",
        "庁",
        "省",
        "府",
        "局",
        "政府",
        "事務局",
        "アカデミー",
        "ネットワーク",
        # the trade a company name ends in (サンプル工業, トヨタ自動車 is cut at its name)
        "工業",
        "商事",
        "物産",
        "製薬",
        "薬品",
        "電機",
        "化学",
        "建設",
        "証券",
        "不動産",
        "興業",
        "電力",
        "鉄道",
        "航空",
        "新聞",
    }
)
#: suffixes of public bodies, whose names are often common kanji words (厚生労働省)
PUBLIC_BODY_SUFFIXES = frozenset({"省", "庁", "局", "府", "委員会", "機構", "政府"})
#: suffixes of territories: after a place name they name the place (湖北省, 大阪府)
TERRITORY_SUFFIXES = ("省", "県", "府", "州", "市", "区", "町", "村")
#: first characters that make "X省" refer back to a body named before (同省, 本局, 当庁)
REFERRING_PREFIXES = ("同", "本", "当", "各", "両", "全", "該", "我")
#: legal forms written before or after a company's name; one company with or without
#: them (サンプル工業株式会社 = 株式会社サンプル工業 = サンプル工業)
LEGAL_FORMS = ("株式会社", "有限会社", "合同会社", "(株)", "(有)")
#: suffixes that make a name a person's
PERSON_SUFFIXES = ("氏", "さん", "様", "会長", "社長", "CEO", "代表")
#: particles after an entity that make it the topic or subject of its clause
TOPIC_PARTICLES = ("は", "が", "では", "も")
#: of those, the ones that say where rather than who (日本では100万台): such a topic is
#: the subject of its own sentence only, never carried to the sentences after it
SCOPE_PARTICLES = ("では",)
#: and the ones that make it the theme of what follows, beyond its own paragraph
THEME_PARTICLES = ("は", "も")
#: words a company's name may go on with where the name found stops (トヨタ|自動車は):
#: the name is still the topic of its clause
NAME_TAILS = ("自動車",)
#: characters that make a name part of another word: トルコ語 (a language), 日本人,
#: 中国製, 北海道産
NAME_WORD_ENDINGS = ("語", "人", "製", "産")
#: particles after the noun phrase a figure's clause is about (売上高は…1,200億円)
MEASURE_PARTICLES = ("は", "が", "も")
#: a mark that joins two nouns into one measure (職員・従業員)
MEASURE_JOINERS = ("・",)
#: words an organisation defines for itself (X（…、以下「当社」）): they name X within
#: its own document only, since every company's release calls itself 当社
SELF_REFERENCES = frozenset(
    {"当社", "弊社", "同社", "当社グループ", "弊社グループ", "当グループ", "同グループ"}
    | {"当行", "弊行", "当財団", "当法人", "当機構", "当協会", "当会", "本会", "本学"}
    | {"当大学", "本市", "当市", "本県", "本町", "当店", "当館", "当院", "本院"}
)
#: noun runs before a particle that say nothing about what is measured (X等は, 同社は)
MEASURE_STOPWORDS = frozenset(
    {"等", "など", "ら", "同社", "当社", "同", "各", "うち"}
    # generic heads of a relative clause: "実施している人は23.5%" measures no 人
    | {"人", "者", "方", "もの", "こと", "ところ", "ため"}
)
#: words a measure's noun run may open with that belong to the list it is part of
#: (受注残高は…、うち海外向けが7,800億円: the measure is 海外向け)
MEASURE_OPENERS = ("そのうち", "このうち", "うち")
#: the ending of a comparison written before a rate (前年比, 前期比): not its label
COMPARISON_ENDING = "比"
#: words that end in 比 and name a share, not a comparison (a table's 構成比（％）)
SHARE_ENDINGS = ("構成比",)
#: words that say how a figure is adjusted, not what it is of: "前年同月比実質1.2%"
MEASURE_QUALIFIERS = frozenset({"実質", "名目", "季節調整値", "季節調整済", "季調済"})
#: endings of a noun run that make it a denominator (1世帯当たり302,145円), not what an
#: amount counts or pays for
PER_UNIT_ENDINGS = ("当たり", "あたり", "当り")
#: tokens that end a sentence: a measure is never looked for across them
SENTENCE_BREAKS = frozenset({"。", "!", "?", "！", "？"})
#: NOTE: how far before a figure (characters) its clause's particle is looked for
MEASURE_WINDOW = 40
#: particles after an entity that make it a recipient or partner, not the actor
RECIPIENT_PARTICLES = ("に", "へ", "から", "を", "より")
#: characters that open a heading line ("●マイバンク（網商銀行）")
HEADING_MARKS = "●■▼◆◇□○★☆【"
#: NOTE: a heading is a short line; longer lines are body text
HEADING_MAX_CHARS = 40
#: words in Latin script that are terms, not names
NOT_ENTITY_WORDS = frozenset(
    {
        "AI",
        "API",
        "CT",
        "DAU",
        "MAU",
        "EC",
        "PCR",
        "CEO",
        "CFO",
        "COO",
        "COVID",
        "SARS",
        "TOP",
        "MAIL",
        "PR",
        "IT",
        "DX",
        "B2B",
        "B2C",
        "C2M",
        "Tips",
        "PDF",
        "URL",
        "HP",
        "SNS",
        "Q",
        "A",
        "GDP",
        "IoT",
        "OS",
        "PC",
        "TV",
        "CM",
        "VR",
        "AR",
        # currency prefixes and codes ("US$3.5 billion", "RMB3.4 Billion")
        "US",
        "USD",
        "JPY",
        "CNY",
        "RMB",
        "EUR",
        "GBP",
        "KRW",
        "HK",
        "HKD",
        "NT",
        "NTD",
        "SGD",
        "AUD",
        "CAD",
        "CHF",
        # scale words written in English after a currency ("RMB3.4 Billion")
        "Billion",
        "Million",
        "Trillion",
        "Thousand",
    }
)
#: proper nouns that name no entity: era names, which tokenise as proper nouns (令和6年)
NOT_ENTITY_PROPER_NOUNS = frozenset(ERAS)
#: brackets and the words inside them that define an abbreviation ("（以下、X）")
DEFINITION_OPENERS = ("以下、", "以下「", "以下『", "以下 ", "以下")
#: name endings written both ways for one organisation (X公益基金 = X公益基金会)
#: and a group named with or without グループ (Xグループ = X)
EQUIVALENT_ENDINGS = {"基金会": "基金", "基金會": "基金", "グループ": ""}
