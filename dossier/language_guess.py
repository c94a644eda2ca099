"""Which language a text is in, told by its script and its letters — enough for the sources
this program serves: Russian, Kyrgyz and Kazakh (Cyrillic, told apart by the letters each adds),
and English among texts in Latin script. What it cannot tell it leaves unknown; the check then
asks the lawyer, never assumes a working language.

By shares, not by one letter: a Russian ruling naming a Kazakh (Нұрлан Әбдіқадыров) or an OCR
slip that reads "i" as "і" carries a few of Kazakh's own letters; a Kazakh text carries them in
one letter of ten.
"""

from __future__ import annotations

import re

from dossier import word_split

RUSSIAN, KYRGYZ, KAZAKH, ENGLISH = "ru", "ky", "kk", "en"
# ISO 639-2 "no linguistic content": a photograph without words.
NO_WORDS = "zxx"

_KAZAKH_ONLY = frozenset("әғқұһіӘҒҚҰҺІ")
_KYRGYZ_AND_KAZAKH = frozenset("ңөүҢӨҮ")
_MIN_LETTERS = 40  # below this, too little to tell
_CYRILLIC_SHARE = 1 / 3
# Kazakh text: its own six letters are ~8–12 % of its letters; Kyrgyz: ң ө ү ~5–7 %.
_KAZAKH_SHARE = 0.025
_KYRGYZ_SHARE = 0.02
# English: these words are about a quarter of running English text, rare in other languages
# written in Latin letters.
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "by", "as",
    "are", "at", "from", "this", "be", "has", "have", "it", "not", "which", "were", "an",
    "or", "its", "his", "her", "their", "they", "he", "she", "we", "said", "had", "been",
))  # fmt: skip
_ENGLISH_SHARE = 0.12
# The Cyrillic block's letters (U+0482–U+0489 are signs and combining marks).
_CYRILLIC_RUN = re.compile("[\u0400-\u0481\u048a-\u04ff]+")


def guess(text: str) -> str | None:
    """ "ru", "ky", "kk", "en", or None when the text is too short or its language is not one
    this can tell (French, Uzbek in Latin letters, noise)."""
    # Counted by the regular-expression engine and str.count, not letter by letter in Python:
    # that loop was a sixth of importing a PDF.
    latin = text.isascii()  # lower-cased at once then: casefold is lower for ASCII letters
    found = word_split.letter_runs(text.lower() if latin else text)
    letters = sum(map(len, found))
    if letters < _MIN_LETTERS:
        return None
    cyrillic = 0 if latin else sum(map(len, _CYRILLIC_RUN.findall(text)))
    if cyrillic >= letters * _CYRILLIC_SHARE:
        kazakh = sum(text.count(c) for c in _KAZAKH_ONLY)
        if kazakh >= 3 and kazakh >= cyrillic * _KAZAKH_SHARE:
            return KAZAKH
        kyrgyz = sum(text.count(c) for c in _KYRGYZ_AND_KAZAKH)
        if kyrgyz >= 3 and kyrgyz >= cyrillic * _KYRGYZ_SHARE:
            return KYRGYZ
        return RUSSIAN
    words = found if latin else [w.casefold() for w in found if w.isascii()]
    if words and sum(1 for w in words if w in _ENGLISH_WORDS) >= len(words) * _ENGLISH_SHARE:
        return ENGLISH
    return None


# A document's language shows in this much of its text: a longer one is told by a sample
# taken from every page in proportion to its length (all its text was a fifth of reading a
# PDF at import).
_SAMPLE = 12_000


def of_pages(pages: list[str]) -> str | None:
    """The language of a document's text (its pages together)."""
    return guess("\n".join(sample(pages, _SAMPLE)))


def sample(pages: list[str], size: int) -> list[str]:
    """About ``size`` characters of ``pages``, the same share of each, each cut at a space."""
    total = sum(map(len, pages))
    if total <= size:
        return pages
    taken = []
    for page in pages:
        room = len(page) * size // total
        cut = page.rfind(" ", 0, room + 1) if room < len(page) else len(page)
        taken.append(page[: cut if cut > 0 else room])
    return taken
