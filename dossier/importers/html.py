"""Web pages saved from a browser: the article's text, title, author, date and address."""

from __future__ import annotations

import re
from pathlib import Path

import trafilatura

from dossier.errors import ImportRefused
from dossier.i18n import t
from dossier.importers.base import Extracted, read_text_file


class HtmlImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        html = read_text_file(path)
        # Local extraction only: trafilatura is never asked to fetch anything.
        text = trafilatura.extract(html, include_comments=False, favor_recall=True)
        if not text:
            raise ImportRefused(t('No article text was found in "{file}".', file=path.name))
        meta = trafilatura.extract_metadata(html)
        suggestions: dict[str, str] = {}
        if meta is not None:
            for key, value in (
                ("title", meta.title),
                ("author", meta.author),
                ("date_published", meta.date),
                ("url", meta.url),
                ("outlet", meta.sitename),
            ):
                if value:
                    suggestions[key] = str(value)
        if "url" not in suggestions and (
            match := re.search(r"<!-- saved from url=\(\d+\)(\S+) -->", html[:2000])
        ):
            suggestions["url"] = match.group(1)
        return Extracted(pages=[text], suggestions=suggestions)
