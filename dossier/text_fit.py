"""Whether a page's own text reads as words of a language, or as a machine's misreading.

Copiers and scanners lay their own OCR under the pages they scan, often in the wrong
language: a Russian page read as English gives "Slexrponuo,nyueean rpy6xa" for
"Электроннолучевая трубка". Searched, quoted or filed, such text is worse than none. Real text
in any of the sources' languages is made of its most common words — about a third of running
Russian, Kazakh or Kyrgyz, nearly half of English, are among the few thousand listed per
language in jusText's stop lists (BSD) — where a misreading has almost none, and carries
digits inside its words (6 for б, 3 for з).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

STOP_LISTS = ("English", "Russian", "Kazakh", "Kyrgyz", "French", "German", "Spanish", "Uzbek")
_WORD = re.compile(r"\w+")
_MIN_WORDS = 20  # fewer words than this tell too little (a stamp, a page number, a heading)
# Real text: 25–50 % of its words are common words; misreadings: under 5 % (measured on the
# test texts and the corpus).
_MIN_COMMON_SHARE = 0.12
_MAX_MIXED_SHARE = 0.15  # words with digits inside letters ("rpy6xa", "3akoH")


@functools.cache
def _common_words() -> frozenset[str]:
    words: set[str] = set()
    folder = resources.files("justext") / "stoplists"
    for name in STOP_LISTS:
        try:
            words.update((folder / f"{name}.txt").read_text(encoding="utf-8").casefold().split())
        except OSError:  # a build without the list: that language is not told by it
            continue
    return frozenset(words)


def reads_as_words(text: str) -> bool:
    """False for a text that is a misreading (too few common words, or digits inside its
    words); True for real text, and for too little text to tell."""
    # Words of three letters or more: a misreading makes many one- and two-letter "words"
    # ("u", "B", "no") that every list holds.
    words = [w.casefold() for w in _WORD.findall(text) if sum(c.isalpha() for c in w) >= 3]
    common = _common_words()
    if len(words) < _MIN_WORDS or not common:
        return True
    share = sum(1 for w in words if w in common) / len(words)
    mixed = sum(
        1 for w in words if any(c.isdigit() for c in w) and sum(c.isalpha() for c in w) >= 2
    ) / len(words)
    return share >= _MIN_COMMON_SHARE and mixed <= _MAX_MIXED_SHARE
