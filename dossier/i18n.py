"""What the core says to a person, in the interface's language.

The core speaks English; a catalog per language (resources/translations/core_<code>.json)
gives each sentence's translation, with the same {placeholders}. The window chooses the
language; the command line speaks English. A sentence missing from a catalog stays English
(and a test fails on it).
"""

from __future__ import annotations

import json
from typing import Any

from dossier.resources import ROOT

_catalog: dict[str, str] = {}
_language = "en"


def use(language: str) -> None:
    """Speak ``language`` from now on ("en" needs no catalog)."""
    global _catalog, _language
    path = ROOT / "translations" / f"core_{language}.json"
    _catalog = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    _language = language if _catalog or language == "en" else "en"


def language() -> str:
    return _language


def t(sentence: str, /, **values: Any) -> str:
    """``sentence`` in the current language, its {placeholders} filled with ``values``."""
    template = _catalog.get(sentence, sentence)
    return template.format(**values) if values else template


def say(error: BaseException) -> str:
    """An error's sentence in the current language. Storage speaks English only: its errors
    carry their sentence's template and values, looked up here (OnionShare's gui_common does
    the same at its face); the evidence layer's errors were said in the language already."""
    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return str(error)
    return said(template, getattr(error, "values", {}) or {}, fallback=str(error))


def said(template: str, values: dict[str, Any], *, fallback: str | None = None) -> str:
    """A sentence storage gave as a template and values, in the current language."""
    try:
        sentence = _catalog.get(template, template)
        return sentence.format(**values) if values else sentence
    except (KeyError, IndexError, ValueError):  # a catalog entry whose placeholders differ
        return fallback if fallback is not None else template


def catalog(language: str) -> dict[str, str]:
    path = ROOT / "translations" / f"core_{language}.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data
