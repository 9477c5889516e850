"""Plain text out of HTML and PDF documents, by well-kept libraries.

HTML: trafilatura keeps the article (paragraphs and tables) and drops navigation,
scripts, sidebars and footers; compared with readability-lxml on a Japanese press
release, readability lost the table and kept the sidebar.  PDF: pdfminer.six, whose
layout analysis groups characters into lines robustly for Japanese CID fonts; pypdf
gave the same characters on simple pages but is known to space out CJK text.
The text returned is the document's source text: every offset points into it.  A
page's publication date comes from its markup, by htmldate (trafilatura's own).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pipeline.errors import IngestFailure

# NOTE: trafilatura, htmldate and pdfminer are imported by the functions that use them:
# together they took a quarter of a second to import, paid by every run, and most
# corpora hold no web page or PDF


def html_text(path: Path, html: str) -> str:
    """The main text of a web page: paragraphs and tables, without navigation or scripts."""
    import trafilatura

    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise IngestFailure(f"{path}: no main text found in this HTML page")
    return text + "\n"


def html_date(html: str) -> date | None:
    """The page's publication date from its markup (``article:published_time``,
    ``<time datetime>``, JSON-LD), by htmldate; the text is not searched, so a date
    merely mentioned in the article is never taken for it."""
    import htmldate

    found = htmldate.find_date(html, extensive_search=False, original_date=True)
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as err:
        raise IngestFailure(f"{path}: broken PDF ({type(err).__name__}: {err})") from err
    if not text.strip():
        raise IngestFailure(f"{path}: PDF has no text layer (a scan?); run OCR first")
    return text.replace("\x0c", "\n")
