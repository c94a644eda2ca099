"""What in a PDF could act when the filing is opened, found at import and removed before the
pages go into a bundle.

An exhibit may come from the persecuting state: a page's JavaScript can tell its sender when
and where the bundle was opened (a SubmitForm or URI beacon), a Launch action can start a
program, an attachment can be one. The bundle copies an exhibit's pages only (never its
catalogue), so what the pages carry is what must go: page and annotation actions, annotations
that play or hold files, and a form field's actions reached through its parents.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pikepdf

from dossier.i18n import t

# Annotations that hold a file or play media: removed whole.
_ACTIVE_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Screen", "/Sound", "/Movie", "/3D"}
# Actions a reader runs: every kind but a jump inside the same document is dropped.
_SAFE_ACTIONS = {"/GoTo"}


@dataclass
class ActiveContent:
    """What was found (or removed), in kinds a lawyer can be told."""

    javascript: bool = False
    actions: set[str] = field(default_factory=set)  # "Launch", "URI", "SubmitForm"…
    attachments: list[str] = field(default_factory=list)  # file names
    media: bool = False

    def __bool__(self) -> bool:
        return self.javascript or bool(self.actions) or bool(self.attachments) or self.media

    def kinds(self) -> list[str]:
        """What was found, in words for the import's warning (in the interface's language)."""
        found = [t("JavaScript")] if self.javascript else []
        found += [_action_words(action) for action in sorted(self.actions)]
        if self.attachments:
            names = ", ".join(sorted(set(self.attachments))[:5])
            found.append(t("attached files ({names})", names=names))
        if self.media:
            found.append(t("sound or video"))
        return found


def _action_words(action: str) -> str:
    match action:
        case "Launch":
            return t("an action that starts a program")
        case "URI":
            return t("links that open a web address")
        case "SubmitForm":
            return t("a form that sends data out")
        case "ImportData":
            return t("an action that reads other files")
        case "GoToR" | "GoToE":
            return t("links into other files")
        case _:
            return t("actions of the kind {kind}", kind=action)


def find_active(pdf: pikepdf.Pdf) -> ActiveContent:
    """Everything in the file that could act, its catalogue included (what import reports)."""
    found = ActiveContent()
    root = pdf.Root
    for key in ("/OpenAction", "/AA"):
        if key in root:
            _note_actions(root[key], found)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            found.javascript = True
        if "/EmbeddedFiles" in names:
            found.attachments += list(pdf.attachments.keys())
    acroform = root.get("/AcroForm")
    if isinstance(acroform, pikepdf.Dictionary) and "/XFA" in acroform:
        found.javascript = True  # an XFA form carries scripts of its own
    for page in pdf.pages:
        _clean_page(page.obj, found, remove=False)
    return found


def remove_active(pdf: pikepdf.Pdf) -> ActiveContent:
    """Strip what the pages carry that could act; returns what was removed. The pages look
    the same: only behaviour goes (a link's rectangle stays, it no longer leads anywhere)."""
    removed = ActiveContent()
    for page in pdf.pages:
        _clean_page(page.obj, removed, remove=True)
    _clean_everything_reachable([page.obj for page in pdf.pages], removed)
    # A form is filed as it was filled in: its fields drawn into the page, no longer fillable
    # (a field's script is gone already; a hostile file qpdf cannot flatten stays as it is).
    with contextlib.suppress(pikepdf.PdfError, RuntimeError):
        pdf.flatten_annotations("all")
    for page in pdf.pages:
        annotations = page.obj.get("/Annots")
        if isinstance(annotations, pikepdf.Array):
            # What flattening left of a form: fields with nothing to draw.
            page.obj["/Annots"] = pikepdf.Array(
                a for a in annotations
                if not (isinstance(a, pikepdf.Dictionary) and a.get("/Subtype") == "/Widget"
                        and "/AP" not in a)
            )  # fmt: skip
    if "/AcroForm" in pdf.Root:
        del pdf.Root["/AcroForm"]
    return removed


def _clean_page(page: pikepdf.Dictionary, found: ActiveContent, *, remove: bool) -> None:
    if "/AA" in page:
        _note_actions(page.AA, found)
        if remove:
            del page["/AA"]
    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return
    kept = pikepdf.Array()
    for annotation in annotations:
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        subtype = _text(annotation.get("/Subtype", ""))
        if subtype in _ACTIVE_ANNOTATIONS:
            if subtype == "/FileAttachment":
                spec = annotation.get("/FS")
                name = (
                    spec.get("/UF", spec.get("/F", ""))
                    if isinstance(spec, pikepdf.Dictionary)
                    else ""
                )
                found.attachments.append(_text(name) or "unnamed")
            else:
                found.media = True
            continue  # the annotation goes whole
        _clean_annotation(annotation, found, remove=remove)
        kept.append(annotation)
    if remove:
        page["/Annots"] = kept


def _clean_annotation(
    annotation: pikepdf.Dictionary, found: ActiveContent, *, remove: bool
) -> None:
    # A form field's widget inherits from its parents: their actions run for it too.
    seen: set[tuple[int, int]] = set()
    node: pikepdf.Object | None = annotation
    while isinstance(node, pikepdf.Dictionary):
        if node.is_indirect:
            if node.objgen in seen:
                break  # a cycle of parents in a hostile file
            seen.add(node.objgen)
        if "/AA" in node:
            _note_actions(node.AA, found)
            if remove:
                del node["/AA"]
        if "/A" in node:
            action = node.A
            unsafe = _note_actions(action, found, top_is_action=True)
            if remove and (unsafe or not isinstance(action, pikepdf.Dictionary)):
                del node["/A"]  # an action that is not even a dictionary is only damage
        node = node.get("/Parent")


def _note_actions(
    value: pikepdf.Object, found: ActiveContent, *, top_is_action: bool = False
) -> bool:
    """Record the kinds of the actions in ``value`` (an action, or a dictionary of triggers
    to actions, each possibly chained by /Next); True when any is unsafe."""
    unsafe = False
    pending: list[pikepdf.Object] = (
        [value] if top_is_action or "/S" in _as_dict(value) else list(_as_dict(value).values())
    )
    seen: set[tuple[int, int]] = set()
    while pending:
        action = pending.pop()
        if isinstance(action, pikepdf.Array):
            pending.extend(action)
            continue
        if not isinstance(action, pikepdf.Dictionary):
            continue
        if action.is_indirect:
            if action.objgen in seen:
                continue
            seen.add(action.objgen)
        kind = _text(action.get("/S", ""))
        if kind not in _SAFE_ACTIONS:
            unsafe = True
            if kind == "/JavaScript" or "/JS" in action:
                found.javascript = True
            elif kind:
                found.actions.add(kind.lstrip("/"))
        if "/Next" in action:
            pending.append(action.Next)
    return unsafe


# Action types a reader runs (every one but a jump within the document and named navigation).
_ACTION_TYPES = {
    "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/URI",
    "/ResetForm", "/Hide", "/Rendition", "/Sound", "/Movie", "/RichMediaExecute",
    "/SetOCGState", "/GoTo3DView", "/Thread",
}  # fmt: skip


def _clean_everything_reachable(pages: list[pikepdf.Dictionary], found: ActiveContent) -> None:
    """Whatever a page reaches (its resources, their resources…), not only where a reader
    looks for actions: a damaged or crafted file can place an action dictionary anywhere
    (one was found, by the fuzzer, as a page's graphics state). Trigger dictionaries (/AA)
    go, and an action's type and payload go, leaving an inert dictionary in its place."""
    seen: set[tuple[int, int]] = set()
    pending: list[pikepdf.Object] = list(pages)
    while pending:
        obj = pending.pop()
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Array):
            # Only what can hold more goes on the list (a font's widths are hundreds of
            # numbers: each was taken up and looked at).
            pending.extend(item for item in obj if isinstance(item, _CONTAINERS))
            continue
        keys = obj.keys()  # one call for the three questions below
        if "/AA" in keys:
            _note_actions(obj.AA, found)
            del obj["/AA"]
        kind = obj.get("/S") if "/S" in keys else None
        if isinstance(kind, pikepdf.Name) and _text(kind) in _ACTION_TYPES:
            _note_actions(obj, found, top_is_action=True)
            for key in ("/S", "/JS", "/URI", "/F", "/Next", "/Fields", "/Win", "/Mac", "/Unix"):
                if key in obj:
                    del obj[key]
        elif "/JS" in keys:
            found.javascript = True
            del obj["/JS"]
        # Up the page tree is the other pages' business, not this page's content.
        pending.extend(
            value for key, value in obj.items()
            if key != "/Parent" and isinstance(value, _CONTAINERS)
        )  # fmt: skip


_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)


def _text(value: object) -> str:
    """A name or string of the file as text: a hostile file's may not even be UTF-8."""
    try:
        return str(value)
    except (UnicodeDecodeError, ValueError):
        return bytes(value).decode("latin-1") if isinstance(value, pikepdf.String) else "?"


def _as_dict(value: pikepdf.Object) -> pikepdf.Dictionary:
    return value if isinstance(value, pikepdf.Dictionary) else pikepdf.Dictionary()
