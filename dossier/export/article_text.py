"""A saved web article typeset as an annex: the article, not the page around it.

Text saved from a news site often ends with the site's own lists ("Latest news", "Read also")
and carries markdown from the extractor (``**bold**``, ``[2015](#)``). The annex shows the
article with its emphasis and link texts, and says in a closing note what it left out; the
original file is kept and fingerprinted unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

# Headings of a site's own lists, in the languages of this app's sources.
_CHROME_HEADINGS = re.compile(
    r"^\s*(latest news|read also|read more|related( articles| news)?|more news|most read|"
    r"popular|последние новости|читайте также|похожие (новости|статьи)|популярное|"
    r"акыркы жаңылыктар|соңғы жаңалықтар)\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"^\s*([-*•–—]|\d+[.)])\s+\S")
_EMPHASIS_MARK = re.compile(r"\*{1,3}|__")
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


# Tracking wrappers mail and chat put around every link ("safe links"): the address they
# lead to is in their query. Shown as that address, the annex is read as the page was.
_WRAPPED = re.compile(
    r"https?://(?:[a-z0-9-]+\.)*(?:safelinks\.protection\.outlook\.com|google\.com/url)"
    r"/?\?[^\s<>()\[\]\"']+",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^\s*(?:[-*•]\s*)?<?https?://\S+>?\s*$")
_FOLD_AT = 4  # this many lines of bare addresses in a row are set as one paragraph


@dataclass(frozen=True)
class Links:
    text: str
    unwrapped: int  # tracking links shown as the address they lead to
    folded: int  # lines of bare addresses set as one paragraph


def tidy_links(text: str) -> Links:
    """Tracking links shown as their target; long runs of bare addresses (a mail's footer, a
    page's link list) set as one paragraph instead of a page of them."""
    unwrapped = 0

    def target(match: re.Match[str]) -> str:
        nonlocal unwrapped
        query = parse_qs(urlsplit(match.group(0)).query)
        found = (query.get("url") or query.get("q") or [""])[0]
        if not found.startswith(("http://", "https://")):
            return match.group(0)
        unwrapped += 1
        return found

    text = _WRAPPED.sub(target, text)
    lines, out, folded = text.split("\n"), [], 0
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _URL_ONLY.match(lines[end]):
            end += 1
        if end - index >= _FOLD_AT:
            addresses = [line.strip().lstrip("-*• ").strip("<>") for line in lines[index:end]]
            out.append(" · ".join(addresses))
            folded += end - index
            index = end
            continue
        out.append(lines[index])
        index += 1
    return Links("\n".join(out), unwrapped, folded)


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

    return _emphasis(escape(_LINK.sub(link, text)))


def _emphasis(text: str) -> str:
    """``**bold**``, ``__bold__`` and ``*italic*`` as tags that always nest: a mark that would
    close across another (``**a *b** c*``) stays a literal mark, and so does one never closed.
    reportlab refuses crossed tags, and a hostile file must not stop the export."""
    parts: list[str] = []
    opened: list[tuple[str, int]] = []  # each open mark and where it stands in ``parts``
    position = 0
    for match in _EMPHASIS_MARK.finditer(text):
        parts.append(text[position : match.start()])
        position = match.end()
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        found = match.group()
        if found == "***":  # bold and italic at once: close the inner first, or open both
            inner = opened[-1][0] if opened and opened[-1][0] in ("*", "**") else "**"
            marks = [inner, "*" if inner == "**" else "**"]
        else:
            marks = [found]
        for mark in marks:
            tag = "i" if mark == "*" else "b"
            inside_word = mark != "**" and (before.isalnum() or after.isalnum())
            if (
                opened
                and opened[-1][0] == mark
                and not before.isspace()
                and not (mark == "__" and after.isalnum())
            ):
                parts[opened.pop()[1]] = f"<{tag}>"
                parts.append(f"</{tag}>")
            elif not after.isspace() and not (inside_word and before.isalnum()):
                opened.append((mark, len(parts)))
                parts.append(mark)
            else:
                parts.append(mark)
    parts.append(text[position:])
    return "".join(parts)
