"""plausibility: figures that cannot be right whatever else the text says.

- a count of people larger than the world's population ("2,000億人": a scale word slipped),
  or of countries, prefectures, schools or hospitals beyond what exist ("14億校", "264カ国");
- a rate or share of a whole above 100% ("投票率は138.5%", "構成比120%"); rates of change
  (増加率, 伸び率, 前年比 …) may exceed 100 and are left alone.

Nothing else is needed to find these: one figure is enough, so they are the checks a
corrupted scale word or digit meets when no other figure states the same thing.
"""

from __future__ import annotations

import re

from pipeline.checks.evidence import Evidence, Figure, Finding, amount, finding, written
from pipeline.patterns.check_cues import (
    CHANGE_RATE_WORDS,
    COUNT_LIMITS,
    PEOPLE_COUNTERS,
    REPEAT_COUNT_WORDS,
    SHARE_OF_WHOLE_WORDS,
    WORLD_POPULATION,
)
from schemas.vocab import Status

RULE = "plausibility"
#: "構成比は120%", "シェア 120%": a share word right before the figure
_SHARE_BEFORE = re.compile(
    rf"(?P<what>{'|'.join(SHARE_OF_WHOLE_WORDS)})\s?(?:は|が|で|:|：)?\s?(?:約)?\s?$"
)


def _counted_again(ev: Evidence, f: Figure) -> bool:
    """Whether the count counts a thing again each time (延べ, 累計): visits, not people."""
    m = f.mention
    before = ev.texts[m.doc_id][max(0, m.start - 8) : m.start]
    named = f"{m.measure or ''}{m.object or ''}{before}"
    return any(w in named for w in REPEAT_COUNT_WORDS)


def _too_many_people(ev: Evidence, f: Figure) -> bool:
    """More people than live on Earth."""
    m = f.mention
    if m.kind != "count" or m.unit not in PEOPLE_COUNTERS or (m.value or 0) <= WORLD_POPULATION:
        return False
    return not _counted_again(ev, f)


def _beyond_limit(ev: Evidence, f: Figure) -> tuple[float, str] | None:
    """The limit a count exceeds ("14億校": more schools than the world has), if any."""
    m = f.mention
    limit = COUNT_LIMITS.get(m.unit or m.object or "") if m.kind == "count" else None
    if limit is None or (m.value or 0) <= limit[0] or _counted_again(ev, f):
        return None
    return limit


def _share_above_whole(ev: Evidence, f: Figure) -> bool:
    """A percentage above 100 of a measure that is a share of a whole (投票率, 構成比),
    named as the figure's measure or right before it ("構成比は120%")."""
    m = f.mention
    if m.kind != "percent" or m.unit != "%" or (m.value or 0) <= 100:
        return False
    measure = (m.measure or "").rsplit("の", 1)[-1]
    before = _SHARE_BEFORE.search(ev.texts[m.doc_id], max(0, m.start - 12), m.start)
    named = measure if measure.endswith(SHARE_OF_WHOLE_WORDS) else ""
    named = named or (before.group("what") if before else "")
    return bool(named) and not any(w in named for w in CHANGE_RATE_WORDS)


def check_plausibility(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        for f in figures:
            m = f.mention
            if _too_many_people(ev, f):
                found.append(
                    finding(
                        RULE,
                        Status.FAIL,
                        [f],
                        f"{written(f)} (line {m.line}) counts more people than live on Earth "
                        f"(about {amount(WORLD_POPULATION)}): a scale word or digit is likely "
                        "wrong.",
                        expected=f"at most {amount(WORLD_POPULATION)} {m.unit}",
                        observed=f"{amount(m.value or 0)} {m.unit}",
                    )
                )
            elif limit := _beyond_limit(ev, f):
                found.append(
                    finding(
                        RULE,
                        Status.FAIL,
                        [f],
                        f"{written(f)} (line {m.line}) counts more {limit[1]} than there are "
                        f"(at most {amount(limit[0])}): a scale word or digit is likely wrong.",
                        expected=f"at most {amount(limit[0])}",
                        observed=amount(m.value or 0),
                    )
                )
            elif _share_above_whole(ev, f):
                found.append(
                    finding(
                        RULE,
                        Status.FAIL,
                        [f],
                        f"{written(f)} (line {m.line}) is a share of a whole above 100%, "
                        "which no share can exceed.",
                        expected="at most 100 %",
                        observed=f"{amount(m.value or 0)} %",
                    )
                )
    return found
