"""A saved web article typeset as an annex: the article, not the page around it.

Text saved from a news site often ends with the site's own lists ("Latest news", "Read also")
and carries markdown from the extractor (``**bold**``, ``[2015](#)``). The annex shows the
article with its emphasis and link texts, and says in a closing note what it left out; the
original file is kept and fingerprinted unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Headings of a site's own lists, in the languages of this app's sources.
_CHROME_HEADINGS = re.compile(
    r"^\s*(latest news|read also|read more|related( articles| news)?|more news|most read|"
    r"popular|последние новости|читайте также|похожие (новости|статьи)|популярное|"
    r"акыркы жаңылыктар|соңғы жаңалықтар)\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"^\s*([-*•–—]|\d+[.)])\s+\S")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True)
class Article:
    text: str  # the article, markdown still in it (see ``markup``)
    left_out: str | None  # the heading of the site list that was left out
    left_out_lines: int


def without_site_lists(text: str) -> Article:
    """The text without a site's list of other headlines at its end."""
    lines = text.rstrip().split("\n")
    for index, line in enumerate(lines):
        if not _CHROME_HEADINGS.match(line):
            continue
        rest = [item for item in lines[index + 1 :] if item.strip()]
        # Only a heading followed by nothing but short list lines, to the end, is a site list.
        if rest and all(_LIST_LINE.match(item) and len(item) <= 200 for item in rest):
            kept = "\n".join(lines[:index]).rstrip()
            return Article(kept, line.strip().rstrip(":"), len(rest))
    return Article(text, None, 0)


def markup(block: str) -> str:
    """One paragraph of article text as reportlab markup: markdown rendered, never literal."""
    heading = _HEADING.match(block)
    if heading and "\n" not in block.strip():
        return f"<b>{_inline(heading.group(1))}</b>"
    return "<br/>".join(_inline(line) for line in block.split("\n"))


def _inline(text: str) -> str:
    # Links keep their text ("[2015](#)" → "2015"); an address worth keeping is shown after.
    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        if target.startswith(("http://", "https://")) and target != label:
            return f"{label} ({target})" if label else target
        return label

    text = _LINK.sub(link, text)
    text = escape(text)
    text = _BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", text)
    return _ITALIC.sub(lambda m: f"<i>{m.group(1)}</i>", text)
