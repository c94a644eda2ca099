"""A page's own text is told from a scanner's misreading of it."""

from __future__ import annotations

import pytest

from dossier.text_fit import reads_as_words
from tests.scans import TEXTS, misread


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_real_text_in_each_source_language_reads_as_words(language: str) -> None:
    assert reads_as_words(TEXTS[language])


def test_a_russian_page_read_as_english_does_not() -> None:
    garbage = misread(TEXTS["rus"])
    assert "npu3Han" in garbage
    assert not reads_as_words(garbage)


def test_too_little_text_to_tell_is_left_as_it_is() -> None:
    assert reads_as_words("rpy6xa 3akoH")
