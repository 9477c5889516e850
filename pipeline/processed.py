"""What processing one document leaves for the stages that read every document.

Kept apart from the processing itself (``pipeline.document``): the cache stores these
records, and a re-run that reads them never loads the tagger or the extraction rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from pipeline.link.linked import LinkedDocument
from schemas.records import Document, Mention


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    mentions: list[Mention]
    #: None when loaded from the cache without them (see ``DocumentCache.tokens``)
    tokens: pa.Table | None
    text: str
    linked: LinkedDocument
    #: sentence spans in source offsets
    sentences: list[tuple[int, int]]
