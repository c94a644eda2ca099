"""Exporting a case to a PDF bundle or a DOCX submission, recorded in the custody log.

The renderers never see the vault: they read evidence through ``Originals`` only.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dossier import forums, refs
from dossier.errors import DossierError
from dossier.export import finishing, portal, preflight, templates
from dossier.export.content import DossierContent
from dossier.export.gathering import VaultOriginals, gather
from dossier.export.output import (
    Unpublished,
    discard,
    new_owner,
    publish,
    write_unpublished,
)
from dossier.export.separate_process import (
    Rendered,
    RenderJob,
    preload,
    render,
    render_in_child,
)
from dossier.export.signing_key import SigningKey
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
    files: list[Path]  # the file written, or its parts in order (--split-mb), or the set
    # What the lawyer must know of what was written (a file too large for the portal).
    notes: list[str] = field(default_factory=list)
    fingerprint: str = ""  # the bundle's, printed on its cover (PDF and portal)


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
    sign: SigningKey | None = None,
    attach_originals: bool = False,
    pdfa: bool = False,
) -> ExportResult:
    """Check, render, finish and record an export. ``separate_process``: render in a child
    process (the window does, so that its thread never waits for the PDF library). ``sign``:
    the key that signs the submission (see signing), in this process, never in the child."""
    if format not in FORMATS:
        raise DossierError(
            t('"{format}" is not an export format: pdf, docx, portal or package.', format=format)
        )
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
    if format != "pdf" and split_mb is not None:
        raise DossierError(t("Only a PDF bundle can be split into parts."))
    asked = _Asked(
        vault, case_id, content, chosen, paper, report, progress, cancelled, separate_process,
        sign, attach_originals, pdfa,
    )  # fmt: skip
    if format == "package":
        return _export_package(asked, out)
    if format == "pdf" and split_mb is None:
        # A forum whose e-filing takes files up to a size (ECAS: 25 MB) gets parts of it
        # when the bundle is larger; one file when it is not.
        split_mb = forums.filing_parts(chosen.forum).split_mb
    if format == "docx" and sign is not None:
        raise DossierError(t("Only a PDF can be signed: export the PDF bundle to sign it."))
    notes: list[str] = []
    if format == "portal":
        return _export_portal_set(asked, out)
    if format == "docx" and pdfa:
        raise DossierError(t("A Word file cannot be PDF/A: export the PDF bundle."))
    if format == "docx" and attach_originals:
        raise DossierError(
            t("Originals can be attached to a PDF only: export the PDF bundle to attach them.")
        )
    job = RenderJob(
        content, out, format, paper, split_mb, owner=new_owner(),
        attach_originals=attach_originals, pdfa=pdfa,
    )  # fmt: skip
    with exporting_into(vault, out.parent):  # a part a kill leaves is swept at next unlock
        rendered = _render(vault, job, progress, cancelled, separate_process)
        content.fingerprint = rendered.fingerprint  # the child's, whose layout it is
        steps = _steps(rendered, content, sign)
        published = finishing.finish_and_publish(rendered.parts, steps)
    files = [item.path for item in published]
    digest = published[0].sha256
    fingerprints = {item.path.name: item.sha256 for item in published} if len(files) > 1 else None
    _record(vault, case_id, format, files, chosen.id, digest, content, draft, moment, fingerprints)
    problems = [item.message for item in report.blocking]
    return ExportResult(
        out, format, rendered.pages, len(content.exhibits), digest, problems, files, notes,
        rendered.fingerprint,
    )  # fmt: skip


def _steps(
    rendered: Rendered, content: DossierContent, sign: SigningKey | None
) -> list[finishing.Step]:
    """What finishes the rendered files before they are published, in order."""
    steps: list[finishing.Step] = []
    if sign is not None:
        from dossier.export import signing

        steps.append(
            signing.signing_step(
                sign,
                rendered.signature,
                content.export_time,
                signing.Words.of(content.template),
                location=content.case.signed_place,
            )
        )
    return steps


def _render(
    vault: Vault,
    job: RenderJob,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    separate_process: bool,
) -> Rendered:
    """The export's files, written unpublished (in a child process for the window)."""
    if separate_process:
        source = VaultOriginals(vault)
        loaded = preload(source, job.content, cancelled, job.attach_originals, lazily=True)
        return render_in_child(loaded, job, progress, cancelled, source)
    return render(VaultOriginals(vault), job, progress, cancelled)


