"""Evidence commands: person, case, import, document, quote, event, ground, search."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dossier import dates, refs, vocabulary
from dossier.cli.common import UserError, emit, open_vault
from dossier.cli.text_input import add_list, add_text
from dossier.cli.types import Adder, SubGroup
from dossier.legal_grounds import CASE_KINDS, NOTICE_TYPES

if TYPE_CHECKING:
    from dossier.export.signing_key import SigningKey
    from dossier.services.quotes import QuoteView
    from dossier.services.vault_access import Vault


# ----------------------------------------------------------------------------- people
def person_add(args: argparse.Namespace) -> int:
    from dossier.services import people

    with open_vault(args) as vault:
        person = people.add_person(
            vault, args.name, native_name=args.native, aliases=args.alias, role=args.role,
            birth_date=args.born, nationality=args.nationality, notes=args.notes or "",
        )  # fmt: skip
    emit(args, {"id": person.ref, **_plain(person)}, f"{person.ref}  {person.name}")
    return 0


def person_list(args: argparse.Namespace) -> int:
    from dossier.services import people

    with open_vault(args) as vault:
        found = people.find_people(vault, args.find) if args.find else None
        listed = [p for p, _ in found] if found is not None else people.list_people(vault)
    lines = [
        f"{p.ref:>5}  {p.name}"
        + (f" ({p.native_name})" if p.native_name else "")
        + (f" — also {', '.join(p.aliases)}" if p.aliases else "")
        for p in listed
    ]
    emit(args, {"people": listed}, "\n".join(lines) or "No people yet.")
    return 0


def person_show(args: argparse.Namespace) -> int:
    from dossier.services import people

    with open_vault(args) as vault:
        person = people.show_person(vault, refs.parse(args.person, "P"))
    text = "\n".join(f"{k}: {v}" for k, v in _plain(person).items() if v not in (None, "", []))
    emit(args, person, text)
    return 0


def person_alias(args: argparse.Namespace) -> int:
    from dossier.services import people

    with open_vault(args) as vault:
        person = people.add_alias(vault, refs.parse(args.person, "P"), args.alias)
    emit(args, person, f"{person.ref} is also known as: {', '.join(person.aliases)}")
    return 0


def person_set(args: argparse.Namespace) -> int:
    from dossier.services import people

    fields = {name: getattr(args, name) for name in vocabulary.PERSON_EDITABLE}
    if all(value is None for value in fields.values()):
        raise UserError("Say what to change, e.g. --birth-place Bishkek.")
    with open_vault(args) as vault:
        person = people.update_person(vault, refs.parse(args.person, "P"), **fields)
    emit(args, person, f"{person.ref} updated.")
    return 0


def person_duplicates(args: argparse.Namespace) -> int:
    from dossier.services import people

    with open_vault(args) as vault:
        pairs = people.likely_duplicates(vault)
    data = [{"first": a.ref, "second": b.ref, "score": round(s, 1)} for a, b, s in pairs]
    lines = [f"{a.ref} {a.name}  ~  {b.ref} {b.name}  ({s:.0f}%)" for a, b, s in pairs]
    emit(args, {"pairs": data}, "\n".join(lines) or "No likely duplicates.")
    return 0


# ------------------------------------------------------------------------------ cases
def case_add(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        case = cases.add_case(
            vault, refs.parse(args.person, "P"), args.kind,
            requesting_country=args.country, notice_type=args.notice,
            notice_reference=args.notice_ref, representative_name=args.representative,
            representative_firm=args.firm, representative_address=args.address,
            representative_bar_number=args.bar_number, summary=args.summary or "",
        )  # fmt: skip
        grounds = cases.grounds(vault, case.id)
    text = f"{case.ref}  {case.kind_title} for {case.person_ref}" + "".join(
        f"\n  {g.ref}  {g.title}" for g in grounds
    )
    emit(args, {"id": case.ref, "case": case, "grounds": grounds}, text)
    return 0


def case_delete(args: argparse.Namespace) -> int:
    from dossier.services import cases

    if not args.yes:
        raise UserError(
            f"Deleting {args.case} removes its grounds, arguments and list of annexes (the "
            "documents stay). Add --yes to delete it."
        )
    with open_vault(args) as vault:
        case = cases.delete_case(vault, refs.parse(args.case, "C"))
    emit(args, case, f"{case.ref} deleted; its documents, quotes and events stay in the vault.")
    return 0


def case_show(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        case = cases.show_case(vault, refs.parse(args.case, "C"))
    declared = cases.declared_particulars(case.kind)
    lines = [f"{case.ref}  {case.kind_title}  ({case.status})"]
    lines += [
        f"  {p.label('en')} [{p.name}]{' (required)' if p.required else ''}: "
        + (case.particulars.get(p.name) or "—")
        for p in declared
    ]
    following = cases.dates_that_follow(case)
    lines += [f"  {d.label('en')}: {dates.shown(d.on.isoformat())}" for d in following]
    data = {
        "id": case.ref, **_plain(case),
        "declared_particulars": [
            {"name": p.name, "label": p.label("en"), "required": p.required} for p in declared
        ],
        "dates_that_follow": [{"what": d.label("en"), "on": d.on.isoformat()} for d in following],
    }  # fmt: skip
    emit(args, data, "\n".join(lines))
    return 0


def case_copy(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        case = cases.copy_case(vault, refs.parse(args.case, "C"), args.kind)
    emit(args, case, f"{case.ref} started from {args.case.upper()}: facts, particulars, the "
         "arguments of the grounds both share and the annexes were copied.")  # fmt: skip
    return 0


def case_list(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        person = refs.parse(args.person, "P") if args.person else None
        listed = cases.list_cases(vault, person)
    lines = [f"{c.ref:>5}  {c.person_ref}  {c.kind_title}  [{c.status}]" for c in listed]
    emit(args, {"cases": listed}, "\n".join(lines) or "No cases yet.")
    return 0


def case_set(args: argparse.Namespace) -> int:
    from dossier.services import cases

    fields = {name: getattr(args, name) for name in vocabulary.CASE_EDITABLE}
    particulars = {}
    for given in args.particular:
        name, equals, value = given.partition("=")
        if not equals or not name.strip():
            raise UserError(
                f'Write a particular as name=value, e.g. a-number=A123456789 (not "{given}").'
            )
        particulars[name.strip()] = value
    if all(value is None for value in fields.values()) and not particulars:
        raise UserError("Say what to change, e.g. --facts-file facts.txt.")
    with open_vault(args) as vault:
        case_id = refs.parse(args.case, "C")
        case = (
            cases.update_case(vault, case_id, **fields)
            if any(value is not None for value in fields.values())
            else cases.show_case(vault, case_id)
        )
        if particulars:
            case = cases.set_particulars(vault, case_id, particulars)
    emit(args, case, f"{case.ref} updated.")
    return 0


# --------------------------------------------------------------------------- documents
def import_command(args: argparse.Namespace) -> int:
    from dossier.services import documents

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty() and name:
            print(f"\r[{done + 1}/{total}] {name[:60]:<60}", end="", file=sys.stderr)

    with open_vault(args) as vault:
        person_ids = [refs.parse(p, "P") for p in args.person]
        report = documents.import_files(
            vault, [Path(p) for p in args.paths], kind=args.kind, person_ids=person_ids,
            password=args.password, accept_suggestions=args.accept, progress=progress,
        )  # fmt: skip
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    lines = [f"{d.ref:>5}  {d.title}  ({d.page_count} p., {d.mime_type})" for d in report.imported]
    lines += [f"  {d.ref}: warning: {w}" for d in report.imported for w in d.warnings]
    lines += [f"  already stored: {already.sentence}" for already in report.already]
    lines += [
        f"  To make {already.ref} evidence of {person} too: dossier document link "
        f"{already.ref} --person {person}"
        for already in report.already
        if not already.linked
        for person in args.person
    ]
    lines += [f"  SKIPPED {name}: {reason}" for name, reason in report.skipped]
    if report.needs_password:
        lines.append("  Give the password of a protected PDF with --password.")
    lines += [
        f"  {d.ref} is a scan: read its text with `dossier ocr {d.ref}`."
        for d in report.imported
        if d.ocr_state == "pending"
    ]
    lines.append(
        f"Imported {len(report.imported)}, already stored {len(report.duplicates)}, "
        f"skipped {len(report.skipped)}."
    )
    data = {
        "imported": [{"id": d.ref, **_plain(d)} for d in report.imported],
        "duplicates": [{"file": n, "id": r} for n, r in report.duplicates],
        "skipped": [{"file": n, "reason": r} for n, r in report.skipped],
    }
    emit(args, data, "\n".join(lines))
    return 0 if report.imported or report.duplicates or not report.skipped else 1


def document_list(args: argparse.Namespace) -> int:
    from dossier.services import documents

    with open_vault(args) as vault:
        person = refs.parse(args.person, "P") if args.person else None
        listed = documents.list_documents(vault, person)
    lines = [f"{d.ref:>5}  {d.date_display or '—':<18} {d.kind:<16} {d.title}" for d in listed]
    emit(args, {"documents": listed}, "\n".join(lines) or "No documents yet.")
    return 0


def document_show(args: argparse.Namespace) -> int:
    from dossier.services import documents

    with open_vault(args) as vault:
        document = documents.show_document(vault, refs.parse(args.document, "D"))
    plain = _plain(document)
    text = "\n".join(f"{k}: {v}" for k, v in plain.items() if v not in (None, "", [], {}))
    emit(args, document, text)
    return 0


def document_text(args: argparse.Namespace) -> int:
    from dossier.services import ocr

    with open_vault(args) as vault:
        pages = ocr.document_text(vault, refs.parse(args.document, "D"))
    blocks = []
    for page in pages:
        origin = (
            f" (read by OCR: {page.engine}, {page.languages}, confidence {page.confidence:.0f}%)"
            if page.origin == "ocr" and page.confidence is not None
            else ""
        )
        blocks.append(f"--- page {page.page}{origin} ---\n{page.text}")
    emit(args, {"pages": pages}, "\n".join(blocks))
    return 0


def ocr_command(args: argparse.Namespace) -> int:
    from dossier.services import ocr

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r[{done}/{total}] pages read", end="", file=sys.stderr)

    with open_vault(args) as vault:
        report = ocr.read_scanned_pages(
            vault, refs.parse(args.document, "D"), args.languages, progress=progress,
            every_page=args.force,
        )  # fmt: skip
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    emit(args, report, report.sentence)
    return 0


def document_accept(args: argparse.Namespace) -> int:
    from dossier.services import documents

    with open_vault(args) as vault:
        document = documents.accept_suggestions(
            vault, refs.parse(args.document, "D"), args.field or None
        )
    emit(args, document, f"{document.ref}: {document.title} ({document.date_display or 'no date'})")
    return 0


def document_set(args: argparse.Namespace) -> int:
    from dossier.services import documents

    fields: dict[str, str | bool | None] = {
        name: getattr(args, name) for name in vocabulary.DOCUMENT_EDITABLE
    }
    if args.confidential is not None:
        fields["confidential"] = args.confidential == "yes"
    with open_vault(args) as vault:
        document = documents.update_document(vault, refs.parse(args.document, "D"), **fields)
        for person in args.person:
            document = documents.link_person(vault, document.id, refs.parse(person, "P"))
    emit(args, document, f"{document.ref} updated.")
    return 0


def document_link(args: argparse.Namespace) -> int:
    from dossier.services import documents

    with open_vault(args) as vault:
        document = documents.show_document(vault, refs.parse(args.document, "D"))
        for person in args.person:
            document = documents.link_person(vault, document.id, refs.parse(person, "P"))
    emit(args, document, f"{document.ref} is evidence of {', '.join(document.people)}.")
    return 0


# ------------------------------------------------------------------------------ quotes
def quote_add(args: argparse.Namespace) -> int:
    from dossier.services import quotes

    with open_vault(args) as vault:
        quote = quotes.add_quote(
            vault, refs.parse(args.document, "D"), args.text, speaker=args.speaker,
            date_said=args.date, translation=args.translation, page=args.page,
            person_ids=[refs.parse(p, "P") for p in args.person],
        )  # fmt: skip
    return _said_quote(args, quote)


def _said_quote(args: argparse.Namespace, quote: QuoteView) -> int:
    """A quote added or changed: where it is, and a warning when its words were not found."""
    text = f"{quote.ref}  {quote.document_ref}" + (f", p. {quote.page}" if quote.page else "")
    if quote.warning:
        text += f"\nwarning: {quote.warning}"
    emit(args, {"id": quote.ref, **_plain(quote), "warning": quote.warning}, text)
    return 0


def quote_set(args: argparse.Namespace) -> int:
    from dossier.services import quotes

    with open_vault(args) as vault:
        quote = quotes.update_quote(
            vault, refs.parse(args.quote, "Q"), text=args.text, speaker=args.speaker,
            date_said=args.date, translation=args.translation, page=args.page,
        )  # fmt: skip
    return _said_quote(args, quote)


def quote_delete(args: argparse.Namespace) -> int:
    from dossier.services import quotes

    quote_id = refs.parse(args.quote, "Q")
    with open_vault(args) as vault:
        if not args.yes:
            sentence = quotes.quote_uses(vault, quote_id).sentence
            if not sys.stdin.isatty():
                raise UserError(f"{sentence} To delete it, add --yes.")
            if input(f"{sentence} [yes/no] ").strip().lower() != "yes":
                emit(args, {"deleted": None}, "Nothing was deleted.")
                return 0
        uses = quotes.delete_quote(vault, quote_id)
    emit(args, {"deleted": uses.quote.ref}, f"{uses.quote.ref} was deleted; its document stays.")
    return 0


def quote_list(args: argparse.Namespace) -> int:
    from dossier.services import quotes

    with open_vault(args) as vault:
        document = refs.parse(args.document, "D") if args.document else None
        listed = quotes.list_quotes(vault, document)
    lines = [
        f"{q.ref:>5}  {q.document_ref}"
        + (f", p. {q.page}" if q.page else "")
        + ("" if q.found_in_document else " (NOT FOUND in document)")
        + f"  “{q.text}”"
        + (f" — {q.speaker}" if q.speaker else "")
        for q in listed
    ]
    emit(args, {"quotes": listed}, "\n".join(lines) or "No quotes yet.")
    return 0


# ------------------------------------------------------------------------------ events
def event_add(args: argparse.Namespace) -> int:
    from dossier.services import events

    with open_vault(args) as vault:
        event = events.add_event(
            vault, refs.parse(args.person, "P"), args.date, args.title, kind=args.kind,
            description=args.description or "", cite=args.cite,
            person_ids=[refs.parse(p, "P") for p in args.also],
        )  # fmt: skip
    emit(
        args,
        {"id": event.ref, **_plain(event)},
        f"{event.ref}  {event.date_display}  {event.title}",
    )
    return 0


def event_list(args: argparse.Namespace) -> int:
    from dossier.services import events

    with open_vault(args) as vault:
        person_id = refs.parse(args.person, "P")
        listed = events.chronology(vault, person_id)
        conflicts = events.date_conflicts(vault, person_id)
    lines = [f"{e.ref:>5}  {e.date_display:<22} {e.title}"
             + (f"  [{'; '.join(c.text for c in e.citations)}]" if e.citations else "")
             for e in listed]  # fmt: skip
    lines += [f"CONFLICT: {c.message}" for c in conflicts]
    data = {"events": listed, "conflicts": [c.message for c in conflicts]}
    emit(args, data, "\n".join(lines) or "No events yet.")
    return 0


# ------------------------------------------------------------------------------ grounds
def event_merge(args: argparse.Namespace) -> int:
    from dossier.services import events

    chosen, other = refs.parse(args.event, "E"), refs.parse(args.other, "E")
    if args.date_from is not None and refs.parse(args.date_from, "E") == other:
        chosen, other = other, chosen  # the account whose date stands is the one kept
    with open_vault(args) as vault:
        merged = events.merge_events(vault, chosen, other, note=args.note)
    emit(args, merged, f"{merged.ref}  {merged.date_display}  {merged.title}\n  {merged.date_note}")
    return 0


def ground_list(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        listed = cases.grounds(vault, refs.parse(args.case, "C"))
    lines = [f"{g.ref:>5}  {g.title}\n       evidence: "
             + (", ".join(g.evidence) if g.evidence else "MISSING — nothing linked yet")
             for g in listed]  # fmt: skip
    emit(args, {"grounds": listed}, "\n".join(lines) or "This kind of case has no grounds.")
    return 0


def ground_set(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        ground = cases.set_argument(vault, refs.parse(args.ground, "G"), args.argument)
    emit(args, ground, f"{ground.ref} updated: the argument has {len(ground.argument)} characters.")
    return 0


def ground_link(args: argparse.Namespace) -> int:
    from dossier.services import cases

    with open_vault(args) as vault:
        ground = None
        for target in args.evidence:
            ground = cases.link_evidence(vault, refs.parse(args.ground, "G"), target)
    assert ground is not None
    emit(args, ground, f"{ground.ref} evidence: {', '.join(ground.evidence)}")
    return 0


# ------------------------------------------------------------------------------ search
def search_command(args: argparse.Namespace) -> int:
    from dossier.i18n import t
    from dossier.search import RANKED_AT_MOST, Searcher

    with open_vault(args) as vault:
        found = Searcher(vault).find(
            args.query,
            person_id=refs.parse(args.person, "P") if args.person else None,
            case_id=refs.parse(args.case, "C") if args.case else None,
            limit=args.limit,
        )
    hits = found.hits
    lines = [
        f"{h.ref:>5}" + (f" p. {h.page}" if h.page else "") + f"  {h.title}\n       {h.snippet}"
        for h in hits
    ]
    if found.many:
        lines.append(
            t(
                "Over {ranked} texts match: the most recently added are shown, newest first. "
                "Add words, or put a phrase in quotes, to narrow the search.",
                ranked=RANKED_AT_MOST,
            )
        )
    elif hits and not found.ranked:
        lines.append(t("The most recently added are shown first."))
    emit(
        args,
        {"results": hits, "many": found.many, "ranked": found.ranked},
        "\n".join(lines) or t("Nothing found."),
    )
    return 0


def _plain(view: object) -> dict[str, object]:
    from dossier.cli.common import to_jsonable

    data = to_jsonable(view)
    assert isinstance(data, dict)
    return data


# ------------------------------------------------------------------------------ parser
def register(add: Adder, add_group: SubGroup) -> None:

    group = add_group("person", "People: add, list, show, aliases, likely duplicates.")
    sub = add("add", person_add, "Add a person.", group=group)
    add_text(sub, "name", "the name as used in filings", positional=True, required=True)
    add_text(sub, "native", "the name in its own script (e.g. Cyrillic)")
    add_list(sub, "alias", "another spelling")
    sub.add_argument("--role", choices=vocabulary.ROLES)
    sub.add_argument("--born", help='date of birth, as precise as known ("1987", "May 1987")')
    sub.add_argument("--nationality")
    add_text(sub, "notes")
    sub = add("list", person_list, "List people (or find them by any spelling).", group=group)
    add_text(sub, "find", "a name in any spelling or script")
    sub = add("show", person_show, "Show one person.", group=group)
    sub.add_argument("person", help="P1")
    sub = add("set", person_set, "Change a person's particulars.", group=group)
    sub.add_argument("person", help="P1")
    add_text(sub, "name", "the name as used in filings")
    add_text(sub, "native-name", "the name in its own script")
    sub.add_argument("--role", choices=vocabulary.ROLES)
    sub.add_argument("--birth-date", help='as precise as known ("1987", "May 1987")')
    add_text(sub, "birth-place")
    sub.add_argument("--nationality")
    add_text(sub, "identity-document", 'e.g. "Passport of the Kyrgyz Republic AC1234567"')
    add_text(sub, "correspondence-address", "where the forum writes to the applicant")
    add_text(sub, "notes")
    sub = add("alias", person_alias, "Add another spelling of a person's name.", group=group)
    sub.add_argument("person", help="P1")
    add_text(sub, "alias", "the other spelling", positional=True, required=True)
    add("duplicates", person_duplicates, "Suggest people entered twice.", group=group)

    group = add_group("case", "Cases: a CCF request, an asylum claim or a general dossier.")
    sub = add("add", case_add, "Open a case for a person.", group=group)
    sub.add_argument("person", help="P1")
    sub.add_argument("--kind", required=True, choices=list(CASE_KINDS))
    sub.add_argument("--country", help="the requesting country")
    sub.add_argument("--notice", choices=NOTICE_TYPES)
    sub.add_argument("--notice-ref", help="the notice's reference")
    sub.add_argument("--representative", help="the representative's name")
    sub.add_argument("--firm")
    sub.add_argument("--address")
    sub.add_argument("--bar-number")
    add_text(sub, "summary")
    sub = add("delete", case_delete, "Delete a case (its documents stay).", group=group)
    sub.add_argument("case", help="C1")
    sub.add_argument("--yes", action="store_true", help="confirm")
    sub = add(
        "copy", case_copy, "Start a case as a copy of another (another forum, the same "
        "person): facts, particulars, shared grounds' arguments, annexes.", group=group,
    )  # fmt: skip
    sub.add_argument("case", help="C2")
    sub.add_argument("--kind", required=True, choices=list(CASE_KINDS))
    sub = add("show", case_show, "Show a case, with the particulars its forum asks for.",
              group=group)  # fmt: skip
    sub.add_argument("case", help="C1")
    sub = add("list", case_list, "List cases.", group=group)
    sub.add_argument("--person", help="only this person's (P1)")
    sub = add("set", case_set, "Change a case's details (long texts from files).", group=group)
    sub.add_argument("case", help="C1")
    sub.add_argument(
        "--particular", action="append", default=[], metavar="NAME=VALUE",
        help="one of the forum's own particulars, e.g. a-number=A123456789 (repeat; "
        "'name=' clears it); `dossier case show` lists those the forum asks for",
    )  # fmt: skip
    sub.add_argument("--status", choices=vocabulary.CASE_STATUSES)
    sub.add_argument("--notice-type", choices=NOTICE_TYPES)
    sub.add_argument(
        "--working-language",
        choices=list(vocabulary.WORKING_LANGUAGES),
        help="the request's language",
    )
    sub.add_argument("--signed-date", help="the date of signature (default: the export day)")
    for name in ("summary", "facts", "arguments", "relief", "notice-reference",
                 "notice-known-how", "requesting-country", "representative-name",
                 "representative-firm", "representative-address", "representative-bar-number",
                 "representative-phone", "representative-email", "signatory-name",
                 "signatory-capacity", "signed-place", "served-on"):  # fmt: skip
        add_text(sub, name)

    sub = add("import", import_command, "Import files and folders as documents (exhibits).")
    sub.add_argument("paths", nargs="+", help="files or folders")
    sub.add_argument("--person", action="append", default=[], help="link to a person (P1)")
    sub.add_argument("--kind", default="other", choices=vocabulary.DOCUMENT_KINDS)
    add_text(sub, "password", "the password of protected PDFs")
    sub.add_argument(
        "--accept",
        action="store_true",
        help="also accept the author, outlet and address found in files (the title and date "
        "found in a file are always used)",
    )

    sub = add(
        "ocr", ocr_command, "Read the text of a document's scanned pages (or photo) with OCR.",
    )  # fmt: skip
    sub.add_argument("document", help="D3")
    sub.add_argument(
        "--languages", help="Tesseract's languages, joined by +: rus, kir, kaz, eng (rus+eng); "
        "by default the document's language, else the one detected",
    )  # fmt: skip
    sub.add_argument(
        "--force", action="store_true",
        help="read every page, even those with text of their own (a scanner's poor reading)",
    )  # fmt: skip

    group = add_group("document", "Documents: list, show, text, accept suggestions, edit.")
    sub = add("list", document_list, "List documents.", group=group)
    sub.add_argument("--person", help="only those linked to P1")
    sub = add("show", document_show, "Show a document's details and suggestions.", group=group)
    sub.add_argument("document", help="D1")
    sub = add(
        "text", document_text, "Print a document's text, page by page, with where it came "
        "from (the file, or OCR).", group=group,
    )  # fmt: skip
    sub.add_argument("document", help="D1")
    sub = add("accept", document_accept, "Accept metadata found in the file.", group=group)
    sub.add_argument("document", help="D1")
    sub.add_argument("field", nargs="*", help="only these (title, author, date_published…)")
    sub = add("link", document_link, "Make a document evidence of another person too (a "
              "file already in the vault is never imported twice).", group=group)  # fmt: skip
    sub.add_argument("document", help="D12")
    sub.add_argument("--person", action="append", required=True, help="P2 (repeat)")
    sub = add("set", document_set, "Edit a document's details.", group=group)
    sub.add_argument("document", help="D1")
    for name in vocabulary.DOCUMENT_EDITABLE:
        if name == "title":
            add_text(sub, "title")
        else:
            sub.add_argument(f"--{name.replace('_', '-')}", dest=name)
    sub.add_argument("--confidential", choices=("yes", "no"))
    sub.add_argument("--person", action="append", default=[], help="link to a person (P1)")

    group = add_group("quote", "Quotes: add (checked against the document), list, change, delete.")
    sub = add("add", quote_add, "Add a quote from a document.", group=group)
    sub.add_argument("document", help="D3")
    add_text(sub, "text", "the exact words", positional=True, required=True)
    add_text(sub, "speaker")
    sub.add_argument("--date", help="when it was said")
    add_text(sub, "translation")
    sub.add_argument("--page", type=int, help="the page, if the text cannot be found")
    sub.add_argument("--person", action="append", default=[], help="a person concerned (P1)")
    sub = add("list", quote_list, "List quotes.", group=group)
    sub.add_argument("--document", help="only from D3")
    sub = add("set", quote_set, "Change a quote (new words are checked against the document "
              "again).", group=group)  # fmt: skip
    sub.add_argument("quote", help="Q2")
    add_text(sub, "text", "the exact words")
    add_text(sub, "speaker")
    sub.add_argument("--date", help="when it was said ('' clears it)")
    add_text(sub, "translation")
    sub.add_argument("--page", type=int, help="the page, if the text cannot be found")
    sub = add("delete", quote_delete, "Delete a quote (its document stays).", group=group)
    sub.add_argument("quote", help="Q2")
    sub.add_argument("--yes", action="store_true", help="do not ask to confirm")

    group = event_group = add_group(
        "event", "Events: the chronology, with partial dates and citations."
    )
    sub = add("add", event_add, "Add a dated event.", group=group)
    sub.add_argument("person", help="P1")
    sub.add_argument("--date", required=True, help='as the source says: "In August 2025"')
    add_text(sub, "title", required=True)
    sub.add_argument("--kind", default="other", choices=vocabulary.EVENT_KINDS)
    add_text(sub, "description")
    sub.add_argument("--cite", action="append", default=[], help="D3:2 (page) or Q4 (repeat)")
    sub.add_argument("--also", action="append", default=[], help="other people involved")
    sub = add("list", event_list, "The chronology, and dates sources disagree on.", group=group)
    sub.add_argument("person", help="P1")

    sub = add("merge", event_merge, "Make two accounts of one event one; say why its date stands.",
              group=event_group)  # fmt: skip
    sub.add_argument("event", help="the account that stands, with its words and date (E3)")
    sub.add_argument("other", help="the other account (E5): its sources join the first")
    sub.add_argument("--date-from", help="E3 or E5: the account that stands, if not the first")
    add_text(sub, "note", "why that date stands (printed as a footnote)", required=True)

    group = add_group("ground", "Legal grounds of a case and the evidence for each.")
    sub = add("list", ground_list, "List a case's grounds and what supports them.", group=group)
    sub.add_argument("case", help="C1")
    sub = add("set", ground_set, "Write a ground's argument (cite as [D3:2] or [Q4]).", group=group)
    sub.add_argument("ground", help="G1")
    add_text(sub, "argument", "the argument, with citations like [D3:2]", required=True)
    sub = add("link", ground_link, "Link evidence to a ground.", group=group)
    sub.add_argument("ground", help="G1")
    sub.add_argument("evidence", nargs="+", help="D3, Q2 or E5")

    sub = add("search", search_command, "Search everything, by any spelling of a name.")
    add_text(
        sub,
        "query",
        "a name or words, in any spelling; a phrase in quotes",
        positional=True,
        required=True,
    )
    sub.add_argument("--person", help="only what concerns P1")
    sub.add_argument("--case", help="only what concerns C1's person")
    sub.add_argument("--limit", type=int, default=20)


# ------------------------------------------------------------------------------ export
def export_command(args: argparse.Namespace) -> int:
    from dossier.export.case_export import export_case, parse_time
    from dossier.i18n import t

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\rExporting… {done}/{total}", end="", file=sys.stderr)

    with open_vault(args) as vault:
        signer = _signing_key(args, vault)
        try:
            result = export_case(
                vault,
                refs.parse(args.case, "C"),
                Path(args.out),
                format=args.format,
                template=args.template,
                paper=args.paper,
                draft=args.draft,
                redact=args.redact,
                at=parse_time(args.at) if args.at else None,
                progress=progress,
                split_mb=args.split_mb,
                sign=signer,
                attach_originals=args.attach_originals,
                pdfa=args.pdfa,
            )
        finally:
            if signer is not None:
                signer.close()  # a token's session ends with the export
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if result.format == "portal":
        text = t(
            "Wrote {count} files for the portal in {folder} ({pages} pages, {annexes} "
            "annexes); upload them in the order of their numbers. The answers to the "
            "portal's form: {answers}",
            count=len(result.files) - 1,
            folder=result.path,
            pages=result.pages,
            annexes=result.exhibits,
            answers=result.files[-1],
        )
        text += "".join(f"\n  {path.name}" for path in result.files[:-1])
    elif len(result.files) > 1:
        text = f"Wrote {len(result.files)} parts: " + ", ".join(str(f) for f in result.files)
        text += f" ({result.pages} pages, {result.exhibits} annexes)."
    else:
        pages = f"{result.pages} pages, " if result.pages else ""
        text = f"Wrote {result.path} ({pages}{result.exhibits} annexes). SHA-256 {result.sha256}"
    if result.fingerprint:
        text += "\n" + t("Bundle fingerprint (on its cover): {digest}", digest=result.fingerprint)
    if result.notes:
        text += "\n" + "\n".join(result.notes)
    if result.problems:
        text += "\nDRAFT — still missing:\n  " + "\n  ".join(result.problems)
    emit(args, result, text)
    return 0


def _signing_key(args: argparse.Namespace, vault: Vault) -> SigningKey | None:
    """The lawyer's certificate (--sign FILE), its password read from a file, never typed on
    the command line (where the shell's history would keep it); or the vault's own."""
    from dossier.errors import DossierError
    from dossier.export.signing_key import load_pkcs12
    from dossier.i18n import t

    chosen = [args.sign, args.sign_with_vault_certificate, args.sign_token]
    if sum(bool(way) for way in chosen) > 1:
        raise DossierError(t("Sign one way: a certificate file, the vault's, or a token."))
    if args.sign_token:
        from dossier.export.signing_key import from_token

        if not (args.key_label and args.pin_file):
            raise DossierError(
                t("To sign with a token, give the label of its key and a file holding its PIN.")
            )
        try:
            pin = Path(args.pin_file).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise DossierError(
                t("The PIN file could not be read: {reason}.", reason=error.strerror or error)
            ) from error
        return from_token(args.sign_token, args.token_label, args.key_label, pin)
    if args.sign_with_vault_certificate:
        from dossier.services import signing_certificates

        return signing_certificates.signing_key(vault)
    if not args.sign:
        if args.sign_password_file:
            raise DossierError(t("A certificate password was given but no certificate to sign."))
        return None
    try:
        data = Path(args.sign).read_bytes()
        password = (
            Path(args.sign_password_file).read_bytes().rstrip(b"\r\n")
            if args.sign_password_file
            else None
        )
    except OSError as error:
        raise DossierError(
            t("The certificate or its password file could not be read: {reason}.",
              reason=error.strerror or error)
        ) from error  # fmt: skip
    return load_pkcs12(data, password)


def certificate_command(args: argparse.Namespace) -> int:
    from dossier.i18n import t
    from dossier.services import signing_certificates

    with open_vault(args) as vault:
        if args.create:
            shown = signing_certificates.create(vault, args.create)
        else:
            found = signing_certificates.current(vault)
            if found is None:
                emit(args, {"certificate": None}, t("This vault has no signing certificate yet."))
                return 1
            shown = found
    text = t(
        "Signing certificate of {name}, made {made}, valid until {until}: self-signed (no "
        "authority vouches for it; a signature made with it shows so). Signatures are made "
        "offline, without a timestamp authority.",
        name=shown.name, made=shown.created_at[:10], until=shown.valid_until,
    )  # fmt: skip
    emit(args, shown, text)
    return 0


def verify_bundle_command(args: argparse.Namespace) -> int:
    """Needs no vault: a receiving clerk, or the lawyer years later, checks the file alone."""
    from dossier.export.verification import in_words, verify_bundle

    check = verify_bundle(Path(args.file))
    emit(args, check, in_words(check))
    return 0 if check.sound else 1


def register_export(add: Adder) -> None:
    sub = add("export", export_command, "Export a case as a PDF bundle or a DOCX narrative.")
    sub.add_argument("case", help="C1")
    sub.add_argument("--format", choices=vocabulary.EXPORT_FORMATS, default="pdf")
    sub.add_argument(
        "--out",
        required=True,
        help="the file to write (--format portal: a new folder; package: a .zip)",
    )
    sub.add_argument("--template", help="ccf-request, asylum-uk, asylum-us, general, or a file")
    sub.add_argument("--paper", choices=("a4", "letter"), help="default: the forum's paper")
    sub.add_argument("--draft", action="store_true", help="export even if fields are missing")
    add_list(sub, "redact", "a name to hide")
    sub.add_argument("--at", help="fix the export time (ISO), for identical re-exports")
    sub.add_argument(
        "--split-mb", type=float, metavar="N",
        help="write parts of at most N MB, named …_Part1.pdf… (ECAS: 25, CE-File: 50)",
    )  # fmt: skip
    sub.add_argument(
        "--attach-originals", action="store_true",
        help="put each annex's original file inside the PDF (pdfdetach extracts them)",
    )  # fmt: skip
    sub.add_argument(
        "--pdfa", action="store_true", help="write PDF/A-3b (archival; signed after, if signed)"
    )
    sub.add_argument("--sign", metavar="FILE", help="sign with this certificate (.p12, .pfx)")
    sub.add_argument(
        "--sign-token", metavar="MODULE",
        help="sign with a smart card or token: its PKCS#11 driver library (opensc-pkcs11.so)",
    )  # fmt: skip
    sub.add_argument("--token-label", help="which token (default: the first)")
    sub.add_argument("--key-label", help="the label of the token's key and certificate")
    sub.add_argument("--pin-file", metavar="FILE", help="a file holding the token's PIN")
    sub.add_argument(
        "--sign-with-vault-certificate", action="store_true",
        help="sign with the self-signed certificate kept in the vault (certificate create)",
    )  # fmt: skip
    made = add(
        "certificate", certificate_command,
        "Make (--create NAME) or show the self-signed signing certificate kept in the vault.",
    )  # fmt: skip
    made.add_argument("--create", metavar="NAME", help="the signer's name, as it is signed")
    check = add(
        "verify-bundle", verify_bundle_command,
        "Check a bundle's signature and fingerprints (no vault needed).",
    )  # fmt: skip
    check.add_argument("file", help="the exported PDF")
    sub.add_argument(
        "--sign-password-file", metavar="FILE", help="a file holding the certificate's password"
    )
