"""Plain text out of HTML and PDF documents, by well-kept libraries.

HTML: trafilatura keeps the article (paragraphs and tables) and drops navigation,
scripts, sidebars and footers; compared with readability-lxml on a Japanese press
release, readability lost the table and kept the sidebar.  PDF: pdfminer.six, whose
layout analysis groups characters into lines robustly for Japanese CID fonts; pypdf
gave the same characters on simple pages but is known to space out CJK text.
The text returned is the document's source text: every offset points into it.
"""

from __future__ import annotations

import io
from pathlib import Path

import trafilatura
from pdfminer.high_level import extract_text
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from pipeline.errors import IngestFailure


def html_text(path: Path, html: str) -> str:
    """The main text of a web page: paragraphs and tables, without navigation or scripts."""
    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise IngestFailure(f"{path}: no main text found in this HTML page")
    return text + "\n"


def pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as err:
        raise IngestFailure(f"{path}: broken PDF ({type(err).__name__}: {err})") from err
    if not text.strip():
        raise IngestFailure(f"{path}: PDF has no text layer (a scan?); run OCR first")
    return text.replace("\x0c", "\n")
