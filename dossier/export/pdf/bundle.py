"""Lays out the whole PDF bundle: narrative, then every exhibit; stamps, bookmarks, manifest."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus.doctemplate import LayoutError

from dossier.clean_text import TITLE_LIMIT
from dossier.errors import DossierError
from dossier.export import submission
from dossier.export.content import DossierContent, Exhibit, Originals
from dossier.export.output import Unpublished, discard, unpublished, write_unpublished
from dossier.export.pdf import narrative
from dossier.export.pdf.exhibit_pages import ExhibitUnusable, exhibit_pdf, translation_pdf
from dossier.export.pdf.stamps import StampKit, visual_size
from dossier.export.pdf.text_layer import add_text_layer
from dossier.i18n import t
from dossier.pdf_safety import remove_active

PAPER = {"a4": A4, "letter": LETTER}
_LAYOUT_PASSES = 4
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    narrative_pages: int
    exhibits: int
    sha256: str  # of the file, or of part 1
    files: list[Path]  # the file, or its parts in order (where they will be published)
    file_pages: list[int]  # the pages of each file
    parts: list[Unpublished]  # each file written, not yet published (output.publish)
    fingerprint: str = ""  # the bundle's, printed on its cover (see annexes_record)
    signature: narrative.SignaturePlace | None = None  # in the first file


def manifest(
    content: DossierContent, total_pages: int, attached: bool = False
) -> dict[str, object]:
    return {
        # No vault reference (C1, D10): they mean nothing to the court and tell of the vault.
        "format": "evidence-dossier-manifest/1",
        "template": content.template.id,
        "exported_at": content.export_time.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "draft": content.draft,
        "bundle_pages": total_pages,
        "exhibits": [
            {
                "label": e.label,
                "title": content.redact(e.document.title),
                "original_file": content.redact(e.document.original_name),
                "mime_type": e.document.mime_type,
                "size": e.document.size,
                "sha256": e.document.sha256,
                "first_page": e.first_page,
                "last_page": e.first_page + e.page_count - 1,
                # --attach-originals: the name the original file has inside the bundle.
                **({"attached_as": original_name(content, e)} if attached else {}),
            }
            for e in content.exhibits
        ],
    }


ANNEXES_FILE = "annexes.json"


def annexes_record(content: DossierContent, total_pages: int) -> bytes:
    """The manifest of the annexes in canonical form (sorted keys, no spaces, UTF-8): the
    file annexes.json inside the bundle, whose SHA-256 is the bundle's fingerprint printed
    on its cover — so a receipt that quotes the fingerprint names this very set of annexes,
    and anyone checks it with pdfdetach and sha256sum."""
    record = manifest(content, total_pages)
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def original_name(content: DossierContent, exhibit: Exhibit) -> str:
    """The name an annex's original file is attached under: its label first, so that two
    originals of one name ("scan.pdf") stay apart and sort in annex order."""
    name = content.redact(exhibit.document.original_name).replace("/", "_").replace("\\", "_")
    return f"{exhibit.label} - {name}"


def _attach_originals(
    pdf: pikepdf.Pdf,
    content: DossierContent,
    span: tuple[int, int],
    originals: dict[int, bytes],
) -> None:
    """Each original file of the annexes in ``span`` inside ``pdf``, as a PDF/A-3 associated
    file of relationship Source: the evidence as collected, beside its rendering (pikepdf
    lists each in the document's /AF)."""
    stamp = _pdf_date(content.export_time)
    for exhibit in content.exhibits:
        if exhibit.document.id not in originals or not span[0] < exhibit.first_page <= span[1]:
            continue
        name = original_name(content, exhibit)
        spec = pikepdf.AttachedFileSpec(
            pdf, originals[exhibit.document.id],
            description=f"{exhibit.label}: original file (SHA-256 {exhibit.document.sha256})",
            filename=name, mime_type=exhibit.document.mime_type,
            creation_date=stamp, mod_date=stamp, relationship=pikepdf.Name.Source,
        )  # fmt: skip
        pdf.attachments[name] = spec


def _prepare_exhibits(
    originals: Originals,
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
            raise DossierError(t("Export cancelled; nothing was written."))
        try:
            data = exhibit_pdf(originals, exhibit, page_size, content)
            is_pdf = exhibit.document.mime_type == "application/pdf"
            if is_pdf and hashlib.sha256(data).hexdigest() != exhibit.document.sha256:
                raise DossierError(
                    t("{annex}: the file no longer matches its SHA-256", annex=exhibit.label)
                )
            pdf = pikepdf.open(io.BytesIO(data), password=exhibit.password or "")
            if is_pdf:
                remove_active(pdf)  # nothing of the sender's may act when the bundle is opened
            if is_pdf and exhibit.text_layer:
                add_text_layer(pdf, exhibit.text_layer)  # scanned pages: their words, unseen
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
        except (LayoutError, ValueError, pikepdf.PdfError):
            # A typesetting failure on a hostile text (its message can quote the evidence,
            # and is never shown): the annex is named and the others are still checked.
            problems.append(
                t(
                    "{annex} ({title}): its text could not be laid out on the page",
                    annex=exhibit.label,
                    title=exhibit.document.title,
                )
            )
        if progress is not None:
            progress(index + 1, len(content.exhibits) + 2)
    if problems:
        raise ExhibitUnusable(problems)
    return opened


def _pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def write_bundle(
    originals: Originals,
    content: DossierContent,
    out: Path,
    *,
    paper: str = "a4",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    split_mb: float | None = None,
    files_named: list[str] | None = None,
    owner: str | None = None,
    attach_originals: bool = False,
    pdfa: bool = False,
) -> PdfResult:
    """The bundle as one file ``out``, or in parts of ``split_mb`` MB, or (``files_named``)
    as a set in the folder ``out``: the submission, then each annex, a file each. Written
    unpublished, for ``owner`` (the process that finishes and publishes them).
    ``attach_originals``: each annex's original file inside the file that holds its pages."""
    page_size = PAPER[paper]
    attach = (
        {e.document.id: originals.file_bytes(e.document) for e in content.exhibits}
        if attach_originals
        else {}
    )
    exhibits = _prepare_exhibits(originals, content, page_size, progress, cancelled)
    if pdfa:
        from dossier.export.pdf.pdfa import obstacles

        found = [s for e, pdf in zip(content.exhibits, exhibits, strict=True)
                 for s in obstacles(e, pdf)]  # fmt: skip
        if found:
            raise ExhibitUnusable(found)
    story_pdf, headings, narrative_pages, signature = _lay_out(content, page_size)
    if progress is not None:
        progress(len(content.exhibits) + 1, len(content.exhibits) + 2)
    result = _assemble(
        content, exhibits, story_pdf, headings, narrative_pages, out, split_mb, files_named,
        owner, attach, pdfa,
    )  # fmt: skip
    result = dataclasses.replace(result, signature=signature, fingerprint=content.fingerprint)
    if progress is not None:
        progress(len(content.exhibits) + 2, len(content.exhibits) + 2)
    return result


def number_pages(originals: Originals, content: DossierContent, paper: str) -> list[int]:
    """Give every exhibit the bundle pages it has in the PDF (for the Word submission, which
    cites and lists the same pages as the bundle filed with it); returns the page of each of
    the submission's headings, in order."""
    page_size = PAPER[paper]
    _prepare_exhibits(originals, content, page_size, None, None)
    _pdf, headings, _count, _signature = _lay_out(content, page_size)
    return [heading.page for heading in headings]


Layout = tuple[pikepdf.Pdf, list[narrative.Heading], int, narrative.SignaturePlace | None]


def _lay_out(content: DossierContent, page_size: tuple[float, float]) -> Layout:
    try:
        return _lay_out_unchecked(content, page_size)
    except (LayoutError, ValueError) as error:
        raise DossierError(_why_not_laid_out(content)) from error


def _why_not_laid_out(content: DossierContent) -> str:
    """The lawyer's sentence for a submission reportlab could not fit on its pages."""
    too_long = [e for e in content.exhibits if len(e.document.title) > TITLE_LIMIT]
    if too_long:
        return t(
            "The list of annexes cannot be laid out: the title of {annexes} is too long for a "
            "page. Shorten it to at most {limit} characters (the document's details) and export "
            "again. Nothing was written.",
            annexes=", ".join(e.label for e in too_long),
            limit=TITLE_LIMIT,
        )
    return t(
        "The submission cannot be laid out: one of its titles or paragraphs is too long for a "
        "page. Shorten the longest and export again. Nothing was written."
    )


def _lay_out_unchecked(content: DossierContent, page_size: tuple[float, float]) -> Layout:
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
        # Printed on the cover: of the annexes as this pass paginates them (a fingerprint is
        # as long whatever it is, so it never changes the pagination it is taken from).
        content.fingerprint = hashlib.sha256(annexes_record(content, next_page - 1)).hexdigest()
        built = submission.build(content)
        body, laid_out, signature = narrative.build(built, page_size, headings)
        story_pdf = pikepdf.open(io.BytesIO(body))
        final = headings is not None and laid_out == headings
        if final and len(story_pdf.pages) == narrative_pages:
            break
        headings, narrative_pages = laid_out, len(story_pdf.pages)
    assert headings is not None
    return story_pdf, headings, narrative_pages, signature


def _assemble(
    content: DossierContent,
    exhibits: list[pikepdf.Pdf],
    story_pdf: pikepdf.Pdf,
    headings: list[narrative.Heading],
    narrative_pages: int,
    out: Path,
    split_mb: float | None,
    files_named: list[str] | None = None,
    owner: str | None = None,
    attach: dict[int, bytes] | None = None,
    pdfa: bool = False,
) -> PdfResult:
    attach = attach or {}
    bundle = pikepdf.new()
    bundle.pages.extend(story_pdf.pages)
    labels: list[str | None] = [None] * narrative_pages
    for exhibit, pdf in zip(content.exhibits, exhibits, strict=True):
        bundle.pages.extend(pdf.pages)
        labels += [exhibit.label] * exhibit.page_count
    total = len(bundle.pages)
    sizes = {visual_size(page) for page in bundle.pages}
    kit = StampKit(
        bundle,
        {label for label in labels if label},
        sizes if content.draft else set(),
        content.template.word("draft"),
        content.template.word("draft_mark"),
    )
    for number, (page, label) in enumerate(zip(bundle.pages, labels, strict=True), start=1):
        try:
            kit.place(bundle, page, number, total, label, content.draft)
        except (ValueError, TypeError, pikepdf.PdfError) as error:
            raise ExhibitUnusable(
                [f"{label or 'the narrative'}: page {number} of the bundle is damaged and "
                 "cannot be stamped; open the file in a PDF reader and save it as a new PDF"]
            ) from error  # fmt: skip

    if split_mb is not None and files_named is None:
        spans = split_spans(bundle, narrative_pages, int(split_mb * 1_000_000))
    else:
        spans = [(0, total)]
    if files_named is not None:
        spans = annex_spans(content, narrative_pages)
        names = [out / name for name in files_named]
        written = _write_files(
            bundle, content, headings, spans, names, linked_across=False, owner=owner,
            attach=attach, pdfa=pdfa,
        )  # fmt: skip
    elif len(spans) == 1:  # one file (a bundle under the size asked for is not "Part1")
        _finish(bundle, content, headings, (0, total), resolve=_local(bundle))
        _attach_originals(bundle, content, (0, total), attach)
        _attach_manifest(bundle, content, total, [], attached=bool(attach))
        if pdfa:
            _make_pdfa(bundle, content)
        written = [_save(bundle, out, owner)]
    else:
        names = [part_name(out, number) for number in range(1, len(spans) + 1)]
        written = _write_files(
            bundle, content, headings, spans, names, linked_across=True, owner=owner,
            attach=attach, pdfa=pdfa,
        )  # fmt: skip
    digest = hashlib.sha256(written[0].part.read_bytes()).hexdigest()
    pages = [end - start for start, end in spans]
    targets = [item.target for item in written]
    return PdfResult(
        targets[0], total, narrative_pages, len(content.exhibits), digest, targets, pages,
        written,
    )  # fmt: skip


# A bundle page number → a link's action (None: no link, the page being in another file).
Resolve = Callable[[int], pikepdf.Dictionary | None]


def _local(pdf: pikepdf.Pdf, first: int = 0) -> Resolve:
    def resolve(number: int) -> pikepdf.Dictionary:
        target = pdf.pages[number - 1 - first]
        return pikepdf.Dictionary(
            S=pikepdf.Name.GoTo, D=pikepdf.Array([target.obj, pikepdf.Name.Fit])
        )

    return resolve


def _finish(
    pdf: pikepdf.Pdf,
    content: DossierContent,
    headings: list[narrative.Heading],
    span: tuple[int, int],
    resolve: Resolve,
) -> None:
    """Links, page labels, bookmarks and metadata of a bundle (or of the part ``span`` of it)."""
    if span[0] == 0:
        _links(pdf, content, resolve)
    labels = pikepdf.Dictionary(S=pikepdf.Name.D, St=span[0] + 1)
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, labels]))
    _outline(pdf, content, headings, span)
    _metadata(pdf, content)


