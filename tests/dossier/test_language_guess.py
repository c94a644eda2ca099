"""A text's language told by its script and the share of each language's own letters."""

from __future__ import annotations

import pytest

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
