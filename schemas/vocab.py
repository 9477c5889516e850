"""Closed vocabularies shared by records, tables and the extractors.

One place for every enum so that a new kind or bound is added once and the
pandera checks, the pydantic models and the extractors agree automatically.
"""

from enum import StrEnum


class Kind(StrEnum):
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    RATIO = "ratio"
    QUANTITY = "quantity"
    DURATION = "duration"
    DATE = "date"
    PERIOD = "period"
    RATE = "rate"


class Bound(StrEnum):
    EQ = "eq"
    GE = "ge"
    GT = "gt"
    LE = "le"
    LT = "lt"
    RANGE = "range"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    PART = "part"


class PublishedSource(StrEnum):
    METADATA = "metadata"
    TEXT = "text"
    EMPTY = ""


class SourceFormat(StrEnum):
    TXT = "txt"
    MD = "md"
    HTML = "html"
    PDF = "pdf"


#: kinds whose mentions carry dates instead of numbers
TEMPORAL_KINDS = frozenset({Kind.DATE, Kind.PERIOD})


class EntityType(StrEnum):
    ORG = "ORG"
    PERSON = "PERSON"
    LOC = "LOC"
    PRODUCT = "PRODUCT"


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
