"""Preparing a submission: a case's annexes (exhibit), translations, and the forum's check."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from dossier import refs
from dossier.cli.common import emit, open_vault, to_jsonable
from dossier.cli.text_input import add_text
from dossier.cli.types import Adder, SubGroup

if TYPE_CHECKING:  # the services load only when a command runs (--help stays fast)
    from dossier.services.exhibits import ExhibitEntry


# --------------------------------------------------------------------------- exhibits
def _annex_lines(entries: list[ExhibitEntry]) -> str:
    lines: list[str] = []
    section: str | None = None
    for entry in entries:
        if entry.section != section and entry.section:
            lines.append(entry.section)
        section = entry.section
        indent = "    " if entry.section else "  "
        lines.append(f"{indent}{entry.position:>3}. {entry.document_ref:>5}  {entry.title}")
    return "\n".join(lines) or "This case has no annexes yet: add them with `dossier exhibit add`."


def exhibit_list(args: argparse.Namespace) -> int:
    from dossier.services import exhibits

    with open_vault(args) as vault:
        entries = exhibits.list_exhibits(vault, refs.parse(args.case, "C"))
    emit(args, {"exhibits": entries}, _annex_lines(entries))
    return 0


def exhibit_add(args: argparse.Namespace) -> int:
    from dossier.services import exhibits

    with open_vault(args) as vault:
        entries = exhibits.add_exhibit(
            vault,
            refs.parse(args.case, "C"),
            refs.parse(args.document, "D"),
            section=args.section,
            position=args.position,
        )
    emit(args, {"exhibits": entries}, _annex_lines(entries))
    return 0


def exhibit_remove(args: argparse.Namespace) -> int:
    from dossier.services import exhibits

    with open_vault(args) as vault:
        entries = exhibits.remove_exhibit(
            vault, refs.parse(args.case, "C"), refs.parse(args.document, "D")
        )
    emit(args, {"exhibits": entries}, _annex_lines(entries))
    return 0


def exhibit_move(args: argparse.Namespace) -> int:
    from dossier.services import exhibits

    with open_vault(args) as vault:
        entries = exhibits.move_exhibit(
            vault, refs.parse(args.case, "C"), refs.parse(args.document, "D"), args.position
        )
    emit(args, {"exhibits": entries}, _annex_lines(entries))
    return 0


# ----------------------------------------------------------------------- translations
def translation_add(args: argparse.Namespace) -> int:
    from dossier.services import translations

    with open_vault(args) as vault:
        added = translations.add_translation(
            vault,
            refs.parse(args.document, "D"),
            language=args.language,
            text=args.text,
            translator=args.translator,
            translator_address=args.translator_address,
            translator_phone=args.translator_phone,
            qualifications=args.qualifications,
            date=args.date,
            certification=args.certification,
        )
    emit(
        args,
        added,
        f"{added.ref}  {added.language_name} translation of {added.document_ref} "
        f"({len(added.text)} characters)",
    )
    return 0


def translation_list(args: argparse.Namespace) -> int:
    from dossier.services import translations

    with open_vault(args) as vault:
        listed = translations.list_translations(vault, refs.parse(args.document, "D"))
    lines = [
        f"{t.ref:>5}  {t.language_name}, {len(t.text)} characters"
        + (f", by {t.translator}" if t.translator else ", translator not named")
        for t in listed
    ]
    emit(args, {"translations": listed}, "\n".join(lines) or "No translations yet.")
    return 0


def translation_remove(args: argparse.Namespace) -> int:
    from dossier.services import translations

    with open_vault(args) as vault:
        translations.remove_translation(vault, refs.parse(args.translation, "T"))
    emit(args, {"removed": args.translation}, f"{args.translation} removed.")
    return 0


# ------------------------------------------------------------------------ the check
def check_command(args: argparse.Namespace) -> int:
    from dossier.export import preflight, templates
    from dossier.services import cases

    with open_vault(args) as vault:
        case_id = refs.parse(args.case, "C")
        template = templates.for_case(cases.show_case(vault, case_id).kind, args.template)
        report = preflight.check(vault, case_id, template, paper=args.paper)
    marks = {preflight.MET: "✓", preflight.MISSING: "✗", preflight.WARN: "!"}
    lines = [f"{report.forum_name} — {template.title}"]
    lines += [f"  {marks[item.status]} {item.message}" for item in report.items]
    lines.append(
        "Ready to file." if report.ready else f"Not ready: {len(report.blocking)} missing."
    )
    emit(args, {"ready": report.ready, **to_jsonable(report)}, "\n".join(lines))
    return 0 if report.ready else 1


def register(add: Adder, add_group: SubGroup) -> None:
    sub = add("check", check_command, "Check a case against its forum's requirements.")
    sub.add_argument("case", help="C1")
    sub.add_argument("--template", help="check for this template instead of the case's own")
    sub.add_argument("--paper", choices=("a4", "letter"), help="the paper to export on")

    group = add_group("exhibit", "The annexes of a case: which documents, in which order.")
    sub = add("list", exhibit_list, "List a case's annexes in order.", group=group)
    sub.add_argument("case", help="C1")
    sub = add("add", exhibit_add, "Annex a document to a case.", group=group)
    sub.add_argument("case", help="C1")
    sub.add_argument("document", help="D3")
    sub.add_argument("--section", help='a section of the bundle, e.g. "B. Country evidence"')
    sub.add_argument("--position", type=int, help="its number in the list (default: last)")
    sub = add("remove", exhibit_remove, "Take a document out of a case's annexes.", group=group)
    sub.add_argument("case", help="C1")
    sub.add_argument("document", help="D3")
    sub = add("move", exhibit_move, "Move an annex to another place.", group=group)
    sub.add_argument("case", help="C1")
    sub.add_argument("document", help="D3")
    sub.add_argument("--position", type=int, required=True, help="its new number in the list")

    group = add_group("translation", "Translations of documents, with the translator's details.")
    sub = add("add", translation_add, "Add a translation of a document.", group=group)
    sub.add_argument("document", help="D3")
    sub.add_argument("--language", required=True, help="the translation's language: en, fr…")
    add_text(sub, "text", "the translation", required=True)
    sub.add_argument("--file", dest="text__file", metavar="FILE", help="same as --text-file")
    add_text(sub, "translator", "the translator's full name")
    add_text(sub, "translator-address")
    sub.add_argument("--translator-phone")
    add_text(sub, "qualifications", "e.g. 'MA Translation, member of the CIOL'")
    sub.add_argument("--date", help="the date of the translation")
    add_text(sub, "certification", "a signature line, if the translation is certified")
    sub = add("list", translation_list, "List a document's translations.", group=group)
    sub.add_argument("document", help="D3")
    sub = add("remove", translation_remove, "Remove a translation.", group=group)
    sub.add_argument("translation", help="T2")