def _attach_manifest(
    pdf: pikepdf.Pdf,
    content: DossierContent,
    total: int,
    parts: list[dict[str, object]],
    attached: bool = False,
) -> None:
    record = manifest(content, total, attached)
    if parts:
        record["parts"] = parts
    data = json.dumps(record, ensure_ascii=False, indent=2)
    pdf.attachments[ANNEXES_FILE] = pikepdf.AttachedFileSpec(
        pdf,
        annexes_record(content, total),
        description="The annexes in canonical form: its SHA-256 is the bundle's fingerprint",
        filename=ANNEXES_FILE,
        mime_type="application/json",
        creation_date=_pdf_date(content.export_time),
        mod_date=_pdf_date(content.export_time),
        relationship=pikepdf.Name.Supplement,
    )
    pdf.attachments["manifest.json"] = pikepdf.AttachedFileSpec(
        pdf,
        data.encode("utf-8"),
        description="Exhibit fingerprints (SHA-256)",
        filename="manifest.json",
        mime_type="application/json",
        creation_date=_pdf_date(content.export_time),
        mod_date=_pdf_date(content.export_time),
        relationship=pikepdf.Name.Supplement,
    )


def part_name(out: Path, number: int) -> Path:
    """bundle.pdf → bundle_Part1.pdf: the naming e-filing systems expect for split bundles."""
    return out.with_name(f"{out.stem}_Part{number}{out.suffix or '.pdf'}")


