"""A filing made through a forum's online portal (the CCF's, since 26 March 2026).

The portal takes the request and each supporting document as files of their own, and asks the
rest in a form. So the set written is: the request, then each annex (with its translations and
their certificates) as a file named for what it is, every file checked against the portal's
size limit, and ``portal-answers.txt`` — the answer to each field of the form, ready to paste.

What a portal asks is the forum's data (the "portal" of its rule file): the size limit, the
names of the files, the form's fields and where each answer comes from. A forum that opens a
portal gains this export by data alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier import forums
from dossier.export import submission
from dossier.export.content import DossierContent, Exhibit
from dossier.export.finishing import Published
from dossier.i18n import t
from dossier.names import file_safe

ANSWERS_FILE = "portal-answers.txt"


@dataclass(frozen=True)
class Portal:
    forum_name: str
    since: str
    file_limit_mb: float
    limit_published: bool  # False: the figure is our assumption (the portal does not say)
    limit_note: str
    files: dict[str, dict[str, str]]  # "request" or an annex kind → its name per language
    answers: tuple[dict[str, Any], ...]  # the form's fields: a label per language, a value


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    what: str  # in words: "the request", "Annex 3 (Decision of the court)"
    pages: int
    size: int
    sha256: str


def portal_of(forum: str) -> Portal | None:
    """The forum's portal, or None for a forum that takes no filing through one."""
    rules = forums.rules_of(forum)
    data = rules.get("portal")
    if not isinstance(data, dict):
        return None
    return Portal(
        forum_name=str(rules.get("name", forum)),
        since=str(data.get("since", "")),
        file_limit_mb=float(data["file_limit_mb"]),
        limit_published=bool(data.get("limit_published", False)),
        limit_note=str(data.get("limit_note", "")),
        files={str(k): {str(a): str(b) for a, b in v.items()} for k, v in data["files"].items()},
        answers=tuple(data.get("answers", ())),
    )


def _word(words: dict[str, str], language: str) -> str:
    return words.get(language) or words.get("en") or next(iter(words.values()))


def file_names(portal: Portal, content: DossierContent) -> list[str]:
    """The files in the order they are uploaded: "01_Request.pdf", "02_Identity_document_
    Annex_1.pdf", "04_Annex_3_Decision_of_the_Oktyabrsky_District_Court.pdf"…"""
    language = content.template.language
    width = max(2, len(str(len(content.exhibits) + 1)))
    stems = [_word(portal.files["request"], language)]
    for exhibit in content.exhibits:
        what = portal.files.get(exhibit.document.kind)
        if what is not None:
            stems.append(f"{_word(what, language)} {exhibit.label}")
        else:
            stems.append(f"{exhibit.label} {content.redact(_title(content, exhibit))}")
    return [f"{number:0{width}d}_{file_safe(stem)}.pdf" for number, stem in enumerate(stems, 1)]


def described(content: DossierContent) -> list[str]:
    """Each file of the set in words, in the same order as ``file_names``."""
    return [t("the request")] + [
        f"{exhibit.label} ({content.redact(_title(content, exhibit))})"
        for exhibit in content.exhibits
    ]


def _title(content: DossierContent, exhibit: Exhibit) -> str:
    """The annex's title in the filing's language where the lawyer gave one."""
    document = exhibit.document
    translated = (document.title_translated or "").strip()
    if translated and document.language not in (None, content.template.language):
        return translated
    return document.title


def read_written(
    published: list[Published], parts: list[Path], what: list[str], pages: list[int]
) -> list[WrittenFile]:
    """Each file of the set as it will be published (``parts``: where it is written now)."""
    return [
        WrittenFile(item.path, said, count, part.stat().st_size, item.sha256)
        for item, part, said, count in zip(published, parts, what, pages, strict=True)
    ]


def too_large(portal: Portal, written: list[WrittenFile]) -> list[str]:
    """A sentence for each file over the portal's limit, naming what it holds."""
    limit = portal.file_limit_mb * 1_000_000
    said = []
    for index, item in enumerate(written):
        if item.size <= limit:
            continue
        fix = (
            t("Check the portal's own limit before uploading it.")
            if index == 0  # the request: its words, no scan to make smaller
            else t(
                "Scan it again at a lower resolution, or split it into two annexes, and "
                "export again."
            )
        )
        said.append(
            t(
                "{what} is {size} MB, over the {limit} MB a file the portal is taken to "
                "accept ({file}).",
                what=item.what[:1].upper() + item.what[1:],
                size=_size(item.size),
                limit=f"{portal.file_limit_mb:g}",
                file=item.path.name,
            )
            + " "
            + fix
        )
    return said


def _size(size: int) -> str:
    """In MB: "1.1", "0.05" — never "0.0" for a file that has pages."""
    return f"{size / 1_000_000:.1f}" if size >= 1_000_000 else f"{size / 1_000_000:.2f}"


def answers_text(portal: Portal, content: DossierContent, written: list[WrittenFile]) -> str:
    """The portal form's answers, field by field, in the filing's language."""
    template = content.template
    language = template.language
    prepared = content.date(content.export_time.date().isoformat())
    lines = [
        template.word("portal.heading", forum=portal.forum_name),
        template.word("portal.intro", prepared=prepared),
        "",
    ]
    for field in portal.answers:
        label = _word({str(k): str(v) for k, v in field["label"].items()}, language)
        value = _value(str(field["value"]), content, written)
        lines += [f"[{label}]", value.strip() or template.word("portal.not_entered"), ""]
    if not portal.limit_published:
        lines += [template.word("portal.limit_assumed", limit=f"{portal.file_limit_mb:g}"), ""]
    return "\n".join(lines)


def _value(name: str, content: DossierContent, written: list[WrittenFile]) -> str:
    """An answer: one of the values every portal may ask ("request", "notice",
    "representative", "files", "fingerprint"), a particular ("particular.a-number"), or a
    field of the case or the person ("case.summary", "person.nationality")."""
    template, case, person = content.template, content.case, content.person
    if name == "request":
        return template.request_kind.get(case.kind, case.kind_title)
    if name == "notice":
        if not case.notice_type:
            return ""
        kind = template.word(f"notice.{case.notice_type}")
        return f"{kind}, {case.notice_reference}" if case.notice_reference else kind
    if name == "representative":
        parts = [
            case.representative_name,
            case.representative_firm,
            case.representative_address,
            case.representative_phone,
            case.representative_email,
            case.representative_bar_number
            and f"{template.word('field.bar_number')}: {case.representative_bar_number}",
        ]
        return content.redact("\n".join(part for part in parts if part))
    if name == "fingerprint":
        return " ".join(submission.fingerprint_lines(content.fingerprint))
    if name == "files":
        return "\n".join(
            template.word(
                "portal.file_line",
                number=number,
                file=item.path.name,
                pages=item.pages,
                size=_size(item.size),
                sha256=item.sha256,
            )
            for number, item in enumerate(written, 1)
        )
    if name == "person.birth_date":
        return content.date(person.birth_date_edtf)
    if name == "person.aliases":
        return content.redact("; ".join(person.aliases))
    owner, _, attribute = name.partition(".")
    if owner == "particular":
        return content.redact(case.particulars.get(attribute, ""))
    value = getattr(case if owner == "case" else person, attribute, None)
    if owner == "case" and attribute in ("summary", "facts", "relief", "arguments"):
        return submission.printed_text(content, str(value or ""))
    return content.redact(str(value or ""))
