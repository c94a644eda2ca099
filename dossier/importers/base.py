"""What every importer returns, and how a file's kind is told from its content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import filetype

from dossier.clean_text import FIELD_LIMIT, TITLE_LIMIT, one_line, without_controls
from dossier.errors import ImportRefused
from dossier.i18n import t

# Text-like formats larger than this are not documents but data dumps or mistakes.
MAX_TEXT_BYTES = 64 * 1024 * 1024


@dataclass
class Extracted:
    """Text per page, plus what the file itself says about it (for the user to confirm)."""

    pages: list[str]
    suggestions: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def cleaned(self) -> Extracted:
        """What the file said, safe to keep: no control characters, titles that fit a page."""
        return Extracted(
            pages=[without_controls(page) for page in self.pages],
            suggestions={
                key: one_line(value, TITLE_LIMIT if key == "title" else FIELD_LIMIT)
                for key, value in self.suggestions.items()
                if one_line(value)
            },
            warnings=[without_controls(warning) for warning in self.warnings],
        )


class Importer(Protocol):
    def extract(self, path: Path, password: str | None = None) -> Extracted: ...


_EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"mime-version:",
                  b"return-path:", b"message-id:", b"delivered-to:")  # fmt: skip


def detect_mime(path: Path) -> str:
    """The MIME type from the bytes, never from the extension."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if not head:
        raise ImportRefused(t('"{file}" is empty.', file=path.name))
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    if head.startswith(b"%PDF"):
        return "application/pdf"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1251")  # older Russian-language files
        except UnicodeDecodeError:
            return "application/octet-stream"
        if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
            return "application/octet-stream"
    lowered = text.lstrip("\ufeff \r\n\t").lower()
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:2048]:
        return "text/html"
    first_line = lowered.split("\n", 1)[0].encode()
    if first_line.startswith(_EMAIL_HEADERS):
        return "message/rfc822"
    if "\x00" in text:
        return "application/octet-stream"
    return "text/plain"


def read_text_file(path: Path) -> str:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise ImportRefused(
            t(
                '"{file}" is too large to be a text document ({size} MB); nothing was imported.',
                file=path.name,
                size=f"{path.stat().st_size / 1e6:.0f}",
            )
        )
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")
