"""Stage 1, ingest: find input files, read and decode them, refuse bad ones clearly.

Needs: a folder.  Produces: one ``SourceText`` per readable file and one
``SourceError`` per file that cannot be read; a bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

import charset_normalizer

from pipeline.converters import html_date, html_text, pdf_text
from pipeline.errors import IngestFailure
from schemas.records import SourceError
from schemas.vocab import SourceFormat

#: file suffix -> format; anything else in raw/ is ignored (sidecars, notes)
FORMATS: dict[str, SourceFormat] = {
    ".txt": SourceFormat.TXT,
    ".md": SourceFormat.MD,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".pdf": SourceFormat.PDF,
}
#: document formats people keep beside their releases that are not read: named in the
#: errors table, so that a Word file dropped into raw/ is not silently left out
UNSUPPORTED: dict[str, str] = {
    ".docx": "Word",
    ".doc": "Word",
    ".xlsx": "Excel",
    ".xls": "Excel",
    ".pptx": "PowerPoint",
    ".ppt": "PowerPoint",
    ".rtf": "RTF",
    ".odt": "OpenDocument",
    ".epub": "EPUB",
}
#: formats whose source text is extracted, and so written to output/text/<doc_id>.txt
CONVERTED = frozenset({SourceFormat.HTML, SourceFormat.PDF})
#: NOTE: 50 MB of Japanese text is ~17M characters, far beyond any press release;
#: larger files are almost certainly dumps or mistakes and would exhaust memory.
MAX_BYTES = 50 * 1024 * 1024
#: NOTE: the text a file gives (a PDF's text layer, an HTML page's main text) is limited
#: too: a run holds about a kilobyte per figure, and a text dense with figures (a table
#: dump) of this many characters already takes gigabytes.  An annual report's text is a
#: few hundred thousand characters.
MAX_TEXT_CHARS = 2_000_000
#: NOTE: UTF-8 with at most this many damaged bytes (and at most this share of its
#: bytes) is read with the damage marked; more damage than that is another encoding
#: or not text, and is refused
MAX_REPAIRED_BYTES = 16
MAX_REPAIRED_SHARE = 0.001
#: NOTE: Japanese characters read correctly for each damaged byte, at least
REPAIRED_MIN_JAPANESE_PER_BYTE = 50
SIDECAR_SUFFIX = ".meta.toml"
#: the errors-table stage of a document read despite damage (processed, with a warning)
REPAIRED_STAGE = "ingest (read with repairs)"


@dataclass(frozen=True)
class SourceText:
    """A decoded document; ``text`` is the source text every offset points into."""

    doc_id: str
    path: Path
    format: SourceFormat
    sha256: str
    encoding: str
    text: str
    published: date | None
    #: what was repaired to read it (a few damaged bytes), said in the errors table
    repairs: str | None = None


def discover(raw_dir: Path) -> list[Path]:
    """Input files in a stable order, so runs and outputs are reproducible."""
    if not raw_dir.is_dir():
        raise IngestFailure(f"{raw_dir}: input folder does not exist (pass --raw DIR)")
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)


#: byte-order marks and the codec that drops them
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: NOTE: a detected (non-UTF-8) decoding is trusted only when most of its non-ASCII
#: characters are kana, kanji or Japanese punctuation; mojibake fails this at once
MIN_JAPANESE_SHARE = 0.6
_ISO2022_ESCAPE = re.compile(rb"\x1b\$[@B]")
_JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef々〆〇]")


def _japanese_share(text: str) -> float:
    wide = [c for c in text if not c.isascii()]
    return sum(1 for c in wide if _JAPANESE.match(c)) / len(wide) if wide else 1.0


class Decoded(NamedTuple):
    text: str
    encoding: str
    #: what was repaired, if anything: a few damaged bytes in otherwise valid UTF-8
    repairs: str | None = None


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (a flipped byte, stray NULs, a cut last character):
    each damaged byte reads as U+FFFD, so every other character keeps its place."""
    text = data.replace(b"\x00", b"\xff").decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    if damaged > min(MAX_REPAIRED_BYTES, len(data) * MAX_REPAIRED_SHARE):
        return None
    # a Shift_JIS file with few non-ASCII bytes also has little "damage": the rest of
    # the text must read as plenty of Japanese for the damage to be damage
    japanese = sum(1 for c in text if not c.isascii() and _JAPANESE.match(c))
    if japanese < REPAIRED_MIN_JAPANESE_PER_BYTE * damaged:
        return None
    first = text.index("\ufffd")
    return Decoded(
        text,
        "utf-8",
        f"{damaged} damaged byte(s) read as U+FFFD, the first at character {first}; "
        "figures written across them may be missing",
    )


#: Japanese encodings tried byte for byte when detection guesses another script
JAPANESE_ENCODINGS = ("cp932", "euc_jp")


def _reads_as_japanese(text: str) -> bool:
    return "\ufffd" not in text and _japanese_share(text) >= MIN_JAPANESE_SHARE


