"""What linking one document leaves for the stages that read every document.

Kept apart from the linking itself (``pipeline.link.document``): the cache stores
these records, and a re-run that reads them never needs the linking code.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.link.entities import Name
from schemas.records import Mention


@dataclass(frozen=True)
class LinkedDocument:
    mentions: list[Mention]
    names: list[Name]
    same: list[tuple[str, str]]
    #: (source start, source end, surface, the name it is written for) of every entity
    #: name in the document; the name differs where the document calls itself 当社
    occurrences: list[tuple[int, int, str, str]]
