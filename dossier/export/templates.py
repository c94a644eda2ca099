"""Export templates: data files in resources/templates that an organisation can adapt."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError
from dossier.resources import TEMPLATES


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    applies_to: tuple[str, ...]
    addressee: str
    exhibit_label: str  # "Annex {n}", "Tab {letter}", "Exhibit {n}"
    sections: dict[str, str]
    required: tuple[str, ...]
    closing: str
    translation_certificate: str

    def label(self, index: int) -> str:
        """The label of the index-th exhibit (0-based): Annex 1, Tab A … Tab Z, Tab AA…"""
        letters = ""
        number = index + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            letters = string.ascii_uppercase[remainder] + letters
        return self.exhibit_label.format(n=index + 1, letter=letters)


def load(path: Path) -> Template:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Template(
            id=data["id"],
            title=data["title"],
            applies_to=tuple(data["applies_to"]),
            addressee=data.get("addressee", ""),
            exhibit_label=data["exhibit_label"],
            sections=dict(data["sections"]),
            required=tuple(data.get("required", ())),
            closing=data.get("closing", ""),
            translation_certificate=data.get("translation_certificate", ""),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DossierError(f'The export template "{path.name}" is unreadable: {error}') from error


def available() -> dict[str, Template]:
    return {t.id: t for t in (load(path) for path in sorted(TEMPLATES.glob("*.json")))}


def for_case(case_kind: str, requested: str | None = None) -> Template:
    templates = available()
    if requested:
        if requested in templates:
            return templates[requested]
        candidate = Path(requested)
        if candidate.is_file():
            return load(candidate)
        raise DossierError(
            f'There is no export template "{requested}"; available: {", ".join(templates)}.'
        )
    preferred = {"ccf": "ccf-request", "asylum-us": "asylum-us", "asylum": "asylum-uk"}
    for prefix, template_id in preferred.items():
        if case_kind.startswith(prefix) and template_id in templates:
            return templates[template_id]
    return templates["general"]
