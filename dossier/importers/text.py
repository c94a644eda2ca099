"""Plain text: one page; a first line that looks like a headline is offered as the title."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.importers.base import Extracted, read_text_file


class TextImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        text = read_text_file(path).replace("\r\n", "\n")
        suggestions: dict[str, str] = {}
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if 3 <= len(first) <= 200 and not first.endswith((".", ",", ";")):
            suggestions["title"] = first
        if match := re.search(r"\bdate\s+(\d{4}-\d{2}-\d{2})\b", text[:500]):
            suggestions["date_published"] = match.group(1)
        return Extracted(pages=[text], suggestions=suggestions)
