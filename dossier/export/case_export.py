"""Exporting a case to a PDF bundle or a DOCX submission, recorded in the custody log.

The renderers never see the vault: they read evidence through ``Originals`` only.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dossier import refs
from dossier.errors import DossierError
from dossier.export import preflight, templates
from dossier.export.content import VaultOriginals, gather
from dossier.export.separate_process import RenderJob, preload, render, render_in_child
from dossier.i18n import t
from dossier.services.cases import show_case
from dossier.services.exports_in_progress import exporting_into
from dossier.vocabulary import EXPORT_FORMATS
from storage.vault import Vault

FORMATS = EXPORT_FORMATS


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    pages: int | None  # PDF only
    exhibits: int
    sha256: str
    problems: list[str]  # what the forum's check found missing (a draft goes through)
    files: list[Path]  # the file written, or its parts in order (--split-mb)


def parse_time(text: str) -> datetime:
    """--at: an ISO time ("2025-11-20T10:00:00Z"); naive times are taken as UTC."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError) as error:  # 9999-12-31T23:59:59-14:00 is past year 9999
        raise DossierError(f'"{text}" is not a time like 2025-11-20T10:00:00Z.') from error


def export_case(
    vault: Vault,
    case_id: int,
    out: Path,
    *,
    format: str = "pdf",
    template: str | None = None,
    paper: str | None = None,
    draft: bool = False,
    redact: list[str] | None = None,
    at: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    split_mb: float | None = None,
    separate_process: bool = False,
) -> ExportResult:
    """Check, render and record an export. ``separate_process``: render in a child process
    (the window does, so that its thread never waits for the PDF library)."""
    if format not in FORMATS:
        raise DossierError(f'"{format}" is not an export format: pdf or docx.')
    if split_mb is not None and not (math.isfinite(split_mb) and split_mb > 0):
        raise DossierError("A part must be allowed some size: give a number of MB above 0.")
    if paper not in (None, "a4", "letter"):
        raise DossierError(f'"{paper}" is not a paper size: a4 or letter.')
    out = Path(out)
    if not out.parent.is_dir():
        raise DossierError(
            t("The folder {folder} does not exist; nothing was written.", folder=out.parent)
        )
    if not os_access_writable(out.parent):
        raise DossierError(
            t("The folder {folder} cannot be written to; nothing was written.", folder=out.parent)
        )
    case = show_case(vault, case_id)
    chosen = templates.for_case(case.kind, template)
    moment = (at or datetime.now(UTC)).replace(microsecond=0)
    content = gather(vault, case_id, chosen, export_time=moment, draft=draft, redact=redact)
    paper = paper or chosen.paper
    report = preflight.check_gathered(vault, content, paper)
    if report.blocking and not draft:
        raise preflight.NotReady(report)
    if format == "docx" and split_mb is not None:
        raise DossierError("Only a PDF bundle can be split into parts.")
    job = RenderJob(content, out, format, paper, split_mb)
    with exporting_into(vault, out.parent):  # a part a kill leaves is swept at next unlock
        if separate_process:
            loaded = preload(VaultOriginals(vault), content, cancelled)
            rendered = render_in_child(loaded, job, progress, cancelled)
        else:
            rendered = render(VaultOriginals(vault), job, progress, cancelled)
    pages, digest, files = rendered.pages, rendered.sha256, rendered.files
    with vault.transaction() as session:
        vault.record_custody(
            session,
            "exported",
            refs.make("C", case_id),
            {
                "format": format,
                "files": [path.name for path in files],
                "template": chosen.id,
                "sha256": digest,
                "exhibits": [e.document.ref for e in content.exhibits],
                "draft": draft,
                "at": moment.isoformat(),
            },
        )
    problems = [item.message for item in report.blocking]
    return ExportResult(out, format, pages, len(content.exhibits), digest, problems, files)


def os_access_writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK)
