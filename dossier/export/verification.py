"""Checking an exported bundle, offline and without the vault: what a receiving clerk, or the
lawyer years later, can ask of the file alone.

Its signature (who signed, when by the signer's own clock, whether the file is intact and the
signature covers all of it), then the manifest the bundle carries: every other part or portal
file lying beside it, and every original attached inside it, against the SHA-256 recorded
when the bundle was made. Each finding is a sentence; nothing is fetched from the network
(the certificate is not checked against any authority, and the report says so).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.i18n import t


@dataclass(frozen=True)
class SignatureFound:
    signer: str
    signed_at: datetime | None  # the signer's own clock (no timestamp authority)
    intact: bool  # not one byte it covers has changed
    whole_file: bool  # it covers the file as it is (nothing added after)
    self_signed: bool


@dataclass
class BundleCheck:
    path: Path
    fingerprint: str = ""  # the SHA-256 of annexes.json inside: compare with the cover's
    signatures: list[SignatureFound] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # what was found as recorded, in words
    problems: list[str] = field(default_factory=list)  # what is wrong, in words

    @property
    def sound(self) -> bool:
        return not self.problems


def verify_bundle(path: Path) -> BundleCheck:
    check = BundleCheck(Path(path))
    try:
        data = check.path.read_bytes()
    except OSError as error:
        check.problems.append(
            t("{file} could not be read: {reason}.", file=path, reason=error.strerror or error)
        )
        return check
    _signatures(data, check)
    _manifest(data, check)
    return check


def _signatures(data: bytes, check: BundleCheck) -> None:
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # a hostile or damaged file: its parser's words are never shown
        check.problems.append(
            t("The file is damaged or was changed: it cannot be read as the PDF it was.")
        )
        return
    if not embedded:
        check.checked.append(t("The file is not signed."))
        return
    for signature in embedded:
        try:
            certificate = signature.signer_cert
            # Offline: the signer's own certificate is the only one trusted, so the check
            # says whether the file is as signed, not who vouches for the signer.
            context = ValidationContext(trust_roots=[certificate], allow_fetching=False)
            status = validate_pdf_signature(signature, context)
        except Exception:
            check.problems.append(
                t("A signature in the file cannot be checked: the file was changed or damaged.")
            )
            continue
        subject = certificate.subject.native
        from dossier.export.signing_key import SELF_SIGNED_MARK

        found = SignatureFound(
            signer=str(subject.get("common_name") or subject.get("organization_name") or ""),
            signed_at=_utc(status.signer_reported_dt),
            intact=bool(status.intact),
            whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            self_signed=subject.get("organization_name") == SELF_SIGNED_MARK,
        )
        check.signatures.append(found)
        if not found.intact:
            check.problems.append(
                t(
                    "The file was changed after {signer} signed it: the bytes the signature "
                    "covers are no longer those signed.",
                    signer=found.signer,
                )
            )
        elif not found.whole_file:
            check.problems.append(
                t(
                    "Something was added to the file after {signer} signed it: the signature "
                    "does not cover the whole file.",
                    signer=found.signer,
                )
            )


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def _manifest(data: bytes, check: BundleCheck) -> None:
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            attached = {
                name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()
            }
    except Exception:
        if not check.problems:
            check.problems.append(
                t("The file is damaged or was changed: it cannot be read as the PDF it was.")
            )
        return
    annexes = attached.pop("annexes.json", None)
    if annexes is not None:
        check.fingerprint = hashlib.sha256(annexes).hexdigest()
    raw = attached.pop("manifest.json", None)
    if raw is None:
        check.checked.append(t("The file carries no manifest of annexes."))
        return
    try:
        manifest: dict[str, Any] = json.loads(raw)
    except ValueError:
        check.problems.append(t("The manifest inside the file is damaged."))
        return
    exhibits = manifest.get("exhibits", [])
    check.checked.append(t("The manifest lists {count} annexes.", count=len(exhibits)))
    if annexes is not None and annexes != _canonical(manifest):
        check.problems.append(
            t("The list of annexes inside (annexes.json) does not match the manifest.")
        )
    for part in manifest.get("parts", []):
        _file_beside(check, str(part.get("file", "")), str(part.get("sha256", "")))
    recorded = {str(e.get("attached_as")): str(e.get("sha256")) for e in exhibits}
    labels = {str(e.get("attached_as")): str(e.get("label")) for e in exhibits}
    for name, content in attached.items():
        expected = recorded.get(name)
        if expected is None:
            check.problems.append(
                t("A file inside ({file}) is not one the manifest lists.", file=name)
            )
            continue
        if hashlib.sha256(content).hexdigest() == expected:
            check.checked.append(
                t("{annex}: its original file inside matches its fingerprint.", annex=labels[name])
            )
        else:
            check.problems.append(
                t(
                    "{annex}: the original file inside ({file}) does not match the fingerprint "
                    "the manifest records.",
                    annex=labels[name],
                    file=name,
                )
            )


def _canonical(manifest: dict[str, Any]) -> bytes:
    """The manifest as annexes.json holds it: without the parts' and attachments' entries,
    canonical JSON (see bundle.annexes_record)."""
    record = {key: value for key, value in manifest.items() if key != "parts"}
    record["exhibits"] = [
        {key: value for key, value in exhibit.items() if key != "attached_as"}
        for exhibit in manifest.get("exhibits", [])
    ]
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _file_beside(check: BundleCheck, name: str, expected: str) -> None:
    """A part or portal file the manifest lists, looked for beside the checked file."""
    other = check.path.parent / Path(name).name
    if not other.is_file():
        check.problems.append(
            t("{file}, which the manifest lists, is not beside this file.", file=name)
        )
        return
    digest = hashlib.sha256(other.read_bytes()).hexdigest()
    if digest == expected:
        check.checked.append(t("{file} matches its fingerprint.", file=name))
    else:
        check.problems.append(
            t("{file} was changed: it does not match the fingerprint the manifest records.",
              file=name)
        )  # fmt: skip


def in_words(check: BundleCheck) -> str:
    """The check as the window and the command line say it."""
    lines = []
    for found in check.signatures:
        who = (
            t("{signer} (a certificate made by Evidence Dossier: no authority vouches for it)",
              signer=found.signer)
            if found.self_signed
            else found.signer
        )  # fmt: skip
        lines.append(t("Signed by {who}.", who=who))
        if found.signed_at is not None:
            moment = found.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
            lines.append(
                t("Signed on {time}, by the signer's own clock (no timestamp authority).",
                  time=moment)
            )  # fmt: skip
        if found.intact:
            lines.append("  ✓ " + t("Intact: not one byte it covers has changed."))
        if found.whole_file:
            lines.append("  ✓ " + t("The signature covers the whole file."))
    if check.fingerprint:
        lines.append(
            t("Bundle fingerprint: {digest} (compare it with the cover and the receipt).",
              digest=check.fingerprint)
        )  # fmt: skip
    lines += ["  ✓ " + said for said in check.checked]
    lines += ["  ✗ " + said for said in check.problems]
    lines.append(
        t("The file is as it was made.") if check.sound else t("The file is NOT as it was made.")
    )
    return "\n".join(lines)
