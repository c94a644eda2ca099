"""Words cut out of a text exactly as the regular expressions cut them, whatever its letters."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dossier import word_split

_ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=300)
_ANY = st.text(max_size=300)


@given(st.one_of(_ASCII, _ANY))
def test_words_are_the_runs_of_word_characters(text: str) -> None:
    assert word_split.words(text) == re.findall(r"\w+", text)


@given(st.one_of(_ASCII, _ANY))
def test_letter_runs_leave_out_digits_and_underscores(text: str) -> None:
    assert word_split.letter_runs(text) == re.findall(r"[^\W\d_]+", text)


def test_every_ascii_character_and_a_page_of_each_script() -> None:
    every = "".join(map(chr, range(128))) * 2
    assert word_split.words(every) == re.findall(r"\w+", every)
    assert word_split.letter_runs(every) == re.findall(r"[^\W\d_]+", every)
    for page in (
        "Pervomaisky District Court, case No. 1-234/2025 (appeal): «rejected».",
        "Первомайский районный суд г. Бишкек — дело №1-234/2025, «отказать».",
        "Алматы қаласының соты: үкім заңсыз; Әділет министрлігі — ұсыныс.",
    ):
        assert word_split.words(page) == re.findall(r"\w+", page)
        assert word_split.letter_runs(page) == re.findall(r"[^\W\d_]+", page)
