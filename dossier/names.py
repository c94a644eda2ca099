"""Names as sources spell them: Cyrillic↔Latin transliteration, romanisation variants, fuzz.

Every name and every indexed text is *folded*: transliterated to Latin, lower-cased and
reduced to a spelling skeleton in which the usual romanisation variants coincide (kh/h,
zh/j/dzh, ks/x, yu/iu/u, double vowels…). "Tukhvatshin", "Tuhvatshin" and "Тухватшин" fold
alike; "Zhoomart Duulatov" and "Zhumart Dulatov" stay close enough for fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz

from dossier import word_split

# Cyrillic (Russian, Kyrgyz, Kazakh, Ukrainian letters) to a plain Latin spelling.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kyrgyz and Kazakh
    "ң": "ng", "ө": "o", "ү": "u", "ә": "a", "ғ": "gh", "қ": "q", "ұ": "u", "һ": "h",
    "і": "i",
    # Ukrainian and others met in Central Asian sources
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}  # fmt: skip

# Applied in order to the transliterated, lower-cased Latin text.
_FOLDS = [
    (r"shch", "sh"),
    (r"dzh|dj|zh|j", "j"),
    (r"kh|ch(?=[^aeiouy]|$)", "h"),  # "$" and the space in [^…] end a word
    (r"gh", "g"),
    (r"q", "k"),
    (r"x", "ks"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"ts|tz", "c"),
    (r"(?<=[aeiou])y(?=[aeiou])", ""),  # Nikolayev / Nikolaev
    (r"iy\b|yy\b|ii\b|yi\b", "i"),  # Dmitriy / Dmitrii / Dmitry
    (r"y", "i"),
    (r"yu|iu", "u"),
    (r"ya|ia", "a"),
    (r"yo|io", "e"),
    (r"ye|ie", "e"),
    (r"ou", "u"),
    (r"([a-z])\1+", r"\1"),  # Duulatov / Dulatov, Zhoomart / Zhomart
]
_COMPILED_FOLDS = [(re.compile(pattern), repl) for pattern, repl in _FOLDS]
_LOWER_CYRILLIC = str.maketrans(_CYRILLIC)
_WORD = re.compile(r"\w+", re.UNICODE)


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin; everything else kept."""
    out = []
    for char in text:
        lower = char.lower()
        latin = _CYRILLIC.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower and latin else latin)
    return "".join(out)


def file_safe(text: str, limit: int = 64) -> str:
    """A file name any portal or e-filing system accepts: Latin letters, digits and
    underscores (a Cyrillic word spelled in Latin letters), cut at a word."""
    latin = unicodedata.normalize("NFKD", transliterate(text))
    plain = latin.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_")
    if len(words) > limit:
        words = words[:limit].rsplit("_", 1)[0]
    return words or "file"


def _fold_words(text: str) -> str:
    """Folds a lower-case run of words separated by single spaces (no pattern spans a space)."""
    text = text.translate(_LOWER_CYRILLIC)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    for pattern, repl in _COMPILED_FOLDS:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    return _fold_words(word.lower())


def fold(text: str) -> str:
    """The whole text folded word by word (what the search index holds).

    Each distinct word is folded once (``fold_word`` remembers): running the eighteen folds
    over every page's whole text was a quarter of importing a text PDF."""
    return " ".join(map(fold_word, word_split.words(text.lower())))


def words_with_offsets(text: str) -> list[tuple[int, int, str]]:
    return list(iter_words_with_offsets(text))


def iter_words_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word's start, end and folded form, folded as it is reached."""
    return ((m.start(), m.end(), fold_word(m.group())) for m in _WORD.finditer(text))


def name_similarity(a: str, b: str) -> float:
    """0–100: how likely two spellings name the same person (order of names ignored)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return max(fuzz.token_sort_ratio(fa, fb), fuzz.token_set_ratio(fa, fb) * 0.97)


SAME_PERSON_THRESHOLD = 82.0
