"""Dates as sources give them: exact, partial, approximate, uncertain, open or closed intervals.

Stored as EDTF (Library of Congress, level 1) strings, parsed and bounded with the ``edtf``
library; written back the way a lawyer writes them. No day is ever invented.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.errors import BadDate

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH_NAMES = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES |= {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES["sept"] = 9
_RU_MONTHS = [
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
]  # fmt: skip

_APPROX = re.compile(
    r"^(?:c\.?|ca\.?|circa|around|about|approx\.?|approximately|около|ок\.)\s*(.+)$"
)
_SINCE = re.compile(r"^(?:since|from|after|с)\s+(.+)$")
_UNTIL = re.compile(r"^(?:until|till|up to|before|до)\s+(.+)$")
_RANGE = re.compile(r"^(.+?)\s*(?:–|—|-|/|\bto\b|\buntil\b|\band\b|\bи\b|\bпо\b)\s*(.+)$")
_BETWEEN = re.compile(r"^(?:between|между)\s+(.+)$")
_FROM_TO = re.compile(r"^(?:from|с|со)\s+(.+?)\s+(?:to|until|till|по|до)\s+(.+)$")
# "28–29 May 2025", "28-29 мая 2025"; "May 28–29, 2025"
_DAYS_FIRST = re.compile(r"^(\d{1,2})\s*[–—-]\s*(\d{1,2})\s+(\S+\s+\d{4})(?:\s+г(?:\.|ода)?)?$")
_MONTH_FIRST = re.compile(r"^([^\W\d]+)\s+(\d{1,2})\s*[–—-]\s*(\d{1,2}),?\s+(\d{4})$")


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in _MONTH_NAMES:
        return _MONTH_NAMES[word]
    for index, stem in enumerate(_RU_MONTHS):
        if word.startswith(stem) and (index != 4 or word in ("май", "мая", "мае")):
            return index + 1
    return None


def _single(text: str) -> str | None:
    """One point in time (no interval) as EDTF, or None."""
    text = text.strip().strip(",").strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|XXXX-\d{2}(-\d{2})?|\d{4}-XX-\d{2}", text):
        return text
    if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):  # 30.10.2025
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    words = re.findall(r"[^\s,]+", text)
    day = month = year = None
    for word in words:
        if re.fullmatch(r"\d{4}", word):
            year = int(word)
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", word):
            day = int(re.sub(r"\D", "", word))
        elif (number := _month(word)) is not None:
            month = number
        elif word.lower() not in ("of", "г.", "г", "года", "год", "году", "in", "on"):
            return None
    if month is None:
        return f"{year:04d}" if year is not None and day is None else None
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return f"{prefix}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _days(first: str, last: str, month: str | None) -> str | None:
    """Days of one month: "28–29 May 2025" → 2025-05-28/2025-05-29."""
    if month is None or len(month) != 7 or "X" in month:
        return None
    return f"{month}-{int(first):02d}/{month}-{int(last):02d}"


def _interval(start_text: str, end_text: str) -> str | None:
    """Two points; a start without its year takes the end's ("28 May – 2 June 2025")."""
    end = _single(end_text)
    if re.fullmatch(r"\d{1,2}", start_text.strip()) and end and len(end) == 10:
        return _days(start_text, end[8:], end[:7])  # "с 28 по 29 мая 2025"
    start = _single(start_text)
    if not (start and end):
        return None
    if start.startswith("XXXX") and not end.startswith("XXXX"):
        year = int(end[:4])
        if len(start) >= 7 and len(end) >= 7 and start[5:7] > end[5:7]:
            year -= 1  # "28 December – 3 January 2026" began the year before
        start = f"{year:04d}" + start[4:]
    return f"{start}/{end}"


