"""What the core says reaches the window in Russian: every sentence the forum checks can
show, and every sentence the code passes through the translator, has its Russian."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from dossier import i18n
from dossier.resources import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> set[str]:
    from dossier import legal_grounds

    found = set()
    for title, grounds in legal_grounds.CASE_KINDS.values():  # shown in the window via t()
        found.add(title)
        found |= {g.title for g in grounds} | {g.explanation for g in grounds}
    for path in (TEMPLATES / "rules").glob("*.json"):
        rules = json.loads(path.read_text(encoding="utf-8"))
        found.add(rules["name"])
        for rule in rules["rules"]:
            found |= {rule["what"], rule["fix"]}
    for path in (ROOT / "dossier").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_sentence_of_the_core_has_its_russian() -> None:
    russian = i18n.catalog("ru")
    sentences = _sentences()
    assert len(sentences) > 100
    assert sorted(sentences - set(russian)) == []
    for english, translated in russian.items():  # the same placeholders in both
        assert sorted(_fields(english)) == sorted(_fields(translated)), english


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


@pytest.fixture
def russian() -> object:
    i18n.use("ru")
    yield
    i18n.use("en")


def test_the_forum_check_speaks_russian_when_the_window_does(russian: object) -> None:
    from dossier.export.preflight import MISSING, Item

    item = Item(MISSING, True, "a power of attorney signed by the applicant",
                i18n.t("no annex of this kind."),
                "Import the signed power of attorney, set its kind to \"power of attorney\" "
                "and annex it to the case.")  # fmt: skip
    assert item.message.startswith("Доверенность, подписанная заявителем: нет приложения")
