"""Names as sources spell them: one person across scripts and romanisations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zhoomart Duulatov", "Zhumart Dulatov"),
        ("Alexander Alexandrov", "Aleksandr Aleksandrov"),
        ("Тухватшин", "Tukhvatshin"),
        ("Ринат Тухватшин", "Rinat Tuhvatshin"),
        ("Жоомарт Дуулатов", "Zhoomart Duulatov"),
        ("Айдай Эркебаева", "Aidai Erkebaeva"),
        ("Dmitriy Nikolayev", "Dmitrii Nikolaev"),
        ("Yuri Iusupov", "Юрий Юсупов"),
    ],
)
def test_spellings_of_one_name_are_recognised(a: str, b: str) -> None:
    assert names.name_similarity(a, b) >= names.SAME_PERSON_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rinat Tukhvatshin", "Bolot Temirov"),
        ("Zhoomart Duulatov", "Abdil Torobaev"),
        ("Aidai Erkebaeva", "Zara Sadygalieva"),
    ],
)
def test_different_people_are_not_confused(a: str, b: str) -> None:
    assert names.name_similarity(a, b) < names.SAME_PERSON_THRESHOLD


def test_kyrgyz_and_kazakh_letters_transliterate() -> None:
    assert names.transliterate("ң ө ү ә ғ қ ұ һ і") == "ng o u a gh q u h i"
    assert names.fold("Өмүрбек") == names.fold("Omurbek")


@settings(max_examples=400)
@given(
    st.text(
        alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүәғқұһіїєґўABCabcdehijkloqstuwxyz"
        "ÉéñÜ¨ﬁ½ 0123456789.,-'\n\t\u00a0\u2009\x1c_—«»",
        max_size=200,
    )
)
def test_folding_word_by_word_is_folding_the_whole_text(text: str) -> None:
    """The index folds each distinct word once; the same as the folds run over the text."""
    whole = names._fold_words(" ".join(names._WORD.findall(text.lower())))
    assert names.fold(text) == whole
