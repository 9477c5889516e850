"""A section's headline restates figures of the prose under it (restatement.v5).

A changed headline figure, or a changed body figure, is a warning naming both; a
headline that sums up parts, counts something else, or is restated as written is not.
"""

from __future__ import annotations

import pytest

SECTION = "ミライ電機は新製品の販売状況を発表しました。\n\n{headline}\n\n{body}\n"


def _restatements(run_text, headline: str, body: str) -> list[tuple[str, str, list[str]]]:
    result = run_text(SECTION.format(headline=headline, body=body))
    surface = {m.mention_id: " ".join(m.surface.split()) for m in result.mentions}
    return [
        (c.rule_version, c.status, [surface[i] for i in c.mention_ids])
        for c in result.checks
        if c.rule == "restatement"
    ]


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        # the headline's figure changed: the body's sentence with the same words says 3,000万人
        (
            "オンライン相談サービスを展開、全国で 4,000 万人以上が利用",
            "ミライ電機は相談窓口を開設した。オンライン相談所は全国で 3,000 万人以上に"
            "利用された。また、1,300 万人の会員に製品を届けた。",
            [("restatement.v5", "warn", ["4,000 万人", "3,000 万人"])],
        ),
        # two rates in the headline, both in one body sentence: the one whose measure
        # reads alike is compared
        (
            "2月の新規会員登録数は前月比 819%増加",
            "2 月には、ミライ電機の新規会員数は前月比 719%増加し、"
            "受注総数は平均して週 20%増加した。",
            [("restatement.v5", "warn", ["819%", "719%"])],
        ),
        # "300 以上" and "300 を超える" are one floor; "400 以上" is another, and the
        # shared 10 万人 ties the two sentences firmly: a fail
        (
            "400 以上の販売店と約 10 万人の顧客が参加",
            "ミライ電機の取り組みには、300 を超える販売店と約 10 万人の顧客が参加した。",
            [
                ("restatement.v1", "fail", ["400", "300"]),
                ("restatement.v1", "pass", ["10 万人", "10 万人"]),
            ],
        ),
    ],
)
def test_a_headline_with_another_number_than_the_text_under_it(run_text, headline, body, expected):
    found = _restatements(run_text, headline, body)
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # restated as written
        (
            "オンライン相談サービスを展開、全国で 3,000 万人以上が利用",
            "オンライン相談所は全国で 3,000 万人以上に利用された。",
        ),
        # a headline total over the parts the text lists
        (
            "医療従事者に、合計 46 万食以上の差し入れを提供",
            "ミライ食品は病院に 6 万食以上の食事を送っている。医療従事者の家族にも食事を届けた。",
        ),
        # the headline counts countries, the text languages
        (
            "世界 120 の国・地域の医師が参加",
            "ミライ財団は医師の交流を支援した。ハンドブックを医師向けに 20 以上の言語に翻訳した。",
        ),
        # no prose under the headline: the next line is another headline
        (
            "全国で 4,000 万人以上が利用",
            "ミライ電機の相談窓口\n\nオンライン相談所は全国で 3,000 万人以上に利用された。",
        ),
        # the text gives another period's figure, not the headline's
        (
            "通期予想を上方修正、売上高2,500億円へ",
            "ミライ電機は通期の売上高を前期比8%増と見込む。前期の通期売上高は2,300億円だった。",
        ),
        # the text's sentence shares no words with the headline
        (
            "全国で 4,000 万人以上が利用",
            "株主総会は 3,000 万人以上の来場を見込む。",
        ),
    ],
)
def test_headlines_that_restate_nothing_differently(run_text, headline, body):
    found = _restatements(run_text, headline, body)
    assert [f for f in found if f[0] == "restatement.v5" and f[1] != "pass"] == []


def test_a_restated_floor_written_two_ways_agrees(run_text):
    found = _restatements(
        run_text,
        "300 以上の販売店が参加",
        "ミライ電機の取り組みには、300 を超える販売店が参加した。",
    )
    assert [status for _, status, _ in found] == ["pass"]


def test_a_news_headline_over_a_dateline_without_a_subject(run_text):
    """News names no organisation, and a dateline stands between headline and text."""
    text = (
        "大雨で住宅浸水の被害、浸水住宅は計635棟\n\n2025年7月12日 18時00分\n\n"
        "各県によると、住宅の浸水被害は床上と床下を合わせて計535棟にのぼった。"
    )
    found = [c for c in run_text(text).checks if c.rule_version == "restatement.v5"]
    assert [c.status for c in found] == ["warn"]


def test_the_next_sections_headline_is_no_title_of_the_paragraph_above(run_text):
    """A headline under a paragraph heads the prose below it; it does not restate the
    paragraph above (which a link's title after "詳細:" does)."""
    text = (
        "ミライ電機の売上高は1,245億円、営業利益は132億円となりました。\n\n"
        "ミライ電機、通期予想を上方修正、純利益は過去最高の180億円へ\n\n"
        "ミライ電機は通期の純利益を180億円（従来予想165億円）と見込みます。"
    )
    found = [c for c in run_text(text).checks if c.rule == "restatement"]
    assert [c.status for c in found if c.status != "pass"] == []
