"""Pydantic record models: what one row of each output table means.

The table schemas in ``schemas.tables`` are generated from these models, so a
field is declared exactly once.  ``json_schema_extra={"allowed": ...}`` on a field
becomes an ``isin`` check on its column.
"""

from __future__ import annotations

from functools import cache
from typing import Self

from pydantic import BaseModel, ConfigDict, Field

from schemas.vocab import (
    Bound,
    DatePrecision,
    EntityType,
    Kind,
    PublishedSource,
    Severity,
    SourceFormat,
    Status,
)


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True, defer_build=True)

    @classmethod
    @cache
    def field_names(cls) -> set[str]:
        """The model's field names, one shared set per model (never to be changed)."""
        return set(cls.model_fields)

    @classmethod
    def trusted(cls, fields: dict[str, object]) -> Self:
        """A record from every one of its fields, computed by this program, not validated.

        Every table is validated whole before it is written, so a record built from
        checked parts need not be validated one by one.  This is ``model_construct``
        without its per-field default and alias handling, which cost more than the rest
        of making a check; so ``fields`` must name every field, no more.  All records
        share one set of field names: pydantic otherwise keeps a set per object, which
        was the larger part of a figure's memory on big runs.
        """
        if fields.keys() != cls.field_names():
            raise ValueError(
                f"{cls.__name__} needs exactly the fields {sorted(cls.field_names())}, "
                f"not {sorted(fields)}"
            )
        record = cls.__new__(cls)
        object.__setattr__(record, "__dict__", fields)
        object.__setattr__(record, "__pydantic_fields_set__", cls.field_names())
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        return record

    def amended(self, **changes: object) -> Self:
        """A copy with some fields changed, not validated again (see ``trusted``)."""
        return self.trusted({**self.__dict__, **changes})


class Document(Record):
    """One input file that was read successfully."""

    doc_id: str = Field(description="file name without its extension")
    source_path: str
    sha256: str = Field(description="hex digest of the file bytes")
    format: SourceFormat
    encoding: str = Field(description="how the bytes were decoded")
    published: str | None = Field(None, description="ISO date of the document, if known")
    published_source: PublishedSource = PublishedSource.EMPTY
    n_chars: int = Field(ge=0)
    n_sentences: int = Field(ge=0)


class Mention(Record):
    """One quantity, date or rate expression, pointing into the source text."""

    mention_id: str = Field(description="'<doc_id>:<start>'")
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    surface: str = Field(description="exactly source_text[start:end]")
    sentence_id: int = Field(ge=0)
    kind: Kind
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    bound: Bound | None = None
    approx: bool = False
    unit: str | None = None
    object: str | None = None
    subject: str | None = None
    as_of: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    year_inferred: bool | None = None
    precision: float | None = Field(
        None, description="value of one unit in the last written digit (XBRL-style)"
    )
    normalized: str = Field(description="the surface after NFKC and PDF repairs")
    context_before: str = Field("", description="up to 10 normalised characters before it")
    context_after: str = Field("", description="up to 10 normalised characters after it")
    measure: str | None = Field(
        None,
        description="what the figure measures: its clause's topic (売上高 in 売上高は1,200億円) "
        "or, for rates, the label beside it (正確率 in 96%の正確率)",
    )
    rule: str = Field(description="versioned name of the pattern that produced it")


class Token(Record):
    """One fugashi token; offsets are source offsets like every other table."""

    doc_id: str
    sentence_id: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str
    pos: str
    lemma: str


class SourceError(Record):
    """A file that could not be processed, and why, in words a user can act on."""

    source_path: str
    doc_id: str
    stage: str
    reason: str


class Entity(Record):
    """An organisation, person, place or product, with every written form of its name."""

    entity_id: str
    name: str = Field(description="canonical name: the form written most often")
    type: EntityType
    aliases: list[str] = Field(description="other written forms of the same entity")


class EntityMention(Record):
    """Where an entity is named in a document (source offsets)."""

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str
    entity_id: str


class Check(Record):
    """One cross-validation performed, passed or not, in words a reviewer understands."""

    check_id: str = Field(description="stable within a run: rule and sequence number")
    rule: str = Field(description="sum, conversion, unit_consistency, restatement, …")
    rule_version: str = Field(description="versioned name of the implementation, e.g. sum.v1")
    status: Status
    severity: Severity
    doc_ids: list[str]
    mention_ids: list[str]
    expected: str | None = None
    observed: str | None = None
    message: str
    accepted: bool = Field(False, description="a reviewer accepted this finding (reviews.toml)")
    review: str | None = Field(None, description="the reviewer's reason, who and when")


class Change(Record):
    """One difference from the previous run, for the reviewer who re-runs."""

    change_id: str
    change: str = Field(description="what changed, e.g. mention_changed, new_fail")
    doc_id: str | None = None
    mention_id: str | None = None
    check_rule: str | None = None
    before: str | None = None
    after: str | None = None
    message: str


#: table name -> the record model that defines its rows
TABLES: dict[str, type[Record]] = {
    "documents": Document,
    "mentions": Mention,
    "tokens": Token,
    "errors": SourceError,
    "entities": Entity,
    "entity_mentions": EntityMention,
    "checks": Check,
    "changes": Change,
}
