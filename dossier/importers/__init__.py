"""One importer per file format, chosen by the content's MIME type.

An importer's module is loaded when a file of its type is first read: an import's worker
processes load only the readers their files need (the e-mail and web-page readers alone took
a third of a worker's start).
"""

from __future__ import annotations

import importlib
from functools import cache

from dossier.importers.base import Extracted, Importer, detect_mime

# The types each importer reads: (module in dossier.importers, class).
_READ_BY: dict[str, tuple[str, str]] = {
    "application/pdf": ("pdf", "PdfImporter"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "docx",
        "DocxImporter",
    ),
    "text/plain": ("text", "TextImporter"),
    "text/html": ("html", "HtmlImporter"),
    "message/rfc822": ("email", "EmailImporter"),
    **{
        image: ("image", "ImageImporter")
        for image in ("image/jpeg", "image/png", "image/tiff", "image/heic", "image/heif")
    },
}


def importer_for(mime_type: str) -> Importer | None:
    if mime_type not in _READ_BY:
        return None
    return _importer(*_READ_BY[mime_type])


@cache
def _importer(module: str, name: str) -> Importer:
    made: Importer = getattr(importlib.import_module(f"dossier.importers.{module}"), name)()
    return made


__all__ = ["Extracted", "Importer", "detect_mime", "importer_for"]