def _japanese_reading(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """The first Japanese encoding that decodes every byte into Japanese text."""
    for encoding in JAPANESE_ENCODINGS:
        match = charset_normalizer.from_bytes(data, cp_isolation=[encoding]).best()
        if match is not None and _reads_as_japanese(str(match)):
            return match
    return None


def decode(path: Path, data: bytes) -> Decoded:
    """Decode UTF-8 (BOM dropped), UTF-16 with BOM, or a detected Japanese encoding
    (Shift_JIS/CP932, EUC-JP, ISO-2022-JP); UTF-8 with a few damaged bytes is read with
    the damage marked; anything else is refused with the reason."""
    if not data.strip():
        raise IngestFailure(f"{path}: file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise IngestFailure(
                    f"{path}: starts with a {codec} byte-order mark but is "
                    f"not valid {codec} (offset {err.start})"
                ) from err
            if not text.lstrip("\ufeff").strip():
                raise IngestFailure(f"{path}: file is empty (a byte-order mark and nothing else)")
            return Decoded(text, codec)
    if _ISO2022_ESCAPE.search(data):
        # 7-bit ISO-2022-JP is valid UTF-8 byte for byte; its escapes give it away
        try:
            return Decoded(data.decode("iso2022_jp"), "iso2022_jp")
        except UnicodeDecodeError:
            pass
    try:
        if b"\x00" not in data:
            return Decoded(data.decode("utf-8"), "utf-8")
        first_bad = data.index(b"\x00")
    except UnicodeDecodeError as err:
        first_bad = err.start
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return nearly
    if b"\x00" in data[:8192]:
        raise IngestFailure(f"{path}: looks binary (contains NUL bytes), not a text document")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and not _reads_as_japanese(str(best)):
        # with only a few non-ASCII bytes the detector may guess a European code page;
        # a Japanese encoding that decodes every byte into Japanese is the better reading
        best = _japanese_reading(data) or best
    if best is None:
        raise IngestFailure(
            f"{path}: not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset "
            f"{first_bad}) and no other encoding fits; re-save the file as UTF-8"
        )
    text = str(best)
    share = _japanese_share(text)
    if "\ufffd" in text or share < MIN_JAPANESE_SHARE:
        raise IngestFailure(
            f"{path}: not valid UTF-8; as {best.encoding} only {share:.0%} of its characters "
            "read as Japanese, so it is refused rather than read as mojibake; "
            "re-save the file as UTF-8"
        )
    return Decoded(text, best.encoding)


def sidecar_date(path: Path) -> date | None:
    """``published`` from ``<doc_id>.meta.toml`` beside the document, if present."""
    meta = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not meta.exists():
        return None
    try:
        value = tomllib.loads(meta.read_text(encoding="utf-8")).get("published")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise IngestFailure(f"{meta}: cannot read sidecar ({err})") from err
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise IngestFailure(f"{meta}: published = {value!r} is not an ISO date") from err


def read_source(path: Path) -> SourceText:
    """Read one file into a ``SourceText``; raises ``IngestFailure`` with the reason."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestFailure(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
    data = path.read_bytes()
    fmt = FORMATS[path.suffix.lower()]
    repairs, marked_date = None, None
    if fmt == SourceFormat.PDF:
        text, encoding = pdf_text(path, data), "pdf"
    else:
        text, encoding, repairs = decode(path, data)
        if fmt == SourceFormat.HTML:
            text, marked_date = html_text(path, text), html_date(text)
    if len(text) > MAX_TEXT_CHARS:
        raise IngestFailure(
            f"{path}: {len(text):,} characters of text is over the {MAX_TEXT_CHARS:,}-character "
            "limit; split the document into parts"
        )
    return SourceText(
        doc_id=path.stem,
        path=path,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        published=sidecar_date(path) or marked_date,
        repairs=repairs,
    )


def ingest(
    raw_dir: Path, date_hints: dict[str, date] | None = None
) -> tuple[list[SourceText], list[SourceError]]:
    """Read every input file; failures are collected, never raised."""
    sources: list[SourceText] = []
    errors: list[SourceError] = []
    seen: dict[str, Path] = {}
    for path in discover(raw_dir):
        try:
            if path.stem in seen:
                raise IngestFailure(
                    f"{path}: same document id as {seen[path.stem]}; rename one of them"
                )
            seen[path.stem] = path
            source = read_source(path)
            hint = (date_hints or {}).get(source.doc_id)
            sources.append(
                replace(source, published=hint) if hint and not source.published else source
            )
            if source.repairs:
                errors.append(
                    SourceError(
                        source_path=str(path),
                        doc_id=path.stem,
                        stage=REPAIRED_STAGE,
                        reason=f"{path}: {source.repairs}; the text as read is in "
                        f"text/{path.stem}.txt",
                    )
                )
        except (IngestFailure, OSError) as err:
            errors.append(
                SourceError(
                    source_path=str(path), doc_id=path.stem, stage="ingest", reason=str(err)
                )
            )
    errors += [
        SourceError(
            source_path=str(path),
            doc_id=path.stem,
            stage="ingest",
            reason=f"{path}: {UNSUPPORTED[path.suffix.lower()]} files are not read; "
            "save it as PDF, HTML or text in raw/ to include it",
        )
        for path in sorted(raw_dir.iterdir())
        if path.is_file() and path.suffix.lower() in UNSUPPORTED
    ]
    return sources, errors
