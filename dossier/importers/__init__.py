"""One importer per file format, chosen by the content's MIME type."""

from __future__ import annotations

from dossier.importers.base import Extracted, Importer, detect_mime
from dossier.importers.docx import DocxImporter
from dossier.importers.email import EmailImporter
from dossier.importers.html import HtmlImporter
from dossier.importers.image import ImageImporter
from dossier.importers.pdf import PdfImporter
from dossier.importers.text import TextImporter

IMPORTERS: tuple[Importer, ...] = (
    PdfImporter(),
    DocxImporter(),
    TextImporter(),
    HtmlImporter(),
    EmailImporter(),
    ImageImporter(),
)


def importer_for(mime_type: str) -> Importer | None:
    return next((imp for imp in IMPORTERS if mime_type in imp.mime_types), None)


__all__ = ["IMPORTERS", "Extracted", "Importer", "detect_mime", "importer_for"]