def annex_spans(content: DossierContent, narrative_pages: int) -> list[tuple[int, int]]:
    """Page ranges [start, end): the submission, then each annex with its translations."""
    spans = [(0, narrative_pages)]
    for exhibit in content.exhibits:
        spans.append((exhibit.first_page - 1, exhibit.first_page - 1 + exhibit.page_count))
    return spans


def _write_files(
    bundle: pikepdf.Pdf,
    content: DossierContent,
    headings: list[narrative.Heading],
    spans: list[tuple[int, int]],
    names: list[Path],
    *,
    linked_across: bool,
    owner: str | None = None,
    attach: dict[int, bytes] | None = None,
    pdfa: bool = False,
) -> list[Unpublished]:
    """The bundle cut into files at ``spans``, paginated as one, the index in the first.

    ``linked_across``: links from the index to pages in later files open that file at that
    page (GoToR) — parts kept side by side. A portal stores each file under a name of its
    own, where such a link would lead nowhere: there the index names the pages, unlinked.
    """
    pdfs = []
    for span in spans:
        pdf = pikepdf.new()
        pdf.pages.extend(bundle.pages[span[0] : span[1]])
        pdfs.append(pdf)

    def resolve(number: int) -> pikepdf.Dictionary | None:
        index = next(i for i, (a, b) in enumerate(spans) if a < number <= b)
        if index == 0:
            return _local(pdfs[0])(number)
        if not linked_across:
            return None
        return pikepdf.Dictionary(
            S=pikepdf.Name.GoToR,
            F=pikepdf.String(names[index].name),
            D=pikepdf.Array([number - 1 - spans[index][0], pikepdf.Name.Fit]),
        )

    for pdf, span in zip(pdfs, spans, strict=True):
        _finish(pdf, content, headings, span, resolve)
        _attach_originals(pdf, content, span, attach or {})
    parts: list[dict[str, object]] = []
    written: list[Unpublished] = []
    try:
        written += [unpublished(name, owner) for name in names]
        # Later parts first: part 1's manifest lists every part with its fingerprint.
        for index in range(len(pdfs) - 1, -1, -1):
            if index == 0:
                _attach_manifest(
                    pdfs[0], content, len(bundle.pages), parts[::-1], attached=bool(attach)
                )
            if pdfa:
                _make_pdfa(pdfs[index], content)
            _save_to(pdfs[index], written[index].part)
            if index > 0:
                parts.append(
                    {
                        "file": names[index].name,
                        "first_page": spans[index][0] + 1,
                        "last_page": spans[index][1],
                        "sha256": hashlib.sha256(written[index].part.read_bytes()).hexdigest(),
                    }
                )
    except BaseException as error:
        discard(written)
        if not isinstance(error, OSError):
            raise
        raise DossierError(
            t(
                "The bundle could not be written to {folder}: {reason}.",
                folder=names[0].parent,
                reason=error.strerror or error,
            )
        ) from error
    return written


