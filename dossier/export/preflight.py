"""The forum's check before filing: every requirement met, missing or worth a look.

The requirements are data (resources/forums/<forum>/forum.json, with the rules they come
from); this module only knows how to test each kind of requirement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossier import forums, i18n
from dossier.errors import DossierError
from dossier.export.content import DossierContent
from dossier.export.gathering import gather
from dossier.export.submission import build, country_passages, printed_references, web_address
from dossier.export.templates import Template
from dossier.i18n import t
from dossier.language_guess import NO_WORDS
from dossier.services import events
from storage.vault import Vault

MET, MISSING, WARN = "met", "missing", "warn"


@dataclass(frozen=True)
class Item:
    status: str  # met, missing, warn
    required: bool
    what: str  # the requirement, in the forum's words
    detail: str  # what was found (empty when met)
    fix: str  # how to meet it

    @property
    def message(self) -> str:
        what = t(self.what)
        what = what[:1].upper() + what[1:]
        if self.status == MET:
            return t("{what}: done.", what=what)
        return f"{what}: {self.detail} {t(self.fix)}".strip()


@dataclass(frozen=True)
class Report:
    forum: str
    forum_name: str
    source: str
    items: list[Item]

    @property
    def blocking(self) -> list[Item]:
        return [item for item in self.items if item.status == MISSING and item.required]

    @property
    def ready(self) -> bool:
        return not self.blocking


class NotReady(DossierError):
    def __init__(self, report: Report) -> None:
        lines = "\n  ".join(item.message for item in report.blocking)
        super().__init__(
            t(
                "This submission is not ready for the {forum}; nothing was written. Still "
                "missing:\n  {lines}\nExport a draft to see it as it stands (every page is "
                "marked DRAFT).",
                forum=t(report.forum_name),
                lines=lines,
            )
        )
        self.report = report


def _rules(forum: str) -> dict[str, Any]:
    return forums.rules_of(forum)


def check(vault: Vault, case_id: int, template: Template, *, paper: str | None = None) -> Report:
    from datetime import UTC, datetime

    content = gather(vault, case_id, template, export_time=datetime.now(UTC), draft=True)
    return check_gathered(vault, content, paper or template.paper)


def check_gathered(vault: Vault, content: DossierContent, paper: str) -> Report:
    """The check of a case already gathered for export (not gathered twice)."""
    conflicts = len(events.date_conflicts(vault, content.person.id))
    return evaluate(content, paper, conflicts)


def evaluate(content: DossierContent, paper: str, date_conflicts: int = 0) -> Report:
    rules = _rules(content.template.forum)
    items = []
    for rule in rules["rules"]:
        if not _applies(rule, content):
            continue
        detail = _CHECKS[rule["check"]](rule, content, paper, date_conflicts)
        required = rule.get("level", "required") == "required"
        status = MET if not detail else (MISSING if required else WARN)
        items.append(Item(status, required, rule["what"], detail, rule["fix"] if detail else ""))
    return Report(rules["forum"], rules["name"], rules.get("source", ""), items)


def _applies(rule: dict[str, Any], content: DossierContent) -> bool:
    """Whether a rule of the forum's data applies to this case: "kinds" (only these kinds of
    case), "when"/"unless" "represented"."""
    kinds = rule.get("kinds")
    if kinds and content.case.kind not in kinds:
        return False
    represented = content.case.represented
    if rule.get("when") == "represented" and not represented:
        return False
    return not (rule.get("unless") == "represented" and represented)


# Each check returns "" when met, else a sentence saying what is missing.
def _field(rule: dict[str, Any], content: DossierContent, _paper: str, _conflicts: int) -> str:
    owner, _, name = rule["path"].partition(".")
    value = getattr(content.case if owner == "case" else content.person, name, None)
    return "" if value and str(value).strip() else t("not entered.")


def _working_language(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    if content.template.language in rule["languages"]:
        return ""
    return t("the template is in {language}.", language=content.template.language)


def _annex_kind(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    if any(e.document.kind == rule["kind"] for e in content.exhibits):
        return ""
    return t("no annex of this kind.")


def _other_clients(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """An annex that is evidence of someone else (linked to other people, not to this case's
    person): in a vault of many clients, one may enter a case by a slip of the reference."""
    strangers = [
        e.label
        for e in content.exhibits
        if e.document.people and content.person.ref not in e.document.people
    ]
    if not strangers:
        return ""
    return t(
        "{labels} belong to the evidence of another person, not of {name}.",
        labels=", ".join(strangers),
        name=content.person.name,
    )


def _translations(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    accepted = set(rule["languages"])
    lacking: list[str] = []
    unknown: list[str] = []
    for exhibit in content.exhibits:
        language = exhibit.document.language
        # A photograph too: its words (a sign, a summons held up) need translating like any
        # others'; one without words is said so by the lawyer ("No words"), never assumed.
        if language in accepted | {NO_WORDS}:
            continue
        if any(t.language in accepted for t in exhibit.translations):
            continue
        (lacking if language else unknown).append(exhibit.label)
    parts = []
    if lacking:
        parts.append(t("not translated: {labels}.", labels=", ".join(lacking)))
    if unknown:
        parts.append(
            t(
                "language not set: {labels}. Set it in the document's details, or confirm "
                "there that it is in a working language (or has no words).",
                labels=", ".join(unknown),
            )
        )
    return " ".join(parts)


def _particulars(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """The particulars the forum declares as required (its data), each by its label."""
    declared = forums.particulars(content.template.forum, content.case.kind)
    given = content.case.particulars
    missing = [p.label(i18n.language()) for p in declared if p.required and not given.get(p.name)]
    return t("not entered: {names}.", names=", ".join(missing)) if missing else ""


def _deadlines(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """A deadline the forum's rules set from the case's dates, passed or close."""
    today = content.export_time.date()
    soon = int(rule.get("warn_days", 14))
    said = []
    for following in forums.dates_that_follow(
        content.template.forum, content.case.kind, content.case.particulars
    ):
        if not following.deadline or (following.on - today).days > soon:
            continue
        what, on = following.label(i18n.language()), content.date(following.on.isoformat())
        if following.on < today:
            said.append(t("{what}: passed on {date}.", what=what, date=on))
        else:
            said.append(t("{what}: {date}.", what=what, date=on))
    return " ".join(said)


def _signed_and_dated(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """The pleading ends signed (a name) and dated with a whole date, neither after the day
    it is filed (the export's) nor more than "max_days_old" before it. No date given: it is
    dated the export day."""
    case, today = content.case, content.export_time.date()
    said = []
    if not (case.signatory_name or case.representative_name):
        said.append(t("no one is named to sign it."))
    if case.signed_date:
        shown = content.date(case.signed_date)
        try:
            signed = date.fromisoformat(case.signed_date)
        except ValueError:
            signed = None
        if signed is None:
            said.append(t("it is dated {date}, without a day.", date=shown))
        elif signed > today:
            said.append(t("it is dated {date}, after the day it is filed.", date=shown))
        elif (today - signed).days > int(rule.get("max_days_old", 28)):
            said.append(
                t(
                    "it is dated {date}, {days} days before it is filed.",
                    date=shown,
                    days=(today - signed).days,
                )
            )
    return " ".join(said)


def _country_sources(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """Each source of the schedule of country evidence has a web address to link to."""
    sources = {exhibit.label: exhibit for exhibit, _quote in country_passages(content)}
    missing = [
        label for label, exhibit in sources.items() if web_address(exhibit.document.url) is None
    ]
    if not missing:
        return ""
    return t("no web address for {annexes}.", annexes=", ".join(missing))


def _index_titles(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """An annex in another language is named in the filing's own in the list of annexes."""
    language = content.template.language
    lacking = [
        exhibit.label
        for exhibit in content.exhibits
        if exhibit.document.language not in (None, language, NO_WORDS)
        and not (exhibit.document.title_translated or "").strip()
    ]
    if not lacking:
        return ""
    return t(
        "no title in the language of the filing ({language}): {labels}.",
        language=language,
        labels=", ".join(lacking),
    )


def _quote_translations(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """Quotes the pleading shows from a source in another language need their translation."""
    accepted = set(rule["languages"])
    languages = {e.document.ref: e.document.language for e in content.exhibits}
    # A quote from a source whose language is unknown is asked for too: the check cannot
    # tell that it is in a working language.
    shown = {ref for ground in content.grounds for ref in ground.evidence if ref.startswith("Q")}
    lacking = sorted(
        ref
        for ref in shown
        if (quote := content.quotes.get(ref)) is not None
        and quote.document_ref in languages
        and languages[quote.document_ref] not in accepted | {NO_WORDS}
        and not (quote.translation or "").strip()
    )
    return t("no translation: {refs}.", refs=", ".join(lacking)) if lacking else ""


def _translator_particulars(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    missing = []
    for exhibit in content.exhibits:
        for translation in exhibit.translations:
            if not all(getattr(translation, name) for name in rule["fields"]):
                missing.append(f"{exhibit.label} ({translation.language_name})")
    return t("incomplete for {items}.", items=", ".join(missing)) if missing else ""


def _annexes(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    return "" if content.exhibits else t("the case has no annexes.")


def _grounds(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    argued = [g for g in content.grounds if g.argument.strip() or g.evidence]
    if content.grounds and not argued:
        return t("no ground has an argument or evidence yet.")
    return ""


def _grounds_argued(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """The grounds the forum names ("codes") each have the lawyer's argument written."""
    by_code = {g.code: g for g in content.grounds}
    titles = dict(_ground_titles())
    not_argued, absent = [], []
    for code in rule["codes"]:
        ground = by_code.get(code)
        if ground is None:
            absent.append(t(titles.get(code, code)))
        elif not ground.argument.strip():
            not_argued.append(t(ground.title))
    said = []
    if not_argued:
        said.append(t("not argued: {titles}.", titles="; ".join(not_argued)))
    if absent:
        said.append(
            t(
                "not among this case's grounds (the case was opened before the forum asked "
                "for them; start a new case from it): {titles}.",
                titles="; ".join(absent),
            )
        )
    return " ".join(said)


def _ground_titles() -> list[tuple[str, str]]:
    from dossier import legal_grounds

    return [
        (ground.code, ground.title)
        for _title, grounds in legal_grounds.case_kinds().values()
        for ground in grounds
    ]


def _grounds_left_out(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    empty = [g.title for g in content.grounds if not (g.argument.strip() or g.evidence)]
    if not empty:
        return ""
    return t(
        "left out of a final export, having no argument or evidence: {titles}.",
        titles="; ".join(empty),
    )


def _text_layer(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """Annexes with scanned pages not (yet) read by OCR: the court cannot search them."""
    scans = [e.label for e in content.exhibits if e.document.ocr_state in ("pending", "failed")]
    return t("no text: {labels}.", labels=", ".join(scans)) if scans else ""


def _file_size(rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    """An estimate from the annexes' own sizes: an e-filing system refuses larger files."""
    estimate = sum(e.document.size for e in content.exhibits) / 1_000_000
    if estimate <= rule["max_mb"] * 0.9:
        return ""
    return t(
        "the annexes alone come to about {size} MB, over the {limit} MB a file may have.",
        size=f"{estimate:.0f}",
        limit=rule["max_mb"],
    )


def _citations(_rule: dict[str, Any], content: DossierContent, _p: str, _c: int) -> str:
    submission = build(content)
    unresolved = sorted(set(submission.unresolved))
    printed = printed_references(submission)
    if printed:  # a reference typed without its brackets would reach the filing as it is
        said = t(
            "references of this program would be printed as they are: {refs} (write them "
            "in square brackets, [D3:2], to cite the annex).",
            refs=", ".join(printed),
        )
        return " ".join([said, _unresolved(unresolved, content)]).strip()
    return _unresolved(unresolved, content)


def _unresolved(unresolved: list[str], content: DossierContent) -> str:
    if not unresolved:
        return ""
    # An event cited that is not in this person's chronology is another person's (or gone).
    events = [ref for ref in unresolved if ref.startswith("E")]
    said = [t("not annexed: {refs}.", refs=", ".join(r for r in unresolved if r not in events))]
    if events:
        said.append(
            t(
                "not events of {name} (another person's, or deleted): {refs}.",
                name=content.person.name,
                refs=", ".join(events),
            )
        )
    return " ".join(said[0 if len(events) < len(unresolved) else 1 :])


def _date_conflicts(
    _rule: dict[str, Any], _content: DossierContent, _paper: str, conflicts: int
) -> str:
    if not conflicts:
        return ""
    return t("pairs of events in the chronology: {count}.", count=conflicts)


def _paper(rule: dict[str, Any], _content: DossierContent, paper: str, _conflicts: int) -> str:
    return "" if paper == rule["size"] else t("the export is set to {paper}.", paper=paper)


def _skeleton_length(rule: dict[str, Any], content: DossierContent, paper: str, _c: int) -> str:
    """The pleading's pages (from its first part to its signature) laid out as filed."""
    from dossier.export.pdf.bundle import PAPER
    from dossier.export.pdf.narrative import build as lay_out

    template = content.template
    too_small = template.font_size < rule["min_size"]
    too_tight = template.leading < template.font_size * rule["min_spacing"] - 0.01
    if too_small or too_tight:
        return t(
            "the template sets {size} pt type with {spacing} line spacing.",
            size=f"{template.font_size:g}",
            spacing=f"{template.leading / template.font_size:.2g}",
        )
    headings = lay_out(build(content), PAPER[paper]).headings
    titles = [h.title for h in headings if h.level == 0]
    start_title, end_title = template.word(rule["from"]), template.word(rule["to"])
    if start_title not in titles or end_title not in titles:
        return ""
    tops = [h for h in headings if h.level == 0]
    start = next(h.page for h in tops if h.title == start_title)
    end_index = next(i for i, h in enumerate(tops) if h.title == end_title)
    end = tops[end_index].page
    if end_index + 1 < len(tops):
        end = max(end, tops[end_index + 1].page - 1)
    pages = end - start + 1
    if pages <= rule["max_pages"]:
        return ""
    return t(
        "it runs to {pages} pages; the limit is {limit}.", pages=pages, limit=rule["max_pages"]
    )


_CHECKS: dict[str, Callable[[dict[str, Any], DossierContent, str, int], str]] = {
    "field": _field,
    "working_language": _working_language,
    "index_titles": _index_titles,
    "particulars": _particulars,
    "deadlines": _deadlines,
    "signed_and_dated": _signed_and_dated,
    "grounds_argued": _grounds_argued,
    "country_sources": _country_sources,
    "annex_kind": _annex_kind,
    "other_clients": _other_clients,
    "translations": _translations,
    "translator_particulars": _translator_particulars,
    "quote_translations": _quote_translations,
    "grounds_left_out": _grounds_left_out,
    "text_layer": _text_layer,
    "file_size": _file_size,
    "annexes": _annexes,
    "grounds": _grounds,
    "citations": _citations,
    "date_conflicts": _date_conflicts,
    "paper": _paper,
    "skeleton_length": _skeleton_length,
}
