"""Hiding a person's name in an export, in every spelling the program knows and however the
text disguises it.

A name left once (in the chronology's chart, a section's title, an alias, a Russian case
ending: "Тухватшина", "Тухватшину") undoes the whole redaction. So a name to hide brings with
it every spelling recorded for the person who bears it (name, native name, aliases) and each
part of them; and text is matched on a skeleton in which zero-width characters vanish,
compatibility forms (NFKC) and letter case coincide, and Latin and Cyrillic look-alikes
("Rinat" typed with a Cyrillic "а") are one letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Invisible characters that split a word without showing: zero-width space/joiners, word
# joiner, BOM, soft hyphen, and the bidi marks.
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
# Cyrillic letters that look like Latin ones (either case, once lower-cased), and ё/е.
_LOOK_ALIKES = str.maketrans(
    {"а": "a", "в": "b", "с": "c", "е": "e", "ё": "e", "н": "h", "һ": "h", "і": "i", "ј": "j",
     "к": "k", "м": "m", "о": "o", "р": "p", "ѕ": "s", "т": "t", "х": "x", "у": "y", "ԁ": "d"}
)  # fmt: skip
# Inflected forms: up to three letters after a name part ("Тухватшина", "Тухватшиным",
# "Tukhvatshina"). Hiding too much is safe; too little is not.
_ENDING = r"\w{0,3}"
_SHORTEST_PART = 3


@dataclass(frozen=True)
class Skeleton:
    """A text's matching form, and for each of its characters the original's index."""

    text: str
    origin: list[int]


def skeleton(text: str) -> Skeleton:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        for folded in unicodedata.normalize("NFKC", char).casefold().translate(_LOOK_ALIKES):
            out.append(folded)
            origin.append(index)
    return Skeleton("".join(out), origin)


class Redactor:
    """Replaces each hidden name (every spelling, every part) with its label."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        """``names``: each label ("[Person A]") with the spellings it hides."""
        alternatives: list[tuple[str, str]] = []
        for label, spellings in names.items():
            for spelling in _with_parts(spellings):
                folded = skeleton(spelling).text.strip()
                if folded:
                    alternatives.append((folded, label))
        # Longest first: "rinat tukhvatshin" before "rinat", so the whole name is one label.
        alternatives.sort(key=lambda pair: -len(pair[0]))
        self._labels = {folded: label for folded, label in reversed(alternatives)}
        self._pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(f) for f, _ in alternatives) + ")" + _ENDING
                + r"(?!\w)"
            )
            if alternatives
            else None
        )  # fmt: skip

    def __call__(self, text: str | None) -> str:
        if not text or self._pattern is None:
            return text or ""
        shape = skeleton(text)
        pieces: list[str] = []
        position = 0
        for match in self._pattern.finditer(shape.text):
            start = shape.origin[match.start()]
            end = shape.origin[match.end() - 1] + 1
            if start < position:
                continue
            pieces.append(text[position:start])
            pieces.append(self._labels[match.group(1)])
            position = end
        pieces.append(text[position:])
        return "".join(pieces)


def _with_parts(spellings: Iterable[str]) -> list[str]:
    """Each spelling, and each of its words long enough to name someone ("Tukhvatshin")."""
    found: list[str] = []
    for spelling in spellings:
        if not spelling or not spelling.strip():
            continue
        found.append(spelling)
        found += [word for word in re.findall(r"\w+", spelling) if len(word) >= _SHORTEST_PART]
    return list(dict.fromkeys(found))
