"""Whose key signs an export: the lawyer's own certificate (a PKCS#12 file), or one this
program makes for the lawyer and keeps in the vault — self-signed, and said so.

Kept apart from ``signing`` so that choosing a key loads no PDF machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dossier.errors import DossierError
from dossier.i18n import t

SELF_SIGNED_MARK = "Evidence Dossier (self-signed)"  # the certificate's organisation


@dataclass(frozen=True)
class SigningKey:
    signer: Any  # pyhanko.sign.signers.Signer (SimpleSigner, or PKCS11Signer on a token)
    name: str  # the signer, as the certificate names them
    self_signed: bool
    session: Any = None  # a token's open PKCS#11 session, closed by close()

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


def from_token(module: str, token: str | None, key: str, pin: str) -> SigningKey:
    """The key and certificate on a smart card or token (PKCS#11): ``module`` is its
    driver library (OpenSC's opensc-pkcs11.so, a vendor's), ``token`` its label (default:
    the first), ``key`` the label of the key and of its certificate."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    try:
        session = open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token) if token else None, user_pin=pin
        )
    except Exception as error:  # the driver's own words are not shown (they name nothing)
        raise DossierError(
            t(
                "The token could not be opened: check that it is plugged in, that the driver "
                "library is the one for it, and the PIN. Nothing was written."
            )
        ) from error
    try:
        signer = PKCS11Signer(session, key_label=key, cert_label=key)
        certificate = signer.signing_cert
    except Exception as error:
        session.close()
        raise DossierError(
            t(
                'The token holds no key and certificate labelled "{label}". Nothing was written.',
                label=key,
            )
        ) from error
    subject = certificate.subject.native
    name = str(subject.get("common_name") or subject.get("organization_name") or "")
    return SigningKey(signer, name, False, session)


def load_pkcs12(data: bytes, password: bytes | None) -> SigningKey:
    """The lawyer's certificate and key from a PKCS#12 (.p12, .pfx) file."""
    from pyhanko.sign.signers import SimpleSigner

    try:
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)
    except (ValueError, TypeError) as error:
        raise DossierError(
            t(
                "The certificate file could not be opened: check its password (and that it "
                "is a .p12 or .pfx file holding a key). Nothing was written."
            )
        ) from error
    certificate = signer.signing_cert
    subject = certificate.subject.native
    name = str(subject.get("common_name") or subject.get("organization_name") or "")
    organisation = str(subject.get("organization_name") or "")
    self_signed = certificate.issuer == certificate.subject and organisation == SELF_SIGNED_MARK
    return SigningKey(signer, name, self_signed)


def make_certificate(name: str, now: datetime, years: int = 5) -> bytes:
    """A new key and a self-signed certificate for ``name``, as PKCS#12 bytes (no password:
    the vault that keeps them is the lock). RSA, so that a signature is the same for the
    same file and time (tests, and re-exports with the same --at)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, SELF_SIGNED_MARK),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None, serialization.NoEncryption()
    )