def to_edtf(text: str) -> str:
    """A date as written ("On October 30", "c. 2021", "since 2020") to EDTF; raises BadDate."""
    raw = text
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"^(?:on|in|в|во)\s+", "", text, flags=re.IGNORECASE)
    lowered = text.lower()
    result: str | None
    if match := _DAYS_FIRST.match(lowered):
        first, last, month_year = match.groups()
        result = _days(first, last, _single(month_year))
    elif match := _MONTH_FIRST.match(lowered):
        month, first, last, year = match.groups()
        result = _days(first, last, _single(f"{month} {year}"))
    elif match := _FROM_TO.match(lowered):
        result = _interval(match.group(1), match.group(2))
    elif match := _APPROX.match(lowered):
        inner = _single(match.group(1))
        result = inner + "~" if inner else None
    elif lowered.endswith("?") and (inner := _single(text[:-1])):
        result = inner + "?"
    elif match := _SINCE.match(lowered):
        inner = _single(match.group(1))
        result = f"{inner}/.." if inner else None
    elif match := _UNTIL.match(lowered):
        inner = _single(match.group(1))
        result = f"../{inner}" if inner else None
    elif (single := _single(text)) is not None:
        result = single
    else:
        body = _BETWEEN.sub(r"\1", lowered)
        match = _RANGE.match(body)
        result = None
        if match:
            result = _interval(match.group(1), match.group(2))
    if result is None:
        result = raw.strip()  # perhaps EDTF already ("2021~", "2020/..")
    plain = is_calendar_date(result)
    if plain is not None:
        if not plain:
            raise BadDate(raw)
        return result
    from edtf import parse_edtf  # its grammar is built on import: 0.025 s (see bounds)
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parse_edtf(result)
    except (EDTFParseException, ValueError) as error:
        raise BadDate(raw) from error
    if "XXXX" not in result:
        bounds(result)  # rejects impossible dates such as 2025-02-30
    return result


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_calendar_date(text: str) -> bool | None:
    """Whether "2024", "2024-05" or "2024-05-01" is a real date; None for any other form.

    Checked by the calendar, not by the EDTF grammar: its parser took 11 ms a date, a sixth
    of importing a PDF (whose own date is such a plain one)."""
    match = _PLAIN_DATE.fullmatch(text)
    if match is None or match.group(1) == "0000":
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Bounds:
    earliest: str  # ISO date, or "" when open
    latest: str


@lru_cache(maxsize=4096)
def bounds(edtf_text: str) -> Bounds:
    plain = _plain_bounds(edtf_text)
    if plain is not None:
        return plain
    # Loaded only for a date that is more than a plain year, month or day: building its
    # grammar on import took 0.025 s of every program start and every export's child.
    from edtf import parse_edtf

    parsed = parse_edtf(edtf_text)

    def iso(value: object) -> str:
        try:
            st = value.timetuple() if hasattr(value, "timetuple") else value
            year, month, day = st[0], st[1], st[2]  # type: ignore[index]
        except (TypeError, AttributeError, IndexError):
            return ""
        if year <= 0 or year >= 9999:
            return ""
        return f"{year:04d}-{month:02d}-{day:02d}"

    try:
        low = iso(parsed.lower_strict())
    except (AttributeError, TypeError, ValueError):
        low = ""
    try:
        high = iso(parsed.upper_strict())
    except (AttributeError, TypeError, ValueError):
        high = ""
    return Bounds(low, high)


def _plain_bounds(text: str) -> Bounds | None:
    """The bounds of a plain year, month or day ("2025", "2025-03", "2025-03-14") as the EDTF
    parser gives them, without it: its grammar is built on first use (0.04 s, in every export
    and every window), and most dates are plain. None: leave it to the parser."""
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    if not 0 < year < 9999 or month == 0 or day == 0:
        return None
    try:
        first = datetime.date(year, month or 1, day or 1)
        if day is not None:
            last = first
        elif month is not None:
            last = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(1)
        else:
            last = datetime.date(year, 12, 31)
    except (ValueError, OverflowError):
        return None
    return Bounds(first.isoformat(), last.isoformat())


