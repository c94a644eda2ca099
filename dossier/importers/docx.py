"""Word documents: paragraphs and tables as one page (DOCX has no fixed pages)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from dossier.errors import ImportRefused
from dossier.i18n import t
from dossier.importers.base import Extracted

# A Word document's parts, unpacked, above this are a zip bomb, not a document: python-docx
# would read them whole into memory.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000


# What a damaged archive or part makes the zip and XML readers raise.
_DAMAGED = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    etree.XMLSyntaxError,
    zlib.error,  # a damaged compressed part
    EOFError,
    NotImplementedError,  # an altered "zip version needed" field
    OSError,  # a member's offset pointing outside the file
)


def _zip_problem(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except _DAMAGED:
        return None  # python-docx says it is damaged, with its own sentence
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        return "it unpacks to far more than any document (a zip bomb?)"
    return None


class DocxImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        if problem := _zip_problem(path):
            raise ImportRefused(
                t('"{file}" cannot be imported: {problem}.', file=path.name, problem=problem)
            )
        try:
            return self._read(path)
        except _DAMAGED as error:
            raise ImportRefused(f'"{path.name}" is damaged or not a Word document.') from error

    @staticmethod
    def _read(path: Path) -> Extracted:
        # python-docx reads some parts only when they are first used: everything is read here,
        # inside the one place where a damaged archive is turned into a sentence.
        document = docx.Document(str(path))
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append("\t".join(cell.text for cell in row.cells))
        props = document.core_properties
        suggestions = {}
        if props.title:
            suggestions["title"] = props.title
        if props.author:
            suggestions["author"] = props.author
        if props.created:
            suggestions["date_created"] = props.created.date().isoformat()
        return Extracted(pages=["\n".join(parts)], suggestions=suggestions)
