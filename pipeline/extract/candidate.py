"""What every pattern row produces, and what it is given to look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pipeline.tokenise import Tokens
from schemas.vocab import Bound, DatePrecision, Kind


@dataclass(frozen=True)
class Context:
    """Read-only inputs of the extractors for one document (normalised offsets)."""

    text: str
    tokens: Tokens
    doc_date: date | None
    #: explicit years written in the text, (offset, year), in text order
    written_years: tuple[tuple[int, int], ...] = ()
    #: offsets and first days of the year-and-months written (2025年11月), in text order;
    #: read only for documents without a date of their own
    written_months: tuple[tuple[int, date], ...] = ()


class Candidate(NamedTuple):
    """A figure found on the normalised text, before modifiers and filtering.

    A NamedTuple rather than a dataclass: candidates are made and amended tens of
    thousands of times per corpus, and ``_replace`` is several times cheaper.
    """

    start: int
    end: int
    kind: Kind
    rule: str
    #: where the numeral itself begins (a prefixed currency may come first)
    numeral_start: int
    value: Decimal | None = None
    value_low: Decimal | None = None
    value_high: Decimal | None = None
    bound: Bound | None = None
    approx: bool = False
    unit: str | None = None
    precision: Decimal | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: DatePrecision | None = None
    year_inferred: bool | None = None
    #: kanji-only numeral worth exactly one (一つ, 一人): idiomatic, not a figure
    lone_kanji_one: bool = False
    #: the unit is Latin or a symbol, so the token-boundary check does not apply
    latin_unit: bool = False

    def with_(self, **changes: object) -> Candidate:
        return self._replace(**changes)


Parse = Callable[[re.Match[str], Context], Candidate | None]


@dataclass(frozen=True)
class Pattern:
    """One row of a family table: a versioned name, a regex, and what a match means."""

    name: str
    regex: re.Pattern[str]
    parse: Parse
    #: breaks ties between candidates with the same span (higher wins)
    priority: int = 0
