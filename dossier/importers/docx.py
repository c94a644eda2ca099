"""Word documents: paragraphs and tables as one page (DOCX has no fixed pages)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from dossier.errors import ImportRefused
from dossier.importers.base import Extracted


class DocxImporter:
    mime_types: tuple[str, ...] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )

    def extract(self, path: Path, password: str | None = None) -> Extracted:
        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
            raise ImportRefused(f'"{path.name}" is damaged or not a Word document.') from error
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
