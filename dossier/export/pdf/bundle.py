"""Lays out the whole PDF bundle: narrative, then every exhibit; stamps, bookmarks, manifest."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import itertools
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
from dossier.export.output import Unpublished, discard, unpublished
from dossier.export.pdf import layout_aside, narrative, splitting
from dossier.export.pdf.exhibit_pages import ExhibitUnusable, exhibit_pdf, translation_pdf
from dossier.export.pdf.fonts import register as register_fonts
from dossier.export.pdf.page_tree import Merging, merged
from dossier.export.pdf.stamps import StampForms, StampKit, visual_size
from dossier.export.pdf.text_layer import add_text_layer
from dossier.i18n import t
from dossier.pdf_safety import remove_active
from dossier.vocabulary import IMAGE_TYPES

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
    # What the copy of the process that laid the submission out added to the memory it
    # shared with this one, MB (layout_aside; 0: laid out here).
    layout_memory_mb: float = 0.0


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
    counting: bool = False,
) -> list[pikepdf.Pdf]:
    """Every exhibit as an open PDF, or ExhibitUnusable listing all that fail (nothing written).
    ``counting``: only their pages are wanted (the Word submission's page numbers): a PDF's
    active content is not removed nor a scan's words laid over it, neither changes a page."""
    opened: list[pikepdf.Pdf] = []
    problems: list[str] = []
    for index, exhibit in enumerate(content.exhibits):
        if cancelled is not None and cancelled():
            raise DossierError(t("Export cancelled; nothing was written."))
        try:
            pdf = exhibit_pdf(originals, exhibit, page_size, content)
            is_pdf = exhibit.document.mime_type == "application/pdf"
            if is_pdf and not counting:
                remove_active(pdf)  # nothing of the sender's may act when the bundle is opened
            if is_pdf and exhibit.text_layer and not counting:
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


def _files_read_at_once(
    originals: Originals, content: DossierContent, every: bool = False
) -> contextlib.AbstractContextManager[None]:
    """Where the originals are the vault's, the records of the annexes' files (of PDFs and
    pictures; ``every``: of all) are read at once, not one by one."""
    many = getattr(originals, "reading_many", None)
    if many is None:
        return contextlib.nullcontext()
    files = [e.document for e in content.exhibits if every or e.document.mime_type in _FILES]
    return many(files)  # type: ignore[no-any-return]


_FILES = {"application/pdf", *IMAGE_TYPES}


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
    # A long submission is laid out in a copy of this process meanwhile (layout_aside),
    # which finds the fonts read already (the stamps need them here too).
    aside = None
    if layout_aside.possible(content):
        register_fonts()
        aside = layout_aside.start(content, page_size, _lay_out_aside)
    try:
        with _files_read_at_once(originals, content, every=attach_originals):
            attach = (
                {e.document.id: originals.file_bytes(e.document) for e in content.exhibits}
                if attach_originals
                else {}
            )
            exhibits = _prepare_exhibits(originals, content, page_size, progress, cancelled)
        if aside is not None:
            aside.tell(content)
        if pdfa:
            from dossier.export.pdf.pdfa import obstacles

            found = [s for e, pdf in zip(content.exhibits, exhibits, strict=True)
                     for s in obstacles(e, pdf)]  # fmt: skip
            if found:
                raise ExhibitUnusable(found)
        # Drawn while the copy (if any) lays the submission out: they need only the annexes.
        forms = stamp_forms(content, exhibits, page_size)
        # So are the annexes' pages copied into the bundle's file, when it is one file (each
        # part or portal file copies its own pages once its span is known).
        early = _annexes_copied(exhibits) if split_mb is None and files_named is None else None
        laid = _laid_aside(aside, content)
    finally:
        if aside is not None:
            aside.stop()
    if laid is not None:
        story_pdf, headings, narrative_pages, signature = _opened(laid)
    else:
        story_pdf, headings, narrative_pages, signature = _lay_out(content, page_size)
    if progress is not None:
        progress(len(content.exhibits) + 1, len(content.exhibits) + 2)
    result = _assemble(
        content, exhibits, story_pdf, headings, narrative_pages, out, split_mb, forms,
        files_named, owner, attach, pdfa, early,
    )  # fmt: skip
    result = dataclasses.replace(
        result, signature=signature, fingerprint=content.fingerprint,
        layout_memory_mb=aside.memory_mb if aside is not None else 0.0,
    )  # fmt: skip
    if progress is not None:
        progress(len(content.exhibits) + 2, len(content.exhibits) + 2)
    return result


def stamp_forms(
    content: DossierContent, exhibits: list[pikepdf.Pdf], paper: tuple[float, float]
) -> StampForms:
    """The stamps' pieces for every page of the bundle (the submission's pages are of the
    paper asked for)."""
    sizes: set[tuple[float, float]] = set()
    if content.draft:
        sizes = {paper, *(visual_size(page) for pdf in exhibits for page in pdf.pages)}
    return StampForms(
        {exhibit.label for exhibit in content.exhibits},
        sizes,
        content.template.word("draft"),
        content.template.word("draft_mark"),
    )


def _lay_out_aside(
    content: DossierContent, page_size: tuple[float, float], counts_known: Callable[[], None]
) -> narrative.Laid:
    return lay_out_narrative(content, page_size, counts_known)


def _laid_aside(aside: layout_aside.Aside | None, content: DossierContent) -> narrative.Laid | None:
    """The layout made aside, the content paginated as it found; None: lay out in turn."""
    if aside is None:
        return None
    try:
        laid = aside.finish(content)
    except layout_aside.NotLaidOut as error:
        raise DossierError(_why_not_laid_out(content)) from error
    if laid is not None:
        paginate(content, laid.pages)
    return laid


def number_pages(originals: Originals, content: DossierContent, paper: str) -> list[int]:
    """Give every exhibit the bundle pages it has in the PDF (for the Word submission, which
    cites and lists the same pages as the bundle filed with it); returns the page of each of
    the submission's headings, in order."""
    page_size = PAPER[paper]
    with _files_read_at_once(originals, content):
        _prepare_exhibits(originals, content, page_size, None, None, counting=True)
    # Where things fall, not the ink: the tables are laid out, not drawn.
    _pdf, headings, _count, _signature = _lay_out(content, page_size, drawn=False)
    return [heading.page for heading in headings]


Layout = tuple[pikepdf.Pdf, list[narrative.Heading], int, narrative.SignaturePlace | None]


def _lay_out(
    content: DossierContent, page_size: tuple[float, float], *, drawn: bool = True
) -> Layout:
    try:
        return _lay_out_unchecked(content, page_size, drawn)
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


def _lay_out_unchecked(
    content: DossierContent, page_size: tuple[float, float], drawn: bool
) -> Layout:
    return _opened(lay_out_narrative(content, page_size, drawn=drawn))


def _opened(laid: narrative.Laid) -> Layout:
    return pikepdf.open(io.BytesIO(laid.body)), laid.headings, laid.pages, laid.signature


def lay_out_narrative(
    content: DossierContent,
    page_size: tuple[float, float],
    counts_known: Callable[[], None] | None = None,
    *,
    drawn: bool = True,
) -> narrative.Laid:
    """The submission laid out. ``counts_known``: the annexes' pages are a guess until it
    is called, once, before anything that depends on them is printed (layout_aside)."""
    # The annex index shows bundle pages and the cover the bundle's fingerprint, which both
    # depend on the narrative's length: the narrative is laid out with them as a guess of
    # that length makes them, and printed as its real length makes them (narrative._Late).
    # Only when a real number took more room than its guess (a cell grew a line) is it laid
    # out again, with the length just found.
    waiting = [counts_known] if counts_known is not None else []

    def late(pages: int) -> None:
        while waiting:
            waiting.pop()()
        paginate(content, pages)

    narrative_pages = 1
    for _ in range(_LAYOUT_PASSES):
        paginate(content, narrative_pages)
        laid = narrative.build(submission.build(content), page_size, late, drawn)
        if laid.fits:
            break
        narrative_pages = laid.pages
    return laid


def paginate(content: DossierContent, narrative_pages: int) -> None:
    """Each annex's first page in a bundle whose narrative has ``narrative_pages`` pages,
    and the fingerprint printed on its cover (of the annexes as so paginated)."""
    next_page = narrative_pages + 1
    for exhibit in content.exhibits:
        exhibit.first_page = next_page
        next_page += exhibit.page_count
    content.fingerprint = hashlib.sha256(annexes_record(content, next_page - 1)).hexdigest()


def _assemble(
    content: DossierContent,
    exhibits: list[pikepdf.Pdf],
    story_pdf: pikepdf.Pdf,
    headings: list[narrative.Heading],
    narrative_pages: int,
    out: Path,
    split_mb: float | None,
    forms: StampForms,
    files_named: list[str] | None = None,
    owner: str | None = None,
    attach: dict[int, bytes] | None = None,
    pdfa: bool = False,
    early: _Early | None = None,
) -> PdfResult:
    attach = attach or {}
    sheets = _Sheets(
        [*story_pdf.pages, *itertools.chain.from_iterable(pdf.pages for pdf in exhibits)],
        [None] * narrative_pages
        + [exhibit.label for exhibit in content.exhibits for _ in range(exhibit.page_count)],
        forms,
        early,
    )
    total = len(sheets.pages)
    if files_named is not None:
        spans = annex_spans(content, narrative_pages)
        names = [out / name for name in files_named]
        written = _write_files(
            sheets, content, headings, spans, names, linked_across=False, owner=owner,
            attach=attach, pdfa=pdfa,
        )  # fmt: skip
    elif split_mb is not None:
        groups = [(story_pdf, 0)] + [
            (pdf, len(attach.get(exhibit.document.id, b"")))
            for exhibit, pdf in zip(content.exhibits, exhibits, strict=True)
        ]
        written, spans = _write_split(
            sheets, content, headings, groups, out, int(split_mb * 1_000_000), owner,
            attach, pdfa,
        )  # fmt: skip
    else:
        spans = [(0, total)]
        written = _write_files(
            sheets, content, headings, spans, [out], linked_across=True, owner=owner,
            attach=attach, pdfa=pdfa,
        )  # fmt: skip
    digest = hashlib.sha256(written[0].part.read_bytes()).hexdigest()
    pages = [end - start for start, end in spans]
    targets = [item.target for item in written]
    return PdfResult(
        targets[0], total, narrative_pages, len(content.exhibits), digest, targets, pages,
        written,
    )  # fmt: skip


@dataclass(frozen=True)
class _Early:
    """The annexes' pages copied into the bundle's file before the submission's pages are
    printed (0.023 s for 1,135 pages, done while the copy of the process prints them)."""

    merging: Merging
    annexes: list[pikepdf.Object]


def _annexes_copied(exhibits: list[pikepdf.Pdf]) -> _Early:
    merging = Merging()
    return _Early(merging, merging.copy(itertools.chain.from_iterable(p.pages for p in exhibits)))


@dataclass(frozen=True)
class _Sheets:
    """The bundle's pages in order, each where it comes from (the submission's PDF or an
    annex's), with the label stamped on it (None on the submission's pages). Each file
    written copies its span of them and stamps the copies: no whole bundle is held in
    memory beside the files cut from it."""

    pages: list[pikepdf.Page]
    labels: list[str | None]
    forms: StampForms
    early: _Early | None = None  # the annexes' pages copied already, for a bundle of one file

    def file(
        self, content: DossierContent, span: tuple[int, int]
    ) -> tuple[pikepdf.Pdf, list[pikepdf.Object]]:
        """A new PDF of the pages in ``span``, stamped with their bundle numbers."""
        start, end = span
        if self.early is not None and span == (0, len(self.pages)):
            merging = self.early.merging
            submission = self.pages[: len(self.pages) - len(self.early.annexes)]
            copied = merging.copy(submission) + self.early.annexes
            merging.tree(copied)
            pdf = merging.pdf
        else:
            pdf, copied = merged(self.pages[start:end])
        labels = self.labels[start:end]
        kit = StampKit(pdf, self.forms)
        for number, (page, label) in enumerate(zip(copied, labels, strict=True), start=start + 1):
            try:
                kit.place(pdf, pikepdf.Page(page), number, len(self.pages), label, content.draft)
            except (ValueError, TypeError, pikepdf.PdfError) as error:
                raise ExhibitUnusable(
                    [f"{label or 'the narrative'}: page {number} of the bundle is damaged and "
                     "cannot be stamped; open the file in a PDF reader and save it as a new PDF"]
                ) from error  # fmt: skip
        return pdf, copied


# A bundle page number → a link's action (None: no link, the page being in another file).
Resolve = Callable[[int], pikepdf.Dictionary | None]


def _local(pages: list[pikepdf.Object], first: int = 0) -> Resolve:
    def resolve(number: int) -> pikepdf.Dictionary:
        return pikepdf.Dictionary(S=pikepdf.Name.GoTo, D=_to(pages[number - 1 - first]))

    return resolve


def _to(page: pikepdf.Object) -> pikepdf.Array:
    """A destination: the page, whole in the window."""
    return pikepdf.Array([page, pikepdf.Name.Fit])


def _finish(
    pdf: pikepdf.Pdf,
    content: DossierContent,
    headings: list[narrative.Heading],
    span: tuple[int, int],
    pages: list[pikepdf.Object],
    resolve: Resolve,
) -> None:
    """Links, page labels, bookmarks and metadata of a bundle (or of the part ``span`` of it,
    whose ``pages`` these are)."""
    if span[0] == 0:
        _links(pages, content, resolve)
    labels = pikepdf.Dictionary(S=pikepdf.Name.D, St=span[0] + 1)
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, labels]))
    _outline(pdf, content, headings, span, pages)
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
    sheets: _Sheets,
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
    Each file is made, written and let go before the one before it (later ones first: the
    first file's manifest lists every other with its fingerprint).
    """
    parts: list[dict[str, object]] = []
    written: list[Unpublished] = []
    total = len(sheets.pages)
    try:
        written += [unpublished(name, owner) for name in names]
        for index in range(len(spans) - 1, -1, -1):
            pdf, pages = sheets.file(content, spans[index])

            resolve = _resolver(spans, names, linked_across, pages)
            _finish(pdf, content, headings, spans[index], pages, resolve)
            _attach_originals(pdf, content, spans[index], attach or {})
            if index == 0:
                _attach_manifest(pdf, content, total, parts[::-1], attached=bool(attach))
            if pdfa:
                _make_pdfa(pdf, content)
            _save_to(pdf, written[index].part)
            if index > 0:
                parts.append(
                    {
                        "file": names[index].name,
                        "first_page": spans[index][0] + 1,
                        "last_page": spans[index][1],
                        "sha256": hashlib.sha256(written[index].part.read_bytes()).hexdigest(),
                    }
                )
            pdf.close()
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


def _resolver(
    spans: list[tuple[int, int]],
    names: list[Path],
    linked_across: bool,
    first_pages: list[pikepdf.Object],
) -> Resolve:
    """Where a link of the first file (whose pages are ``first_pages``) leads."""

    def resolve(number: int) -> pikepdf.Dictionary | None:
        where = next(i for i, (a, b) in enumerate(spans) if a < number <= b)
        if where == 0:
            return _local(first_pages)(number)
        if not linked_across:
            return None
        return pikepdf.Dictionary(
            S=pikepdf.Name.GoToR,
            F=pikepdf.String(names[where].name),
            D=pikepdf.Array([number - 1 - spans[where][0], pikepdf.Name.Fit]),
        )

    return resolve


_TRIES = 8  # cuts made again for a file found too heavy before the export gives up


def _write_split(
    sheets: _Sheets,
    content: DossierContent,
    headings: list[narrative.Heading],
    groups: list[tuple[pikepdf.Pdf, int]],
    out: Path,
    limit: int,
    owner: str | None,
    attach: dict[int, bytes],
    pdfa: bool,
) -> tuple[list[Unpublished], list[tuple[int, int]]]:
    """The bundle as files of at most ``limit`` bytes: one file if it fits, else parts
    ("_Part1", …), each weighed once written and cut again if it is over the limit."""
    total, least_first = len(sheets.pages), len(groups[0][0].pages)
    # A bundle whose files come to well under the limit is tried as one file first,
    # without weighing its pages.
    rough = sum(exhibit.document.size for exhibit in content.exhibits)
    spans = [(0, total)] if rough + sum(map(len, attach.values())) < limit / 2 else None
    weights: list[float] | None = None
    allowances = splitting.Allowances(limit, _first_file_extra(content))
    start = 0
    for _ in range(_TRIES):
        if spans is None:
            weights = weights or splitting.page_weights(groups)
            spans = splitting.cut(weights, least_first, allowances)
        names = [out] if len(spans) == 1 else [part_name(out, n) for n in range(1, len(spans) + 1)]
        written = _write_files(
            sheets, content, headings, spans, names, linked_across=True, owner=owner,
            attach=attach, pdfa=pdfa,
        )  # fmt: skip
        heavy = [(i, w.part.stat().st_size) for i, w in enumerate(written)
                 if w.part.stat().st_size > limit]  # fmt: skip
        if not heavy:
            return written, spans
        discard(written)
        index, weighed = heavy[0]
        start, end = spans[index]
        if end - start <= (least_first if index == 0 else 1):
            raise splitting.too_large(start, limit)
        if weights is not None:  # else the one file tried first: now weigh the pages
            allowances.lower(index, weighed)
        spans = None
    raise splitting.too_large(start, limit)


def _first_file_extra(content: DossierContent) -> int:
    """What the first file carries beside its pages: a bookmark for each annex and the two
    manifests (compressed, about a third of their text)."""
    record = annexes_record(content, 0)
    return 2 * len(record) // 3 + 160 * len(content.exhibits)


def _links(pages: list[pikepdf.Object], content: DossierContent, resolve: Resolve) -> None:
    """Turn the narrative's citation links (private URIs) into jumps to the cited pages."""
    exhibits = {e.document.ref: e for e in content.exhibits}
    for page in pages:
        for annotation in page.get("/Annots", []):
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
    pages: list[pikepdf.Object],
) -> None:
    """Bookmarks: the submission's parts, then sections → annexes → translations (of the
    pages in ``span``, which are ``pages``)."""
    first, end = span

    def inside(page: int) -> bool:
        return first < page <= end

    def at(page: int) -> pikepdf.Array:  # a bundle page number: its page, or the span's first
        return _to(pages[max(page, first + 1) - 1 - first])

    with pdf.open_outline() as outline:
        current: pikepdf.OutlineItem | None = None
        for heading in headings if first == 0 else []:
            item = pikepdf.OutlineItem(content.redact(heading.title), at(heading.page))
            if heading.level == 0 or current is None:
                outline.root.append(item)
                current = item
            else:
                current.children.append(item)
        # An annex cut between two parts is listed in both: its rest begins the later one.
        shown = [e for e in content.exhibits
                 if e.first_page <= end and e.first_page + e.page_count - 1 > first]  # fmt: skip
        if not shown:
            return
        parent = pikepdf.OutlineItem(content.template.word("annexes"), at(shown[0].first_page))
        section: pikepdf.OutlineItem | None = None
        for exhibit in shown:
            item = _exhibit_item(content, exhibit, at, inside)
            if exhibit.section is None:
                section = None
                parent.children.append(item)
                continue
            if section is None or section.title != exhibit.section:
                section = pikepdf.OutlineItem(exhibit.section, at(exhibit.first_page))
                parent.children.append(section)
            section.children.append(item)
        outline.root.append(parent)


def _exhibit_item(
    content: DossierContent,
    exhibit: Exhibit,
    at: Callable[[int], pikepdf.Array],
    inside: Callable[[int], bool],
) -> pikepdf.OutlineItem:
    title = f"{exhibit.label}: {content.redact(exhibit.document.title)}"
    item = pikepdf.OutlineItem(title, at(exhibit.first_page))
    template = content.template
    for translation, offset in zip(exhibit.translations, exhibit.translation_offsets, strict=True):
        if not inside(exhibit.first_page + offset):
            continue  # in the other part, whose bookmarks list it
        language = template.labels.get(f"lang.{translation.language}", translation.language)
        heading = template.word("translation_heading", label=exhibit.label, language=language)
        item.children.append(pikepdf.OutlineItem(heading, at(exhibit.first_page + offset)))
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
