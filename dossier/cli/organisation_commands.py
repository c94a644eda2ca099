"""Organisations: add, list, show, their people and documents."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from dossier import refs, vocabulary
from dossier.cli.common import emit, open_vault
from dossier.cli.text_input import add_text
from dossier.cli.types import Adder, SubGroup

if TYPE_CHECKING:  # the services load only when a command runs (--help stays fast)
    from dossier.services.organisations import OrganisationView


def _describe(organisation: OrganisationView) -> str:
    lines = [f"{organisation.ref}  {organisation.name} ({organisation.kind})"]
    lines += [
        f"  {m.person_ref}  {m.name}" + (f", {m.role}" if m.role else "")
        for m in organisation.people
    ]
    if organisation.documents:
        lines.append("  documents: " + ", ".join(organisation.documents))
    return "\n".join(lines)


def organisation_add(args: argparse.Namespace) -> int:
    from dossier.services import organisations

    with open_vault(args) as vault:
        added = organisations.add_organisation(
            vault, args.name, args.kind, args.country, args.notes or ""
        )
    emit(args, added, _describe(added))
    return 0


def organisation_list(args: argparse.Namespace) -> int:
    from dossier.services import organisations

    with open_vault(args) as vault:
        person = refs.parse(args.person, "P") if args.person else None
        listed = organisations.list_organisations(vault, person)
    emit(args, {"organisations": listed}, "\n".join(map(_describe, listed)) or "None yet.")
    return 0


def organisation_show(args: argparse.Namespace) -> int:
    from dossier.services import organisations

    with open_vault(args) as vault:
        shown = organisations.show_organisation(vault, refs.parse(args.organisation, "O"))
    emit(args, shown, _describe(shown))
    return 0


def organisation_member(args: argparse.Namespace) -> int:
    from dossier.services import organisations

    with open_vault(args) as vault:
        changed = organisations.add_member(
            vault, refs.parse(args.organisation, "O"), refs.parse(args.person, "P"), args.role
        )
    emit(args, changed, _describe(changed))
    return 0


def organisation_document(args: argparse.Namespace) -> int:
    from dossier.services import organisations

    with open_vault(args) as vault:
        changed = organisations.link_document(
            vault, refs.parse(args.organisation, "O"), refs.parse(args.document, "D")
        )
    emit(args, changed, _describe(changed))
    return 0


def register(add: Adder, add_group: SubGroup) -> None:
    group = add_group("organisation", "Organisations (Kloop, an NGO, a court) and their people.")
    sub = add("add", organisation_add, "Add an organisation.", group=group)
    add_text(sub, "name", "its name", positional=True, required=True)
    sub.add_argument("--kind", choices=vocabulary.ORGANISATION_KINDS, default="other")
    sub.add_argument("--country")
    add_text(sub, "notes")
    sub = add("list", organisation_list, "List organisations.", group=group)
    sub.add_argument("--person", help="only those P1 belongs to")
    sub = add("show", organisation_show, "Show an organisation.", group=group)
    sub.add_argument("organisation", help="O1")
    sub = add("member", organisation_member, "Add a person to an organisation.", group=group)
    sub.add_argument("organisation", help="O1")
    sub.add_argument("person", help="P1")
    sub.add_argument("--role", help='e.g. "journalist", "co-founder"')
    sub = add("document", organisation_document, "Link a document to it.", group=group)
    sub.add_argument("organisation", help="O1")
    sub.add_argument("document", help="D3")