def _record(
    vault: Vault,
    case_id: int,
    format: str,
    files: list[Path],
    template_id: str,
    digest: str,
    content: DossierContent,
    draft: bool,
    moment: datetime,
    fingerprints: dict[str, str] | None = None,
) -> None:
    with vault.transaction() as session:
        vault.record_custody(
            session,
            "exported",
            refs.make("C", case_id),
            {
                "format": format,
                "files": [path.name for path in files],
                "template": template_id,
                "sha256": digest,
                **({"file_sha256": fingerprints} if fingerprints else {}),
                "exhibits": [e.document.ref for e in content.exhibits],
                "draft": draft,
                "at": moment.isoformat(),
            },
        )


@dataclass(frozen=True)
class _Asked:
    """An export as asked and checked, handed to the ways of writing it (portal, package)."""

    vault: Vault
    case_id: int
    content: DossierContent
    chosen: templates.Template
    paper: str
    report: preflight.Report
    progress: Callable[[int, int], None] | None
    cancelled: Callable[[], bool] | None
    separate_process: bool
    sign: SigningKey | None
    attach_originals: bool
    pdfa: bool


def _export_portal_set(asked: _Asked, folder: Path) -> ExportResult:
    """The portal's set in a new (or empty) folder: the request, each annex, the answers."""
    vault, case_id, content, chosen = asked.vault, asked.case_id, asked.content, asked.chosen
    paper, report, progress, cancelled = asked.paper, asked.report, asked.progress, asked.cancelled
    separate_process, sign = asked.separate_process, asked.sign
    attach_originals, pdfa = asked.attach_originals, asked.pdfa
    forum_portal = portal.portal_of(chosen.forum)
    if forum_portal is None:
        raise DossierError(
            t(
                "{forum} takes no filing through an online portal: export a PDF bundle.",
                forum=report.forum_name,
            )
        )
    made = _portal_folder(folder)
    names = portal.file_names(forum_portal, content)
    job = RenderJob(
        content, folder, "portal", paper, None, tuple(names), owner=new_owner(),
        attach_originals=attach_originals, pdfa=pdfa,
    )  # fmt: skip
    try:
        with exporting_into(vault, folder):  # a part a kill leaves is swept at next unlock
            rendered = _render(vault, job, progress, cancelled, separate_process)
            content.fingerprint = rendered.fingerprint  # the child's, whose layout it is
            published = finishing.finish(rendered.parts, _steps(rendered, content, sign))
            written = portal.read_written(
                published, [item.part for item in rendered.parts], portal.described(content),
                rendered.file_pages,
            )  # fmt: skip
            said = portal.answers_text(forum_portal, content, written)
            answers = _answers_part(folder, job.owner, said)
            publish([*rendered.parts, answers])
    except BaseException:
        if made and not any(folder.iterdir()):
            folder.rmdir()  # nothing of this export is left, not even its folder
        raise
    files = [*(item.path for item in published), answers.target]
    fingerprints = {item.path.name: item.sha256 for item in published}
    _record(
        vault, case_id, "portal", files, chosen.id, published[0].sha256, content,
        content.draft, content.export_time, fingerprints,
    )  # fmt: skip
    problems = [item.message for item in report.blocking]
    return ExportResult(
        folder, "portal", rendered.pages, len(content.exhibits), published[0].sha256,
        problems, files, portal.too_large(forum_portal, written), rendered.fingerprint,
    )  # fmt: skip


