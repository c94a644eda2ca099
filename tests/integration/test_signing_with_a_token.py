"""Signing with a smart card or token (PKCS#11), tried on a real software token (SoftHSM2):
the key never leaves the token; the export is signed as with a certificate file, and a
wrong PIN or label is said in words."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dossier.cli.main import main
from dossier.errors import DossierError
from dossier.export.case_export import export_case, parse_time
from dossier.export.signing_key import from_token, make_certificate
from dossier.export.verification import verify_bundle
from dossier.services import cases, documents, exhibits, people
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import PASSPHRASE

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "246810"
AT = parse_time("2026-11-25T10:00:00Z")


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A software token holding a lawyer's key and certificate, labelled "lawyer". One for
    the module: a PKCS#11 library reads its configuration once per process."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield _make_token(tmp_path_factory.mktemp("token"), monkeypatch)


def _make_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    if not MODULE.is_file() or shutil.which("softhsm2-util") is None:
        pytest.fail("SoftHSM2 is not installed (make test installs it)")
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pkcs11 import Attribute
    from pkcs11.util.x509 import decode_x509_certificate

    folder = tmp_path / "tokens"
    folder.mkdir()
    config = tmp_path / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {folder}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(config))
    made = ["softhsm2-util", "--init-token", "--free", "--label", "dossier", "--pin", PIN,
            "--so-pin", "13579"]  # fmt: skip
    subprocess.run(made, check=True, capture_output=True)
    key, certificate, _ = pkcs12.load_key_and_certificates(
        make_certificate("Jane Advocate", datetime(2026, 11, 1, tzinfo=UTC)), None
    )
    pem = tmp_path / "key.pem"
    pem.write_bytes(
        key.private_bytes(  # type: ignore[union-attr]
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    put = ["softhsm2-util", "--import", str(pem), "--token", "dossier", "--label", "lawyer",
           "--id", "01", "--pin", PIN]  # fmt: skip
    subprocess.run(put, check=True, capture_output=True)
    pem.unlink()  # the key lives on the token only
    assert certificate is not None
    library = pkcs11.lib(str(MODULE))
    with library.get_token(token_label="dossier").open(rw=True, user_pin=PIN) as session:
        template = decode_x509_certificate(certificate.public_bytes(serialization.Encoding.DER))
        template.update({Attribute.LABEL: "lawyer", Attribute.ID: b"\x01", Attribute.TOKEN: True})
        session.create_object(template)
    return "dossier"


def _case(folder: Path) -> tuple[Vault, int]:
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "ccf-deletion")
    text = folder / "ruling.txt"
    text.write_text("The Oktyabrsky District Court declared Kloop's materials extremist.")
    document = documents.import_files(vault, [text], person_ids=[person.id]).imported[0]
    exhibits.add_exhibit(vault, case.id, document.id)
    cases.update_case(vault, case.id, signatory_name="Jane Advocate", facts="Facts.")
    return vault, case.id


def test_an_export_is_signed_by_the_key_on_a_token(token: str, tmp_path: Path) -> None:
    vault, case_id = _case(tmp_path)
    key = from_token(str(MODULE), token, "lawyer", PIN)
    try:
        out = tmp_path / "signed.pdf"
        export_case(vault, case_id, out, at=AT, draft=True, sign=key)
    finally:
        key.close()
        vault.lock()
    check = verify_bundle(out)
    assert check.sound, check.problems
    [found] = check.signatures
    assert found.signer == "Jane Advocate" and found.intact and found.whole_file


def test_a_wrong_pin_or_label_is_said_in_words(token: str) -> None:
    with pytest.raises(DossierError, match="check that it is plugged in") as wrong:
        from_token(str(MODULE), token, "lawyer", "000000")
    assert "CKR_" not in str(wrong.value)
    with pytest.raises(DossierError, match='no key and certificate labelled "judge"'):
        from_token(str(MODULE), token, "judge", PIN)


def test_the_command_line_signs_with_a_token(
    token: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _case_id = _case(tmp_path)
    vault.lock()
    pin = tmp_path / "pin.txt"
    pin.write_text(PIN + "\n")
    out = tmp_path / "cli.pdf"
    monkeypatch.setenv("DOSSIER_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    args = ["export", "C1", "--out", str(out), "--draft", "--sign-token", str(MODULE),
            "--token-label", token, "--key-label", "lawyer", "--pin-file", str(pin)]  # fmt: skip
    code = main(args)
    assert code == 0
    assert verify_bundle(out).signatures[0].signer == "Jane Advocate"
