"""Lays out the whole PDF bundle: narrative, then every exhibit; stamps, bookmarks, manifest."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4, LETTER

from dossier.errors import DossierError
from dossier.export import submission
from dossier.export.content import DossierContent, Exhibit
from dossier.export.output import writing
from dossier.export.pdf import narrative
from dossier.export.pdf.exhibit_pages import ExhibitUnusable, exhibit_pdf, translation_pdf
from dossier.export.pdf.stamps import StampKit, visual_size
from storage.vault import Vault

PAPER = {"a4": A4, "letter": LETTER}
_LAYOUT_PASSES = 4
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    narrative_pages: int
    exhibits: int
    sha256: str


def manifest(content: DossierContent, total_pages: int) -> dict[str, object]:
    return {
        "format": "evidence-dossier-manifest/1",
        "case": content.case.ref,
        "template": content.template.id,
        "exported_at": content.export_time.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "draft": content.draft,
        "bundle_pages": total_pages,
        "exhibits": [
            {
                "label": e.label,
                "document": e.document.ref,
                "title": content.redact(e.document.title),
                "original_file": content.redact(e.document.original_name),
                "mime_type": e.document.mime_type,
                "size": e.document.size,
                "sha256": e.document.sha256,
                "first_page": e.first_page,
                "last_page": e.first_page + e.page_count - 1,
            }
            for e in content.exhibits
        ],
    }


def _prepare_exhibits(
    vault: Vault,
    content: DossierContent,
    page_size: tuple[float, float],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[pikepdf.Pdf]:
    """Every exhibit as an open PDF, or ExhibitUnusable listing all that fail (nothing written)."""
    opened: list[pikepdf.Pdf] = []
    problems: list[str] = []
    for index, exhibit in enumerate(content.exhibits):
        if cancelled is not None and cancelled():
            raise DossierError("Export cancelled; nothing was written.")
        try:
            data = exhibit_pdf(vault, exhibit, page_size, content.redact)
            is_pdf = exhibit.document.mime_type == "application/pdf"
            if is_pdf and hashlib.sha256(data).hexdigest() != exhibit.document.sha256:
                raise DossierError(f"{exhibit.label}: the file no longer matches its SHA-256")
            pdf = pikepdf.open(io.BytesIO(data), password=exhibit.password or "")
            exhibit.original_pages = len(pdf.pages)
            # Each translation follows its original, then the translator's certificate.
            exhibit.translation_offsets = []
            for translation in exhibit.translations:
                exhibit.translation_offsets.append(len(pdf.pages))
                pages = translation_pdf(content, exhibit, translation, page_size)
                pdf.pages.extend(pikepdf.open(io.BytesIO(pages)).pages)
            exhibit.page_count = len(pdf.pages)
            opened.append(pdf)
        except DossierError as error:
            problems.append(str(error))
        if progress is not None:
            progress(index + 1, len(content.exhibits) + 2)
    if problems:
        raise ExhibitUnusable(problems)
    return opened


def _pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def write_bundle(
    vault: Vault,
    content: DossierContent,
    out: Path,
    *,
    paper: str = "a4",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PdfResult:
    page_size = PAPER[paper]
    exhibits = _prepare_exhibits(vault, content, page_size, progress, cancelled)

    # The exhibit index shows bundle pages, which depend on the narrative's length: lay out
    # until the narrative's page count stops changing.
    # A first, measuring pass gives the narrative's length and where its headings fall; then
    # passes with the real exhibit page numbers and contents until the length holds still.
    headings: list[narrative.Heading] | None = None
    narrative_pages = 0
    for _ in range(_LAYOUT_PASSES):
        next_page = narrative_pages + 1
        for exhibit in content.exhibits:
            exhibit.first_page = next_page
            next_page += exhibit.page_count
        built = submission.build(content)
        body, laid_out = narrative.build(built, page_size, headings)
        story_pdf = pikepdf.open(io.BytesIO(body))
        final = headings is not None and laid_out == headings
        if final and len(story_pdf.pages) == narrative_pages:
            break
        headings, narrative_pages = laid_out, len(story_pdf.pages)
    if progress is not None:
        progress(len(content.exhibits) + 1, len(content.exhibits) + 2)

    bundle = pikepdf.new()
    bundle.pages.extend(story_pdf.pages)
    labels: list[str | None] = [None] * narrative_pages
    for exhibit, pdf in zip(content.exhibits, exhibits, strict=True):
        bundle.pages.extend(pdf.pages)
        labels += [exhibit.label] * exhibit.page_count
    total = len(bundle.pages)
    sizes = {visual_size(page) for page in bundle.pages}
    kit = StampKit(bundle, {label for label in labels if label}, sizes if content.draft else set())
    for number, (page, label) in enumerate(zip(bundle.pages, labels, strict=True), start=1):
        try:
            kit.place(bundle, page, number, total, label, content.draft)
        except (ValueError, TypeError, pikepdf.PdfError) as error:
            raise ExhibitUnusable(
                [f"{label or 'the narrative'}: page {number} of the bundle is damaged and "
                 "cannot be stamped; open the file in a PDF reader and save it as a new PDF"]
            ) from error  # fmt: skip

    assert headings is not None
    _links(bundle, content, narrative_pages)
    bundle.Root.PageLabels = pikepdf.Dictionary(
        Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)])
    )  # the viewer's page numbers are the stamped ones
    _outline(bundle, content, headings)
    _metadata(bundle, content)
    data = json.dumps(manifest(content, len(bundle.pages)), ensure_ascii=False, indent=2)
    bundle.attachments["manifest.json"] = pikepdf.AttachedFileSpec(
        bundle,
        data.encode("utf-8"),
        description="Exhibit fingerprints (SHA-256)",
        filename="manifest.json",
        mime_type="application/json",
        creation_date=_pdf_date(content.export_time),
        mod_date=_pdf_date(content.export_time),
    )
    _save(bundle, out)
    if progress is not None:
        progress(len(content.exhibits) + 2, len(content.exhibits) + 2)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return PdfResult(out, total, narrative_pages, len(content.exhibits), digest)


def _links(bundle: pikepdf.Pdf, content: DossierContent, narrative_pages: int) -> None:
    """Turn the narrative's citation links (private URIs) into jumps to the cited pages."""
    pages = {e.document.ref: e for e in content.exhibits}
    for page in list(bundle.pages)[:narrative_pages]:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(narrative.LINK_SCHEME):
                continue
            ref, _, number = uri[len(narrative.LINK_SCHEME) :].partition("/")
            exhibit = pages.get(ref)
            if exhibit is None:
                del annotation["/A"]
                continue
            target = bundle.pages[exhibit.bundle_page(int(number or 0)) - 1]
            annotation.A = pikepdf.Dictionary(
                S=pikepdf.Name.GoTo, D=pikepdf.Array([target.obj, pikepdf.Name.Fit])
            )
            annotation.Border = pikepdf.Array([0, 0, 0])


