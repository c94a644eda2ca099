"""`dossier about`: the program's version and every bundled part with its licence."""

from __future__ import annotations

import argparse

from dossier.cli.common import emit
from dossier.cli.types import Adder


def cmd_about(args: argparse.Namespace) -> int:
    from dossier import about

    if args.licences:
        print(about.notices(), end="")
        return 0
    parts = about.components()
    lines = [f"Evidence Dossier {about.version()}, Apache License 2.0. It bundles:"]
    lines += about.listing(parts, indent="  ")
    lines.append("Licence texts: dossier about --licences")
    data = {
        "version": about.version(),
        "components": [
            {"name": p.name, "version": p.version, "licence": p.licence, "inside": p.inside}
            for p in parts
        ],
    }
    emit(args, data, "\n".join(lines))
    return 0


def register(add: Adder) -> None:
    sub = add("about", cmd_about, "the version, and every bundled part with its licence")
    sub.add_argument("--licences", action="store_true", help="print the full licence texts as well")
