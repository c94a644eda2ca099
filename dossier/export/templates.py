"""Export templates: data files in each forum's folder (resources/forums/<forum>/) that an
organisation can adapt.

A template belongs to the forum whose folder holds it, and names its parts in order, its paper
and type size, and every word the submission prints: the labels of its language
(resources/labels/<language>.json),
overridden where the forum words things its own way. No label lives in code, so a template in
another language (ccf-request-fr) needs no code change.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier import resources
from dossier.errors import DossierError

PARTS = (
    "cover", "contents", "particulars", "representative", "data", "summary", "facts",
    "chronology", "grounds", "relief", "signature", "country_schedule", "annex_index",
    "certificate_of_service", "integrity", "how_to_check",
)  # fmt: skip


@dataclass(frozen=True)
class Template:
    id: str
    language: str
    forum: str
    title: str
    applies_to: tuple[str, ...]
    addressee: str
    exhibit_label: str  # "Annex {n}", "Tab {letter}", "Exhibit {n}"
    paper: str
    font_size: float
    leading: float
    parts: tuple[str, ...]
    labels: dict[str, Any]
    request_kind: dict[str, str]
    relief: dict[str, list[str]]
    relief_intro: str
    signature_intro: str
    translation_certificate: str
    service_text: str
    # The common rows of the cover, in order; the forum's own particulars follow them.
    cover_fields: tuple[str, ...] = ("request", "requesting_country", "notice", "representative")

    def label(self, index: int) -> str:
        """The label of the index-th exhibit (0-based): Annex 1, Tab A … Tab Z, Tab AA…"""
        letters = ""
        number = index + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            letters = string.ascii_uppercase[remainder] + letters
        return self.exhibit_label.format(n=index + 1, letter=letters)

    def word(self, key: str, **values: object) -> str:
        """The template's words for ``key``, with ``values`` filled in."""
        text = self.labels.get(key)
        if not isinstance(text, str):
            raise DossierError(f'The export template "{self.id}" has no words for "{key}".')
        return text.format(**values) if values else text

    @property
    def months(self) -> list[str]:
        return list(self.labels["months"])


def _labels(language: str) -> dict[str, Any]:
    path = resources.LABELS / f"{language}.json"
    if not path.is_file():
        raise DossierError(f'There are no export labels for the language "{language}".')
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def load(path: Path, forum: str | None = None) -> Template:
    """A template file; ``forum``: the forum whose folder holds it (its own "forum", if it
    says one, must agree)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if forum is not None and data.get("forum", forum) != forum:
            raise ValueError(
                f'it says it is for "{data["forum"]}" but lies in the folder of "{forum}"'
            )
        language = data.get("language", "en")
        labels = {**_labels(language), **data.get("labels", {})}
        layout = data.get("layout", {})
        parts = tuple(data.get("parts", PARTS))
        unknown = [part for part in parts if part not in PARTS]
        if unknown:
            raise ValueError(f"unknown parts {', '.join(unknown)}")
        return Template(
            id=data["id"],
            language=language,
            forum=forum or data.get("forum", "general"),
            title=data["title"],
            applies_to=tuple(data["applies_to"]),
            addressee=data.get("addressee", ""),
            exhibit_label=data["exhibit_label"],
            paper=data.get("paper", "a4"),
            font_size=float(layout.get("font_size", 10.5)),
            leading=float(layout.get("leading", 14.5)),
            parts=parts,
            labels=labels,
            request_kind=dict(data.get("request_kind", {})),
            relief={kind: list(items) for kind, items in data.get("relief", {}).items()},
            relief_intro=data.get("relief_intro", ""),
            signature_intro=data.get("signature_intro", ""),
            translation_certificate=data.get("translation_certificate", ""),
            service_text=data.get("service_text", ""),
            cover_fields=tuple(
                data.get(
                    "cover_fields", ("request", "requesting_country", "notice", "representative")
                )
            ),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DossierError(f'The export template "{path.name}" is unreadable: {error}') from error


def available() -> dict[str, Template]:
    """Every forum's templates (each forum's folder holds its forum.json and its templates)."""
    paths = sorted(
        path for path in resources.FORUMS.glob("*/*.json") if path.name != resources.FORUM_FILE
    )
    return {t.id: t for t in (load(path, path.parent.name) for path in paths)}


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
    # Chosen by what each template says it applies to (its data, not a list in code): a
    # forum's own before the general one, English (the default working language) before a
    # translation of it, then by name.
    suited = [template for template in templates.values() if case_kind in template.applies_to]
    if not suited:
        return templates["general"]
    return min(suited, key=lambda t: (t.forum == "general", t.language != "en", t.id))
