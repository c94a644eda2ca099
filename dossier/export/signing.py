"""Signing an export: a PAdES signature made offline with pyHanko.

Offline means level B-B: a timestamp authority, which would prove the signing time to a third
party, needs the network, so the signing time is the signer's own word (said where the lawyer
signs). The key is the lawyer's own certificate (a PKCS#12 file), or one this program makes
for the lawyer and keeps in the vault — self-signed, which the signature and the window say.

Only the first file of an export is signed (the submission, with the visible signature in its
signature block): it carries the manifest with the fingerprint of every other part and annex
file, so the signature covers them all without changing any of them after the manifest was
made.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import logging
import os
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.metadata.model import DocumentMetadata
from pyhanko.sign.signers import PdfSigner

from dossier import resources
from dossier.errors import DossierError
from dossier.export.finishing import Step
from dossier.export.output import Unpublished, sibling_part
from dossier.export.pdf.narrative import SignaturePlace
from dossier.export.signing_key import SigningKey
from dossier.export.templates import Template
from dossier.i18n import t

FIELD = "Signature1"


@dataclasses.dataclass(frozen=True)
class Words:
    """What the visible signature and the signature's reason say, in the filing's language
    (the template's labels): the clerk reads them, not the window's user."""

    signed_by: str  # "Digitally signed by {signer}"
    self_signed: str
    offline: str
    reason: str

    @classmethod
    def of(cls, template: Template) -> Words:
        return cls(
            template.word("signature.signed_by"),
            template.word("signature.self_signed"),
            template.word("signature.offline"),
            template.word("signature.reason"),
        )


def signing_step(
    key: SigningKey,
    place: SignaturePlace | None,
    at: datetime,
    words: Words,
    *,
    location: str | None = None,
) -> Step:
    """The finishing step that signs the first file of an export at time ``at``."""

    def sign(item: Unpublished, index: int) -> None:
        if index == 0:
            sign_file(item.part, key, place, at, words, location=location)

    return sign


def sign_file(
    path: Path,
    key: SigningKey,
    place: SignaturePlace | None,
    at: datetime,
    words: Words,
    *,
    location: str | None = None,
) -> None:
    """Sign the PDF at ``path`` in place (a new revision appended, then renamed over it)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signed = sibling_part(path)  # swept like any part if the program is killed meanwhile
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=key.name,
        location=location,
        reason=words.reason,
    )
    spec = fields.SigFieldSpec(
        FIELD,
        on_page=place.page if place else 0,
        box=tuple(round(v) for v in place.box) if place else None,  # type: ignore[arg-type]
    )
    style = _stamp_style(key, words)
    signer = _AtTime(meta, key.signer, stamp_style=style, new_field_spec=spec, at=at)
    # pyHanko names the embedded font's subset by Python's shared random generator: seeded
    # from the file and the time for this signature, then given back its state. fontTools
    # dates the subset now unless SOURCE_DATE_EPOCH says otherwise: the signing time.
    state = random.getstate()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(at.timestamp()))
    try:
        with open(path, "rb") as source, open(signed, "xb") as out:
            signed.chmod(0o600)
            writer = IncrementalPdfFileWriter(source, strict=False)
            seed = _same_each_time(writer, path, at)
            random.seed(seed)
            signer.sign_pdf(writer, output=out)
        signed.replace(path)
    except DossierError:
        raise
    except Exception as error:
        raise DossierError(t("The bundle could not be signed; nothing was written.")) from error
    finally:
        random.setstate(state)
        if epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
        with contextlib.suppress(FileNotFoundError):
            signed.unlink()


def _same_each_time(writer: Any, path: Path, at: datetime) -> bytes:
    """The revision's modification date is the signing time, and its file identifier comes
    from the file and that time, not from chance: the same export signed at the same --at
    is the same file (pyHanko picks 'now' and a random identifier)."""
    from pyhanko.pdf_utils import generic

    meta = writer._meta
    fixed = _SignedAt(**{f.name: getattr(meta, f.name) for f in dataclasses.fields(meta)})
    fixed.at = at.astimezone(UTC)
    writer._meta = fixed
    first = writer._document_id[0]  # the file's own: it must not change (ISO 32000 § 14.4)
    seed = hashlib.sha256(path.read_bytes() + at.isoformat().encode()).digest()[:16]
    writer._document_id = generic.ArrayObject([first, generic.ByteStringObject(seed)])
    return seed


@functools.cache
def _sans_at_1000_units() -> bytes:
    """The shipped sans font drawn on 1,000 units to the em: pyHanko writes a TrueType font's
    glyph widths as they are, which a PDF reads as thousandths of an em, so DejaVu's 2,048
    units spaced every letter out."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(resources.SANS["regular"]), recalcTimestamp=False)
    scale_upem(font, 1000)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@dataclasses.dataclass(frozen=True)
class _Sans(GlyphAccumulatorFactory):
    """The shipped sans font, embedded: Cyrillic names sign as they are written, and no font
    is left to the reader's machine."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(_sans_at_1000_units()),
            font_size=self.font_size, obj_stream=obj_stream,
        )  # fmt: skip


def _stamp_style(key: SigningKey, words: Words) -> Any:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    # fontTools says on stderr which tables it leaves out of the subset: nothing to tell.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font = _Sans("", font_size=8)
    return TextStampStyle(
        # pyHanko fills in %(ts)s; every other "%" is the signer's own, kept as it is.
        stamp_text="\n".join(
            (
                words.signed_by.format(signer=key.name).replace("%", "%%"),
                "%(ts)s",
                (words.self_signed if key.self_signed else words.offline).replace("%", "%%"),
            )
        ),
        text_box_style=TextBoxStyle(font=font, font_size=8),
        timestamp_format="%Y-%m-%d %H:%M:%S UTC",
        border_width=1,
    )


class _SignedAt(DocumentMetadata):
    """Document metadata whose modification date stays the signing time: pyHanko's writer
    sets it to "now" as it writes."""

    at: datetime | None = None

    @property
    def last_modified(self) -> datetime | str | None:
        return self.at or "now"

    @last_modified.setter
    def last_modified(self, _value: object) -> None:
        pass


class _AtTime(PdfSigner):
    """pyHanko's signer, at a given time (the export's): the same export signed twice with
    the same --at is the same file."""

    def __init__(self, *args: Any, at: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._at = at.astimezone(UTC)

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._at
        return session
