"""The document date read from the text: publication words, then dateline, then as-of."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dating import date_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(この記事は2020年5月21日に更新されました)\n本文", date(2020, 5, 21)),
        ("発表日: 2020年5月21日\n本文", date(2020, 5, 21)),
        # datelines: a line near the top holding only a date
        ("2024年11月8日\n株式会社サンプル\n本文", date(2024, 11, 8)),
        ("消費者物価指数\n\n令和6年11月22日\n総務省統計局", date(2024, 11, 22)),
        ("令和元年5月7日\n本文", date(2019, 5, 7)),
        ("経済対策を決定\n\n2024年11月22日 18:05\n\n本文", date(2024, 11, 22)),
        ("日経平均は続伸\n\n2025年6月18日 15時30分\n\n本文", date(2025, 6, 18)),
        # a publication word telling of an earlier release does not date this one
        (
            "2025年10月28日\n各位\n\n当社は、2025年5月13日に公表した業績予想を修正しました。",
            date(2025, 10, 28),
        ),
        ("日経平均は続伸\n\n2025年6月18日（水）午後3時\n\n本文", date(2025, 6, 18)),
        ("2024年11月8日(金)\n本文", date(2024, 11, 8)),
        ("報道発表 2024年11月8日\n本文", date(2024, 11, 8)),
        # the dateline wins over the as-of date of the data, which precedes publication
        ("2024年11月8日\n従業員数は45,210名(2024年9月30日現在)です。", date(2024, 11, 8)),
        ("従業員数は45,210名(2024年9月30日現在)です。", date(2024, 9, 30)),
    ],
)
def test_document_date(text: str, expected: date) -> None:
    assert date_from_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本文は2024年11月8日に開始した。",  # a date inside a sentence dates an event
        "2024年2月30日\n本文",  # no such day
        "\n".join(["行"] * 20 + ["2024年11月8日"]),  # too far down to be a dateline
    ],
)
def test_no_document_date(text: str) -> None:
    assert date_from_text(text) is None
