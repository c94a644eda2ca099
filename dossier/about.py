"""What the program is made of: its version, and every bundled part with its version and licence.

One list for the About dialog, `dossier about` and the package build (which writes the same
notices beside the program as THIRD-PARTY-NOTICES.txt). Python packages are read from their own
metadata (the packaged program carries it), so a dependency added to pyproject.toml appears here
without anyone remembering to list it; what is not a Python package (Qt inside PySide6, SQLCipher
inside sqlcipher3, Tesseract inside tesserocr, the fonts and language data) is listed by hand.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from packaging.requirements import Requirement

from dossier.resources import ROOT as RESOURCES

APP = "evidence-dossier"
LICENCES = RESOURCES / "licenses"
_LGPL = (LICENCES / "LGPL-3.0.txt", LICENCES / "GPL-3.0.txt")  # LGPL-3.0 is GPL-3.0 plus its terms
_SQLCIPHER = "BSD-3-Clause-SQLCipher.txt"
# Packages whose metadata does not say it: sqlcipher3 keeps pysqlite's zlib licence (its LICENSE
# file); PySide6's wheels carry no licence file, Qt's LGPL texts are ours.
_DECLARED = {"sqlcipher3": "Zlib"}
_TEXTS = {
    "pyside6-essentials": _LGPL, "pyside6-addons": _LGPL, "pyside6-pdf": _LGPL, "shiboken6": _LGPL,
}  # fmt: skip
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)
# A wheel's own note on the licence of its compiled parts, e.g. pillow-heif's
# "License for "pillow-heif" binary wheels: GPLv2" or an entry's "License: GPLv2".
_BUNDLED_LICENCE_LINE = re.compile(
    r"^\s*License(?: for .*)?:\s*(.+)$", re.IGNORECASE | re.MULTILINE
)
# GPL or AGPL, not LGPL ("\\b" keeps "LGPL" out), abbreviated or spelled out.
_GPL_ALONE = re.compile(r"\bA?GPL|(?<!Lesser )(?<!Library )General Public License", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    inside: str = ""  # the Python package that carries it, for parts that are not packages
    texts: tuple[Path, ...] = field(default=(), compare=False)  # its licence files


def version() -> str:
    return metadata.version(APP)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def distributions() -> tuple[metadata.Distribution, ...]:
    """The Python packages the program runs on: its requirements, theirs, and so on."""
    found: dict[str, metadata.Distribution] = {}

    def walk(name: str) -> None:
        if _key(name) in found:
            return
        distribution = metadata.distribution(name)
        found[_key(name)] = distribution
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue  # another platform's, or an option the program does not install
            walk(requirement.name)

    walk(APP)
    del found[APP]
    return tuple(sorted(found.values(), key=lambda d: _key(d.metadata["Name"])))


def _field(data: metadata.PackageMetadata, name: str) -> str:
    return str((data.get_all(name) or [""])[0])


def _licence_of(distribution: metadata.Distribution) -> str:
    data = distribution.metadata
    if _key(data["Name"]) in _DECLARED:
        return _DECLARED[_key(data["Name"])]
    expression = _field(data, "License-Expression")
    if expression:
        return str(expression)
    # Older metadata: a free-text "License" (sometimes the whole text), else the classifiers.
    text = _field(data, "License").strip()
    if text and text.upper() != "UNKNOWN":
        first = text.splitlines()[0]
        return re.split(r"\s*[(,]", first)[0].strip() or first
    licences = [
        c.split("::")[-1].strip()
        for c in data.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return ", ".join(licences) or "see its licence file"


def _licence_files(distribution: metadata.Distribution) -> tuple[Path, ...]:
    # The .dist-info folder itself, read as it is: the packaged program carries it without its
    # RECORD (which names the build machine's paths), so `distribution.files` is not used.
    folder = getattr(distribution, "_path", None)
    if folder is None or not Path(folder).is_dir():
        return ()
    found = [
        path
        for path in Path(folder).rglob("*")
        if path.is_file() and _LICENCE_FILE.search(path.relative_to(folder).as_posix())
    ]
    return tuple(sorted(found))


def python_packages() -> list[Component]:
    return [
        Component(
            name=str(d.metadata["Name"]),
            version=d.version,
            licence=_licence_of(d),
            texts=_TEXTS.get(_key(d.metadata["Name"])) or _licence_files(d),
        )
        for d in distributions()
    ]


def bundled_parts() -> list[Component]:
    """What is not a Python package: libraries inside the wheels, fonts, language data."""
    import pi_heif
    import pikepdf
    import pypdfium2.version
    import tesserocr
    from cryptography.hazmat.backends.openssl import backend

    from storage.database import engine_versions

    cipher, sqlite, cipher_crypto = engine_versions()
    openssl = backend.openssl_version_text().split()[1]
    tesseract = dict(
        re.findall(r"(tesseract|leptonica)[ -]([\d.]+)", tesserocr.tesseract_version())
    )
    apache = (LICENCES / "Apache-2.0.txt",)
    pdfium = str(pypdfium2.version.PDFIUM_INFO).split("@")[0]
    fonts = "Bitstream Vera licence, DejaVu changes public domain"
    part = Component
    return [
        part("Python", platform.python_version(), "PSF-2.0", "", (LICENCES / "PSF-2.0.txt",)),
        part("Qt", metadata.version("PySide6-Essentials"), "LGPL-3.0-only", "PySide6", _LGPL),
        part("SQLCipher", cipher, "BSD-3-Clause", "sqlcipher3", (LICENCES / _SQLCIPHER,)),
        part("SQLite", sqlite, "Public domain", "sqlcipher3"),
        part("OpenSSL", cipher_crypto, "Apache-2.0", "sqlcipher3", apache),
        part("OpenSSL", openssl, "Apache-2.0", "cryptography", apache),
        part("Tesseract", tesseract.get("tesseract", ""), "Apache-2.0", "tesserocr", apache),
        part(
            "Leptonica",
            tesseract.get("leptonica", ""),
            "BSD-2-Clause",
            "tesserocr",
            (LICENCES / "BSD-2-Clause-Leptonica.txt",),
        ),
        part("Tesseract language data", "4.1.0", "Apache-2.0", "", apache),
        part("PDFium", pdfium, "BSD-3-Clause", "pypdfium2"),
        part("qpdf", pikepdf.__libqpdf_version__, "Apache-2.0", "pikepdf"),
        part("libheif, libde265", pi_heif.libheif_version(), "LGPL-3.0", "pi-heif", _LGPL),
        part("DejaVu fonts", "2.37", fonts, "", (RESOURCES / "fonts" / "LICENSE-DejaVu.txt",)),
    ]


def components() -> list[Component]:
    return bundled_parts() + python_packages()


def gpl_alone(component: Component) -> list[str]:
    """The licences under which this part may only be passed on as GPL (not LGPL): empty if none.

    The app is Apache-2.0 and links everything into one program: a part offered only under the
    GPL would make the whole program GPL. A choice ("LGPL-3.0-only OR GPL-2.0-only") is fine.
    Reads the part's declared licence and what its licence files say of its compiled parts.
    """
    said = [component.licence]
    for path in component.texts:
        text = path.read_text(encoding="utf-8", errors="replace")[:20_000]
        said += _BUNDLED_LICENCE_LINE.findall(text)
    found = []
    for licence in said:
        choices = re.split(r"\s+OR\s+", licence, flags=re.IGNORECASE)
        # GCC's runtime library exception lets any program link it (MinGW's, in Windows wheels).
        if choices and all(
            _GPL_ALONE.search(choice) and "exception" not in choice.lower() for choice in choices
        ):
            found.append(licence.strip())
    return found


def listing(parts: list[Component], indent: str = "") -> list[str]:
    """One line a part, in columns: name, version, licence (and what carries it)."""
    width = max(len(part.name) for part in parts)
    return [
        f"{indent}{part.name:<{width}}  {part.version or '-':<14}  {part.licence}"
        + (f" (inside {part.inside})" if part.inside else "")
        for part in parts
    ]


def notices() -> str:
    """The full notices: what is bundled (version, licence, where) and every licence text."""
    parts = components()
    lines = [
        f"Evidence Dossier {version()}: third-party notices",
        "",
        "Evidence Dossier is under the Apache License 2.0 (the file LICENSE). It bundles the",
        "parts below, each under its own licence; their licence texts follow the list.",
        "Qt (LGPL-3.0) is linked dynamically: its libraries are separate files in the program's",
        "folder (libQt6*.so, Qt6*.dll or the Qt frameworks) and may be replaced by your own",
        "build of the same Qt version.",
        "Qt's source code: https://download.qt.io/official_releases/qt/",
        "",
    ]
    lines += listing(parts)
    shown: set[Path] = set()
    for part in parts:
        for path in part.texts:
            if path in shown:
                continue
            shown.add(path)
            lines += ["", "=" * 78, f"{part.name} {part.version}: {path.name}", "=" * 78, ""]
            lines.append(path.read_text(encoding="utf-8", errors="replace").rstrip())
    return "\n".join(lines) + "\n"
