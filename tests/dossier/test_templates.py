"""Export templates are data: every word the export prints comes from them, in every language."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from dossier import resources
from dossier.export import templates
from dossier.resources import FORUMS, LABELS

ROOT = Path(__file__).resolve().parents[2]


def _words_used_by_the_code() -> tuple[set[str], set[str]]:
    """Keys the export asks for by name, and prefixes of keys it composes (f"notice.{…}")."""
    keys, prefixes = set(), set()
    for path in (ROOT / "dossier" / "export").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'\.word\(\s*"([a-z_.-]+)"', text))
        prefixes |= set(re.findall(r'(?:word|labels\.get)\(\s*f"([a-z_]+)\.\{', text))
    return keys, prefixes


def test_every_language_has_every_word() -> None:
    files = sorted(LABELS.glob("*.json"))
    keys = [set(json.loads(path.read_text(encoding="utf-8"))) for path in files]
    assert len(files) >= 2 and all(k == keys[0] for k in keys)


def test_every_template_loads_with_every_word_the_export_uses() -> None:
    keys, prefixes = _words_used_by_the_code()
    assert {"draft", "annex_index", "cite.page"} <= keys and {"notice", "column"} <= prefixes
    loaded = templates.available()
    assert {"ccf-request", "ccf-request-fr", "asylum-uk", "asylum-us", "general"} <= set(loaded)
    for template in loaded.values():
        assert [key for key in keys if key not in template.labels] == [], template.id
        for prefix in prefixes:
            assert any(label.startswith(prefix + ".") for label in template.labels), prefix
        assert set(template.parts) <= set(templates.PARTS)


def test_every_forum_has_rules_the_check_knows() -> None:
    from dossier.export.preflight import _CHECKS

    for template in templates.available().values():
        rules = json.loads((FORUMS / template.forum / "forum.json").read_text())
        for rule in rules["rules"]:
            assert rule["check"] in _CHECKS, (template.forum, rule)
            assert rule["what"] and rule["fix"]


def test_the_template_of_a_case_is_chosen_by_what_templates_say_they_apply_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert templates.for_case("ccf-deletion").id == "ccf-request"  # English before French
    assert templates.for_case("asylum-other").id == "asylum-uk"  # its applies_to says so
    assert templates.for_case("asylum-us").id == "asylum-us"
    assert templates.for_case("general").id == "general"
    # A template added as data for a kind is chosen for it, with no list in code to change.
    extra = tmp_path / "forums"
    shutil.copytree(resources.FORUMS, extra)
    data = json.loads((extra / "uk-ftt" / "asylum-uk.json").read_text(encoding="utf-8"))
    data.update(id="asylum-other-brief", applies_to=["asylum-other"])
    (extra / "uk-ftt" / "asylum-other-brief.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(resources, "FORUMS", extra)
    assert templates.for_case("asylum-other").id == "asylum-other-brief"