def split_spans(bundle: pikepdf.Pdf, narrative_pages: int, limit: int) -> list[tuple[int, int]]:
    """Page ranges [start, end) whose files stay under ``limit`` bytes; the first holds at
    least the whole narrative (contents and index)."""
    total = len(bundle.pages)
    budget = int(limit * 0.97)  # room for the bookmarks, labels and manifest added after

    def size(start: int, end: int) -> int:
        pdf = pikepdf.new()
        pdf.pages.extend(bundle.pages[start:end])
        buffer = io.BytesIO()
        pdf.save(buffer, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)  # fmt: skip
        return len(buffer.getvalue())

    spans: list[tuple[int, int]] = []
    start = 0
    while start < total:
        least = max(start + 1, narrative_pages if start == 0 else 0)
        if size(start, least) > budget:
            what = "the submission itself" if start == 0 else f"page {start + 1}"
            raise DossierError(
                f"{what[:1].upper() + what[1:]} is larger than {limit / 1_000_000:g} MB on its "
                "own, so the bundle cannot be split into parts that small."
            )
        good, step = least, 1
        while good < total and size(start, min(total, good + step)) <= budget:
            good, step = min(total, good + step), step * 2
        bad = min(total, good + step) if good < total else total + 1
        while bad - good > 1:  # the last fitting end lies in [good, bad)
            middle = (good + bad) // 2
            if size(start, middle) <= budget:
                good = middle
            else:
                bad = middle
        spans.append((start, good))
        start = good
    return spans


