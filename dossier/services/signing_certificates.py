"""The signing certificate the program makes for the lawyer and keeps in the vault.

Self-signed: no authority vouches for it, which the signature, ``verify-bundle`` and the
window say. A lawyer with a qualified certificate signs with that file instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from dossier.errors import DossierError
from dossier.export.signing_key import SigningKey, load_pkcs12, make_certificate
from dossier.i18n import t
from storage.custody import utc_now
from storage.models import SigningCertificate
from storage.vault import Vault


@dataclass(frozen=True)
class CertificateView:
    name: str
    created_at: str  # ISO, UTC
    valid_until: str  # ISO date


def create(vault: Vault, name: str, now: datetime | None = None) -> CertificateView:
    """Make a new key and self-signed certificate for ``name``; it signs from now on (an
    earlier one is kept, for the record)."""
    name = name.strip()
    if not name:
        raise DossierError(t("Give the name the signature should show (the signer's name)."))
    data = make_certificate(name, (now or datetime.now(UTC)).replace(microsecond=0))
    with vault.transaction() as session:
        session.add(SigningCertificate(name=name, pkcs12=data, created_at=utc_now()))
        vault.record_custody(session, "signing certificate made", "vault", {"name": name})
    view = current(vault)
    assert view is not None
    return view


def current(vault: Vault) -> CertificateView | None:
    row = _latest(vault)
    if row is None:
        return None
    name, data, created = row
    certificate = load_pkcs12(data, None).signer.signing_cert
    until = certificate["tbs_certificate"]["validity"]["not_after"].native
    return CertificateView(name, created, until.date().isoformat())


def signing_key(vault: Vault) -> SigningKey:
    """The vault's certificate, ready to sign; a sentence if none was made."""
    row = _latest(vault)
    if row is None:
        raise DossierError(
            t(
                "This vault has no signing certificate yet: make one first "
                "(Vault: Signing certificate)."
            )
        )
    return load_pkcs12(row[1], None)


def _latest(vault: Vault) -> tuple[str, bytes, str] | None:
    with vault.session() as session:
        row = session.execute(
            select(
                SigningCertificate.name, SigningCertificate.pkcs12, SigningCertificate.created_at
            )
            .order_by(SigningCertificate.id.desc())
            .limit(1)
        ).first()
    return (row[0], bytes(row[1]), row[2]) if row else None
