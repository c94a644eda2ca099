"""What a forum declares as data, beside its template: the requirements of its rules and the
particulars its filings carry (an appeal number, an A-number, the Immigration Judge…).

A forum's file (resources/forums/<forum>/forum.json) lists its particulars: a name, a
label in each language, whether the forum requires it, where the filing prints it. A case keeps
their values by name, so a forum gains a particular by a line of data, never a migration.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dossier import resources


@dataclass(frozen=True)
class Particular:
    name: str  # "a-number": how the case keeps it, and how `--particular` names it
    labels: dict[str, str]  # its label per language
    required: bool
    printed: str | None  # "cover": printed on the cover's table; None: kept, not printed
    kinds: tuple[str, ...]  # the case kinds it is asked for (empty: every kind of the forum)
    # A mark the cover carries at its top when the value is one of "when" ("DETAINED").
    banner: dict[str, Any] | None = None

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.name

    def banner_for(self, value: str | None, language: str) -> str | None:
        """The mark to print for this value, in ``language``; None when there is none."""
        if not self.banner or (value or "").strip().casefold() not in self.banner["when"]:
            return None
        words: dict[str, str] = self.banner["label"]
        return words.get(language) or words.get("en")


def rules_of(forum: str) -> dict[str, Any]:
    """A forum's file (the general one for a forum without its own)."""
    path = resources.FORUMS / forum / resources.FORUM_FILE
    if not path.is_file():
        path = resources.FORUMS / "general" / resources.FORUM_FILE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def particulars(forum: str, case_kind: str) -> list[Particular]:
    """The particulars a forum declares for a kind of case, in the order it lists them."""
    found = []
    for item in rules_of(forum).get("particulars", []):
        kinds = tuple(item.get("kinds", ()))
        if kinds and case_kind not in kinds:
            continue
        found.append(
            Particular(
                name=str(item["name"]),
                labels={str(k): str(v) for k, v in item["label"].items()},
                required=bool(item.get("required", False)),
                printed=item.get("printed"),
                kinds=kinds,
                banner=item.get("banner"),
            )
        )
    return found


@dataclass(frozen=True)
class FilingParts:
    """How a forum's e-filing system takes a bundle: in parts of at most ``split_mb`` MB
    (ECAS: 25), each named after ``file_name`` ("{surname}_Brief" → Duulatov_Brief_Part1)."""

    split_mb: float | None
    file_name: str | None

    def suggested_name(self, person_name: str) -> str | None:
        """The file name the forum expects for this person's filing, without extension."""
        if not self.file_name:
            return None
        from dossier.names import file_safe

        words = person_name.split()
        surname = file_safe(words[-1] if words else "")
        return file_safe(self.file_name.format(surname=surname, name=person_name))


def filing_parts(forum: str) -> FilingParts:
    data = rules_of(forum).get("parts", {})
    split = data.get("split_mb")
    return FilingParts(float(split) if split else None, data.get("file_name"))


@dataclass(frozen=True)
class FollowingDate:
    """A date a forum's rules set from one the case records (a deadline, a time limit)."""

    labels: dict[str, str]
    on: date
    deadline: bool = False  # a date by which the lawyer must act (the check warns of it)

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or ""


def dates_that_follow(forum: str, case_kind: str, given: dict[str, str]) -> list[FollowingDate]:
    """The dates a forum's rules set from the dates the case records, as its rule file
    declares them ("dates": from a particular, so many days or months later). A date not
    given, or given without its day, sets nothing."""
    from dossier import dates
    from dossier.errors import DossierError

    found = []
    for item in rules_of(forum).get("dates", []):
        kinds = tuple(item.get("kinds", ()))
        if kinds and case_kind not in kinds:
            continue
        text = given.get(str(item["from"]), "")
        try:
            start = date.fromisoformat(dates.to_edtf(text)) if text else None
        except (DossierError, ValueError):
            start = None  # a partial date ("March 2026"): no day to count from
        if start is None:
            continue
        on = _later(start, int(item.get("days", 0)), int(item.get("months", 0)))
        labels = {str(k): str(v) for k, v in item["label"].items()}
        found.append(FollowingDate(labels, on, bool(item.get("deadline", False))))
    return found


def _later(start: date, days: int, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=days)
