"""Fetches Tesseract's language data for a Windows or macOS build: the very files Linux uses.

    python packaging/fetch_tessdata.py OUT_FOLDER

Debian's tesseract-ocr-{rus,kir,kaz,eng} packages (tessdata_fast 4.1.0) are what the
Linux package carries and what the OCR tests and figures were measured with. This downloads
the same .deb files from Debian, takes the .traineddata out of each (a .deb is an `ar` archive
holding a tar), and refuses any file whose SHA-256 differs from packaging/tessdata.sha256.
Build-time only: the program itself never uses the network.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOL = "https://deb.debian.org/debian/pool/main/t/tesseract-lang"
VERSION = "4.1.0-2"
MEMBER = "./usr/share/tesseract-ocr/5/tessdata/{language}.traineddata"


def expected() -> dict[str, str]:
    lines = (HERE / "tessdata.sha256").read_text().split("\n")
    pairs = (line.split() for line in lines if line and not line.startswith("#"))
    return {name.removesuffix(".traineddata"): digest for digest, name in pairs}


def ar_members(data: bytes) -> dict[str, bytes]:
    """The members of an `ar` archive (the outer format of a .deb)."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("Not a Debian package (no ar header).")
    members, at = {}, 8
    while at + 60 <= len(data):
        header = data[at : at + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        members[name] = data[at + 60 : at + 60 + size]
        at += 60 + size + (size % 2)  # members are padded to an even length
    return members


def traineddata(deb: bytes, language: str) -> bytes:
    members = ar_members(deb)
    payload = next(value for name, value in members.items() if name.startswith("data.tar"))
    with tarfile.open(fileobj=io.BytesIO(payload)) as archive:
        extracted = archive.extractfile(MEMBER.format(language=language))
        if extracted is None:
            raise SystemExit(f"No {language}.traineddata in its package.")
        return extracted.read()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for language, digest in expected().items():
        url = f"{POOL}/tesseract-ocr-{language}_{VERSION}_all.deb"
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (a fixed https URL)
            data = traineddata(response.read(), language)
        found = hashlib.sha256(data).hexdigest()
        if found != digest:
            raise SystemExit(f"{language}.traineddata from {url}: SHA-256 {found}, not {digest}.")
        (out / f"{language}.traineddata").write_bytes(data)
        print(f"{language}.traineddata  {len(data):>9} bytes  SHA-256 checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