def sort_key(edtf_text: str) -> str:
    """Sorts chronologically by earliest possible day; a less precise date after a precise one.

    "2025" sorts before "2025-01-01" would be wrong to claim, so ties are broken by precision:
    the more precise (shorter range) first. Dates with an unknown year sort last.
    """
    limits = bounds(edtf_text)
    if not limits.earliest:
        return "9999-99-99|" + edtf_text
    return f"{limits.earliest}|{limits.latest or '9999-12-31'}"


@dataclass(frozen=True)
class _Words:
    """How one language writes dates: month names (alone, and after a day or "since"), and
    the words around them."""

    months: tuple[str, ...]  # "August 2025"; Russian: "август 2025"
    months_of: tuple[str, ...]  # "30 October 2025", "since August 2025"; "30 октября 2025"
    since: str = "since {date}"
    until: str = "until {date}"
    circa: str = "c. "
    uncertain: str = " (uncertain)"
    year_unknown: str = " (year unknown)"


_ENGLISH = _Words(tuple(MONTHS), tuple(MONTHS))
_WORDS = {
    "en": _ENGLISH,
    "ru": _Words(
        months=(
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь",
        ),
        months_of=(
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря",
        ),
        since="с {date}",
        until="до {date}",
        circa="ок. ",
        uncertain=" (не точно)",
        year_unknown=" (год неизвестен)",
    ),
}  # fmt: skip


def _display_single(text: str, words: _Words, *, after_word: bool = False) -> str:
    qualifier = ""
    if text.endswith("~") or text.endswith("%"):
        qualifier, text = words.circa, text.rstrip("~%")
    uncertain = text.endswith("?")
    text = text.rstrip("?")
    parts = text.split("-")
    year = "" if parts[0] == "XXXX" else parts[0]
    if len(parts) == 1:
        out = year
    else:
        if parts[1] == "XX":
            month = ""
        elif len(parts) == 2 and not after_word:
            month = words.months[int(parts[1]) - 1]
        else:
            month = words.months_of[int(parts[1]) - 1]
        if len(parts) == 2:
            out = f"{month} {year}".strip() if year else month + words.year_unknown
        else:
            day = str(int(parts[2]))
            out = f"{day} {month} {year}".strip() if year else f"{day} {month}" + words.year_unknown
    return qualifier + out + (words.uncertain if uncertain else "")


def display(edtf_text: str, months: list[str] | tuple[str, ...] = MONTHS) -> str:
    """As a lawyer writes it: "30 October 2025", "August 2025", "c. 2021", "since 2020".

    ``months`` gives the month names of another language (an export template's).
    """
    return _display(edtf_text, _Words(tuple(months), tuple(months)))


def shown(edtf_text: str) -> str:
    """``display`` in the language the person reads (the window's): "30 октября 2025"."""
    from dossier import i18n

    return _display(edtf_text, _WORDS.get(i18n.language(), _ENGLISH))


def _display(edtf_text: str, words: _Words) -> str:
    if "/" in edtf_text:
        start, end = edtf_text.split("/", 1)
        if end in ("..", ""):
            return words.since.format(date=_display_single(start, words, after_word=True))
        if start in ("..", ""):
            return words.until.format(date=_display_single(end, words, after_word=True))
        plain = re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", end
        )
        if plain and start[:7] == end[:7]:  # "28–29 May 2025"
            return f"{int(start[8:])}–{_display_single(end, words)}"
        if plain and start[:4] == end[:4]:  # "28 May – 2 June 2025"
            first = _display_single(start, words).rsplit(" ", 1)[0]
            return f"{first} – {_display_single(end, words)}"
        return f"{_display_single(start, words)} – {_display_single(end, words)}"
    return _display_single(edtf_text, words)


def precision(edtf_text: str) -> str:
    """ "day", "month", "year" or "interval" — what the source actually told us."""
    if "/" in edtf_text:
        return "interval"
    core = edtf_text.rstrip("~?%")
    return {1: "year", 2: "month", 3: "day"}[len(core.split("-"))]


def with_year(edtf_text: str, year: int) -> str:
    """Fill an unknown year ("In August", said in an article of 2025) with the given one."""
    return edtf_text.replace("XXXX", f"{year:04d}")