def _outline(
    bundle: pikepdf.Pdf, content: DossierContent, headings: list[narrative.Heading]
) -> None:
    with bundle.open_outline() as outline:
        current: pikepdf.OutlineItem | None = None
        for heading in headings:
            item = pikepdf.OutlineItem(content.redact(heading.title), heading.page - 1)
            if heading.level == 0 or current is None:
                outline.root.append(item)
                current = item
            else:
                current.children.append(item)
        if content.exhibits:
            parent = pikepdf.OutlineItem(
                content.template.word("annexes"), content.exhibits[0].first_page - 1
            )
            section: pikepdf.OutlineItem | None = None
            for exhibit in content.exhibits:
                item = _exhibit_item(content, exhibit)
                if exhibit.section is None:
                    section = None
                    parent.children.append(item)
                    continue
                if section is None or section.title != exhibit.section:
                    section = pikepdf.OutlineItem(exhibit.section, exhibit.first_page - 1)
                    parent.children.append(section)
                section.children.append(item)
            outline.root.append(parent)


def _exhibit_item(content: DossierContent, exhibit: Exhibit) -> pikepdf.OutlineItem:
    title = f"{exhibit.label}: {content.redact(exhibit.document.title)}"
    item = pikepdf.OutlineItem(title, exhibit.first_page - 1)
    template = content.template
    for translation, offset in zip(exhibit.translations, exhibit.translation_offsets, strict=True):
        language = template.labels.get(f"lang.{translation.language}", translation.language)
        heading = template.word("translation_heading", label=exhibit.label, language=language)
        item.children.append(pikepdf.OutlineItem(heading, exhibit.first_page - 1 + offset))
    return item


def _metadata(bundle: pikepdf.Pdf, content: DossierContent) -> None:
    stamp = _pdf_date(content.export_time)
    bundle.docinfo["/Title"] = content.template.title + " — " + content.redact(content.person.name)
    bundle.docinfo["/Author"] = content.case.representative_name or "Evidence Dossier"
    bundle.docinfo["/Subject"] = content.case.kind_title
    bundle.docinfo["/Creator"] = "Evidence Dossier"
    bundle.docinfo["/Producer"] = "Evidence Dossier (reportlab, pikepdf)"
    bundle.docinfo["/CreationDate"] = stamp
    bundle.docinfo["/ModDate"] = stamp
    bundle.Root.PageMode = pikepdf.Name.UseOutlines


def _save(bundle: pikepdf.Pdf, out: Path) -> None:
    """Write next to the target and rename: a failed export never leaves half a file."""
    try:
        with writing(out) as part:
            bundle.save(
                part,
                deterministic_id=True,
                compress_streams=True,
                object_stream_mode=pikepdf.ObjectStreamMode.generate,
            )
    except OSError as error:
        raise DossierError(
            f"The bundle could not be written to {out}: {error.strerror or error}."
        ) from error