def _export_package(asked: _Asked, out: Path) -> ExportResult:
    """The evidence package (see package): the bundle is rendered and finished as for a PDF
    export, then goes into the ZIP; only the ZIP is published."""
    vault, case_id, content, chosen = asked.vault, asked.case_id, asked.content, asked.chosen
    paper, report, progress, cancelled = asked.paper, asked.report, asked.progress, asked.cancelled
    separate_process, sign, pdfa = asked.separate_process, asked.sign, asked.pdfa
    from dossier.export import package
    from dossier.services.vault_admin import custody_log, details_in_words

    owner = new_owner()
    bundle_name = f"{out.stem}.pdf"
    job = RenderJob(content, out.parent / bundle_name, "pdf", paper, None, owner=owner, pdfa=pdfa)
    refs_wanted = {exhibit.document.ref for exhibit in content.exhibits}
    custody: dict[str, list[package.CustodyEntry]] = {}
    for record in custody_log(vault):
        if record.subject in refs_wanted:
            custody.setdefault(record.subject, []).append(
                package.CustodyEntry(record.at, record.action, details_in_words(record.details))
            )
    with exporting_into(vault, out.parent):  # a part a kill leaves is swept at next unlock
        rendered = _render(vault, job, progress, cancelled, separate_process)
        content.fingerprint = rendered.fingerprint
        try:
            finishing.finish(rendered.parts, _steps(rendered, content, sign))
            bundle = rendered.parts[0].part.read_bytes()
        finally:
            discard(rendered.parts)  # the bundle is filed inside the package only
        data = package.package_bytes(
            content, VaultOriginals(vault), bundle_name, bundle, custody, sign
        )
        item = write_unpublished(
            out, owner, lambda part: part.write_bytes(data),
            "The package could not be written to {folder}: {reason}.",
        )  # fmt: skip
        [published] = finishing.finish_and_publish([item])
    _record(
        vault, case_id, "package", [published.path], chosen.id, published.sha256, content,
        content.draft, content.export_time,
    )  # fmt: skip
    problems = [entry.message for entry in report.blocking]
    return ExportResult(
        out, "package", rendered.pages, len(content.exhibits), published.sha256, problems,
        [published.path], [], rendered.fingerprint,
    )  # fmt: skip


def _answers_part(folder: Path, owner: str | None, text: str) -> Unpublished:
    return write_unpublished(
        folder / portal.ANSWERS_FILE, owner,
        lambda part: part.write_text(text, encoding="utf-8"),
        "The answers for the portal could not be written to {folder}: {reason}.",
    )  # fmt: skip


def _portal_folder(folder: Path) -> bool:
    """The folder the set goes into: a new one, or one holding nothing yet (a file of an
    earlier export left beside the new ones could be uploaded with them). Returns whether
    it was made here."""
    if folder.exists() and not folder.is_dir():
        raise DossierError(
            t("{path} is a file: give the name of a folder for the portal's files.", path=folder)
        )
    if folder.is_dir():
        present = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        if present:
            raise DossierError(
                t(
                    "The folder {folder} already holds files ({names}). Choose a new or empty "
                    "folder, so that no file of another export is uploaded with these; "
                    "nothing was written.",
                    folder=folder,
                    names=", ".join(present[:5]) + (", …" if len(present) > 5 else ""),
                )
            )
        return False
    folder.mkdir(mode=0o700)
    return True


def suggested_name(vault: Vault, case_id: int) -> str:
    """The file name (without extension) a case's export is offered under: the one its
    forum's e-filing expects ("Duulatov_Brief"), else its reference and kind."""
    from dossier.services.people import show_person

    case = show_case(vault, case_id)
    forum = templates.for_case(case.kind).forum
    person = show_person(vault, refs.parse(case.person_ref, "P"))
    return forums.filing_parts(forum).suggested_name(person.name) or f"{case.ref}-{case.kind}"


def os_access_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)
