"""Text taken from a file, made safe to keep, show and file.

A file may come from the persecuting state: its title can be 5,000 characters (no page can
hold it), its subject line can carry control characters (a Word file cannot hold them; a
terminal obeys ESC sequences in them). What enters the vault from a file, and what a renderer
writes, goes through here.
"""

from __future__ import annotations

import re

# C0 and C1 controls but tab and line breaks; lone surrogates; the two non-characters XML
# refuses. None of them is text a person wrote.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")

TITLE_LIMIT = 300  # characters: a long title still fits the list of annexes on one page
FIELD_LIMIT = 500  # an author, an outlet, a sender


def without_controls(text: str) -> str:
    """``text`` with what is not text removed (tabs and line breaks kept)."""
    return _NOT_TEXT.sub("", text)


def one_line(text: str, limit: int = FIELD_LIMIT) -> str:
    """A title-like value: no controls, one line, at most ``limit`` characters (cut at a
    word, marked with an ellipsis)."""
    flat = _SPACES.sub(" ", without_controls(text)).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"
