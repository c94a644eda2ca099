"""The evidence package: the Berkeley Protocol's evidentiary copy of a case's annexes.

One ZIP with the original files under their original names, each annex's translations, the
bundle itself (signed when the export is), and a manifest in JSON and CSV: each item's
SHA-256, when it was imported, its source, kind and language, and the custody entries of
each. When the export is signed, the JSON manifest carries a detached signature beside it.
Everything in the ZIP is dated the export's time and listed in one order, so that the same
case exported with the same --at is the same file, byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from dossier.export.content import DossierContent, Originals
from dossier.export.signing_key import SigningKey

FORMAT = "evidence-dossier-package/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"


@dataclass(frozen=True)
class CustodyEntry:
    at: str
    action: str
    details: str  # in words


def package_bytes(
    content: DossierContent,
    originals: Originals,
    bundle_name: str,
    bundle: bytes,
    custody: dict[str, list[CustodyEntry]],  # by document reference (D3)
    sign: SigningKey | None,
) -> bytes:
    """The ZIP, in memory (its parts are already in memory: the originals and the bundle)."""
    files: list[tuple[str, bytes]] = [(bundle_name, bundle)]
    items = []
    for exhibit in content.exhibits:
        document = exhibit.document
        folder = f"annexes/{_safe_path(exhibit.label)}"
        original = f"{folder}/{_safe_path(document.original_name) or 'original'}"
        files.append((original, originals.file_bytes(document)))
        translated = []
        for translation in exhibit.translations:
            name = f"{folder}/translation-{translation.language}-{translation.ref}.txt"
            files.append((name, _translation_text(translation).encode("utf-8")))
            translated.append({"file": name, "language": translation.language,
                               "translator": translation.translator})  # fmt: skip
        entries = custody.get(document.ref, [])
        items.append(
            {
                "label": exhibit.label,
                "title": content.redact(document.title),
                "file": original,
                "original_name": document.original_name,
                "sha256": document.sha256,
                "size": document.size,
                "mime_type": document.mime_type,
                "imported_at": next(
                    (e.at for e in entries if e.action == "document imported"), None
                ),
                "source": {"url": document.url, "outlet": document.outlet,
                           "author": document.author, "published": document.date_published},
                "kind": document.kind,
                "language": document.language,
                "translations": translated,
                "custody": [{"at": e.at, "action": e.action, "details": e.details}
                            for e in entries],
            }
        )  # fmt: skip
    manifest = {
        "format": FORMAT,
        "exported_at": content.export_time.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "bundle": {"file": bundle_name, "fingerprint": content.fingerprint},
        "items": items,
    }
    manifest_json = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    files += [(MANIFEST, manifest_json), ("manifest.csv", _csv(items))]
    if sign is not None:
        files.append((SIGNATURE, _detached_signature(manifest_json, sign, content.export_time)))
    return _zip(files, content.export_time)


def _translation_text(translation: object) -> str:
    fields = ("language", "translator", "translator_address", "qualifications", "date")
    head = [
        f"{name}: {getattr(translation, name)}" for name in fields if getattr(translation, name)
    ]
    return "\n".join([*head, "", str(getattr(translation, "text", ""))]) + "\n"


def _csv(items: Iterable[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ("label", "file", "sha256", "size", "imported_at", "kind", "language")
    writer.writerow([*columns, "source_url", "custody_entries"])
    for item in items:
        source = item["source"]
        assert isinstance(source, dict)
        custody = item["custody"]
        assert isinstance(custody, list)
        writer.writerow([*(item[c] if item[c] is not None else "" for c in columns),
                         source.get("url") or "", len(custody)])  # fmt: skip
    return out.getvalue().encode("utf-8")


def _detached_signature(data: bytes, sign: SigningKey, at: datetime) -> bytes:
    """A CMS detached signature of the manifest, by whatever holds the key (a file, the
    vault, a token), dated the export's time: the same manifest signed with the same key at
    the same --at is the same signature (RSA PKCS#1 v1.5)."""
    import asyncio

    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    signed = asyncio.run(
        sign.signer.async_sign_general_data(
            data, "sha256", detached=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=at),
        )
    )  # fmt: skip
    return bytes(signed.dump())


def _zip(files: list[tuple[str, bytes]], moment: datetime) -> bytes:
    stamp = moment.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _safe_path(name: str) -> str:
    """A name for a ZIP entry: no folders of its own, no way out of the package."""
    return name.replace("/", "_").replace("\\", "_").lstrip(".").strip() or "file"
