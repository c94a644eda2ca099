"""A text's language told by its script and the share of each language's own letters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import language_guess
from tests.scans import TEXTS


@pytest.mark.parametrize(
    ("sample", "language"), [("rus", "ru"), ("kir", "ky"), ("kaz", "kk"), ("eng", "en")]
)
def test_each_source_language_is_told_by_its_letters(sample: str, language: str) -> None:
    assert language_guess.guess(TEXTS[sample]) == language


def test_a_russian_ruling_naming_a_kazakh_is_russian() -> None:
    """One Kazakh name (four of Kazakh's own letters) does not make a Russian text Kazakh;
    deciding by any one such letter read Russian photos as Kazakh."""
    ruling = TEXTS["rus"] + " Свидетель Нұрлан Әбдіқадыров на заседание не явился."
    assert language_guess.guess(ruling) == "ru"


def test_what_it_cannot_tell_it_leaves_unknown() -> None:
    assert language_guess.guess("Решение суда") is None  # too little to tell
    french = (
        "Le tribunal de district d'Octobre a déclaré les documents du média extrémistes. "
        "Les enquêteurs ont perquisitionné la rédaction et saisi les ordinateurs."
    )
    assert language_guess.guess(french) is None
    assert language_guess.guess("1234 5678 ---- //// " * 10) is None


def _by_each_letter(text: str) -> tuple[int, int, int, int]:
    """The counts as first written, a letter at a time (the reference for the fast ones)."""
    letters = [c for c in text if c.isalpha()]
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    kazakh = sum(1 for c in cyrillic if c in "әғқұһіӘҒҚҰҺІ")
    kyrgyz = sum(1 for c in cyrillic if c in "ңөүҢӨҮ")
    return len(letters), len(cyrillic), kazakh, kyrgyz


@settings(max_examples=300)
@given(
    st.text(
        alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯңөүҢӨҮәғқұһіӘҒҚҰҺІ"
        "abcdefghijklmnopqrstuvwxyzTHE 0123456789.,;\n—«»ʼ҂\u0483",
        max_size=400,
    )
)
def test_the_fast_counts_tell_the_same_language_as_counting_each_letter(text: str) -> None:
    letters, cyrillic, kazakh, kyrgyz = _by_each_letter(text)
    expected: str | None
    if letters < 40:
        expected = None
    elif cyrillic >= letters / 3:
        expected = (
            "kk" if kazakh >= 3 and kazakh >= cyrillic * 0.025
            else "ky" if kyrgyz >= 3 and kyrgyz >= cyrillic * 0.02
            else "ru"
        )  # fmt: skip
    else:
        expected = "latin"  # decided by the English words, the same way in both
    found = language_guess.guess(text)
    if expected == "latin":
        assert found in (None, "en")
    else:
        assert found == expected


def test_a_long_document_is_told_by_a_sample_of_every_page() -> None:
    russian = "Суд постановил оставить решение без изменения, а жалобу без удовлетворения. " * 80
    kazakh = "Сот шешімі өзгеріссіз қалдырылсын, ал шағым қанағаттандырусыз қалдырылсын. " * 80
    pages = [russian] * 2 + [kazakh] * 10  # a Russian cover letter, then the Kazakh ruling
    taken = language_guess.sample(pages, 12_000)
    assert 11_000 <= sum(map(len, taken)) <= 12_000
    assert all(taken) and all(
        page.startswith(part) for page, part in zip(pages, taken, strict=True)
    )
    assert language_guess.of_pages(pages) == language_guess.guess("\n".join(pages)) == "kk"
    assert language_guess.of_pages([russian] * 12) == "ru"
    assert language_guess.sample(["short text"], 12_000) == ["short text"]