def _links(pdf: pikepdf.Pdf, content: DossierContent, resolve: Resolve) -> None:
    """Turn the narrative's citation links (private URIs) into jumps to the cited pages."""
    exhibits = {e.document.ref: e for e in content.exhibits}
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A") if isinstance(annotation, pikepdf.Dictionary) else None
            uri = str(action.get("/URI", "")) if isinstance(action, pikepdf.Dictionary) else ""
            if not uri.startswith(narrative.LINK_SCHEME):
                continue
            ref, _, number = uri[len(narrative.LINK_SCHEME) :].partition("/")
            exhibit = exhibits.get(ref)
            if exhibit is None:
                del annotation["/A"]
                continue
            action = resolve(exhibit.bundle_page(int(number or 0)))
            if action is None:
                del annotation["/A"]
                continue
            annotation.A = action
            annotation.Border = pikepdf.Array([0, 0, 0])


def _outline(
    pdf: pikepdf.Pdf,
    content: DossierContent,
    headings: list[narrative.Heading],
    span: tuple[int, int],
) -> None:
    """Bookmarks: the submission's parts, then sections → annexes → translations (of the
    pages in ``span``, numbered from its first page)."""
    first, end = span

    def inside(page: int) -> bool:
        return first < page <= end

    with pdf.open_outline() as outline:
        current: pikepdf.OutlineItem | None = None
        for heading in headings if first == 0 else []:
            item = pikepdf.OutlineItem(content.redact(heading.title), heading.page - 1)
            if heading.level == 0 or current is None:
                outline.root.append(item)
                current = item
            else:
                current.children.append(item)
        shown = [e for e in content.exhibits if inside(e.first_page)]
        if not shown:
            return
        parent = pikepdf.OutlineItem(
            content.template.word("annexes"), shown[0].first_page - 1 - first
        )
        section: pikepdf.OutlineItem | None = None
        for exhibit in shown:
            item = _exhibit_item(content, exhibit, first)
            if exhibit.section is None:
                section = None
                parent.children.append(item)
                continue
            if section is None or section.title != exhibit.section:
                section = pikepdf.OutlineItem(exhibit.section, exhibit.first_page - 1 - first)
                parent.children.append(section)
            section.children.append(item)
        outline.root.append(parent)


def _exhibit_item(content: DossierContent, exhibit: Exhibit, first: int) -> pikepdf.OutlineItem:
    title = f"{exhibit.label}: {content.redact(exhibit.document.title)}"
    item = pikepdf.OutlineItem(title, exhibit.first_page - 1 - first)
    template = content.template
    for translation, offset in zip(exhibit.translations, exhibit.translation_offsets, strict=True):
        language = template.labels.get(f"lang.{translation.language}", translation.language)
        heading = template.word("translation_heading", label=exhibit.label, language=language)
        item.children.append(pikepdf.OutlineItem(heading, exhibit.first_page - 1 - first + offset))
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


def _make_pdfa(pdf: pikepdf.Pdf, content: DossierContent) -> None:
    from dossier.export.pdf.pdfa import make_pdfa

    make_pdfa(pdf, content)


def _save_to(pdf: pikepdf.Pdf, path: Path) -> None:
    pdf.save(
        path,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )


def _save(bundle: pikepdf.Pdf, out: Path, owner: str | None) -> Unpublished:
    """Write next to the target, unpublished: a failed export never leaves half a file."""
    return write_unpublished(
        out, owner, lambda part: _save_to(bundle, part),
        "The bundle could not be written to {folder}: {reason}.",
    )  # fmt: skip
