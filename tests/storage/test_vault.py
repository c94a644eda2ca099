"""The vault on real SQLCipher files: round trip, confidentiality, tampering, locking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.errors import (
    BlobMissing,
    BlobTampered,
    DatabaseDamaged,
    HeaderDamaged,
    NotAVault,
    VaultAlreadyExists,
    VaultFromNewerVersion,
    VaultInUse,
    VaultLocked,
    WrongPassphrase,
)
from storage.header import HEADER_NAME
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.helpers import plaintext_found

SECRETS = [
    "Rinat Tukhvatshin",
    "Ринат Тухватшин",
    "Жоомарт Дуулатов",
    "Қазақ сөзі ңөүәғқұһі",
    "Кыргыз тили: ң ө ү",
    "we rejected this request",
]


def _blob_path(vault: Vault, file_id: int) -> Path:
    with vault.session() as session:
        from storage.models import StoredFile

        row = session.get(StoredFile, file_id)
        assert row is not None
        return vault.folder / "blobs" / row.file_name[:2] / row.file_name


def test_round_trip_survives_lock_and_unlock(vault: Vault, vault_folder: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    stored = vault.store_bytes(data, label="Протокол обыска.pdf", media_type="application/pdf")
    vault.lock()
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        record = reopened.file(stored.record.id)
        assert record.label == "Протокол обыска.pdf"
        assert record.size == len(data)
        assert reopened.read_bytes(record.id) == data
        assert [entry.action for entry in reopened.custody_log()] == [
            "vault created",
            "file stored",
        ]


def test_no_plaintext_anywhere_under_the_vault_folder(vault: Vault, vault_folder: Path) -> None:
    for text in SECRETS:
        vault.store_bytes(("Witness statement: " + text).encode(), label=text)
    with vault.transaction() as session:
        vault.record_custody(session, "note", SECRETS[1], {"quote": SECRETS[-1]})
    # While open (WAL and shared-memory files present) and after locking.
    assert plaintext_found(vault_folder, SECRETS) == []
    vault.lock()
    assert plaintext_found(vault_folder, SECRETS) == []
    assert plaintext_found(vault_folder, ["Witness statement"]) == []


def test_grep_helper_does_find_plaintext(tmp_path: Path) -> None:
    (tmp_path / "leak.txt").write_text("x " + SECRETS[3], encoding="utf-8")
    assert plaintext_found(tmp_path, SECRETS) != []


def test_wrong_passphrase_is_refused_and_changes_nothing(vault: Vault, vault_folder: Path) -> None:
    vault.store_bytes(b"evidence", label="a")
    vault.lock()
    before = {p: p.read_bytes() for p in vault_folder.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase, match="not correct"):
        Vault.unlock(vault_folder, "wrong passphrase")
    after = {p: p.read_bytes() for p in vault_folder.rglob("*") if p.is_file()}
    assert before == after
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert reopened.read_bytes(1) == b"evidence"


def test_passphrase_change_rewraps_only_the_key(vault: Vault, vault_folder: Path) -> None:
    vault.store_bytes(b"statement", label="s")
    blob = _blob_path(vault, 1)
    blob_before = blob.read_bytes()
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    assert blob.read_bytes() == blob_before
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_folder, PASSPHRASE)
    with Vault.unlock(vault_folder, "a brand new passphrase") as reopened:
        assert reopened.read_bytes(1) == b"statement"
        assert reopened.custody_log()[-1].action == "passphrase changed"


def test_passphrase_change_needs_the_current_passphrase(vault: Vault, vault_folder: Path) -> None:
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not it", "another passphrase")
    vault.lock()
    Vault.unlock(vault_folder, PASSPHRASE).lock()


def test_lock_zeroes_keys_and_refuses_further_work(vault: Vault) -> None:
    vault.store_bytes(b"x", label="x")
    buffers = vault._keys.buffers()  # type: ignore[union-attr]
    assert any(any(buffer) for buffer in buffers)
    vault.lock()
    assert all(not any(buffer) for buffer in buffers)
    assert vault._keys is None and vault._engine is None
    with pytest.raises(VaultLocked):
        vault.read_bytes(1)
    with pytest.raises(VaultLocked):
        vault.store_bytes(b"y", label="y")


def test_second_open_in_this_process_is_refused(vault: Vault, vault_folder: Path) -> None:
    with pytest.raises(VaultInUse, match="open in another"):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_open_in_another_process_is_refused_clearly(vault: Vault, vault_folder: Path) -> None:
    vault.store_bytes(b"kept", label="kept")
    script = (
        "import sys\nfrom storage.vault import Vault\nfrom storage.errors import VaultError\n"
        "try:\n    Vault.unlock(sys.argv[1], sys.argv[2])\n"
        "except VaultError as e:\n    print(type(e).__name__); sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(vault_folder), PASSPHRASE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "VaultInUse"
    assert vault.read_bytes(1) == b"kept"


def test_creating_over_an_existing_vault_is_refused(vault: Vault, vault_folder: Path) -> None:
    with pytest.raises(VaultAlreadyExists):
        Vault.create(vault_folder, PASSPHRASE)


def test_a_folder_without_a_vault_is_named_so(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        Vault.unlock(tmp_path, PASSPHRASE)
    (tmp_path / HEADER_NAME).write_text('{"format": "something else"}')
    with pytest.raises(NotAVault):
        Vault.unlock(tmp_path, PASSPHRASE)


def test_same_bytes_stored_twice_are_recognised(vault: Vault) -> None:
    first = vault.store_bytes(b"same bytes", label="first.pdf")
    second = vault.store_bytes(b"same bytes", label="copy of first.pdf")
    assert second.duplicate and second.record.id == first.record.id
    assert len(vault.files()) == 1
    assert len(list((vault.folder / "blobs").rglob("*.*"))) == 0
    assert len([p for p in (vault.folder / "blobs").rglob("*") if p.is_file()]) == 1
    assert vault.find_by_sha256(first.record.sha256) == first.record


def test_deleting_a_file_shreds_its_key_and_removes_the_file(vault: Vault) -> None:
    stored = vault.store_bytes(b"to be deleted", label="d")
    blob = _blob_path(vault, stored.record.id)
    vault.delete_file(stored.record.id, reason="entered by mistake")
    assert not blob.exists()
    assert vault.files() == []
    assert vault.custody_log()[-1].action == "file deleted"


# ------------------------------------------------------------------ blob tampering
@pytest.fixture
def two_files(vault: Vault) -> tuple[int, int]:
    first = vault.store_bytes(os.urandom(2 * 1024 * 1024 + 3), label="Court ruling 30 Oct.pdf")
    second = vault.store_bytes(os.urandom(100_000), label="Фото обыска.jpg")
    return first.record.id, second.record.id


def _assert_only_first_is_bad(vault: Vault, first: int, second: int, words: str) -> None:
    with pytest.raises(BlobTampered, match=r"Court ruling 30 Oct\.pdf") as caught:
        vault.read_bytes(first)
    assert words in str(caught.value)
    report = vault.verify()
    assert not report.ok
    by_id = {check.file_id: check for check in report.files}
    assert not by_id[first].ok and "Court ruling 30 Oct.pdf" in str(by_id[first].problem)
    assert by_id[second].ok
    assert vault.file(first).last_verify_ok is False
    assert vault.file(second).last_verify_ok is True


def test_flipped_byte_in_blob_is_detected(vault: Vault, two_files: tuple[int, int]) -> None:
    blob = _blob_path(vault, two_files[0])
    raw = bytearray(blob.read_bytes())
    raw[1024 * 1024 + 500] ^= 0x01
    blob.write_bytes(raw)
    _assert_only_first_is_bad(vault, *two_files, words="altered")


def test_truncated_blob_is_detected(vault: Vault, two_files: tuple[int, int]) -> None:
    blob = _blob_path(vault, two_files[0])
    blob.write_bytes(blob.read_bytes()[: 19 + 2 * (1024 * 1024 + 16)])
    _assert_only_first_is_bad(vault, *two_files, words="truncated")


def test_reordered_segments_in_blob_are_detected(vault: Vault, two_files: tuple[int, int]) -> None:
    blob = _blob_path(vault, two_files[0])
    raw = blob.read_bytes()
    size = 1024 * 1024 + 16
    header, one, two, rest = (
        raw[:19],
        raw[19 : 19 + size],
        raw[19 + size : 19 + 2 * size],
        raw[19 + 2 * size :],
    )
    blob.write_bytes(header + two + one + rest)
    _assert_only_first_is_bad(vault, *two_files, words="altered")


def test_swapped_blob_files_are_detected(vault: Vault, two_files: tuple[int, int]) -> None:
    first, second = (_blob_path(vault, file_id) for file_id in two_files)
    first.write_bytes(second.read_bytes())
    _assert_only_first_is_bad(vault, *two_files, words="altered")


def test_missing_blob_is_reported_by_name(vault: Vault, two_files: tuple[int, int]) -> None:
    _blob_path(vault, two_files[0]).unlink()
    with pytest.raises(BlobMissing, match="Court ruling"):
        vault.read_bytes(two_files[0])
    report = vault.verify()
    assert [check.ok for check in report.files] == [False, True]


def test_swapped_key_records_are_detected(vault: Vault, two_files: tuple[int, int]) -> None:
    from storage.models import StoredFile

    with vault.transaction() as session:
        first, second = (session.get(StoredFile, i) for i in two_files)
        assert first is not None and second is not None
        first.wrapped_key, second.wrapped_key = second.wrapped_key, first.wrapped_key
    with pytest.raises(BlobTampered, match="key record"):
        vault.read_bytes(two_files[0])


# ------------------------------------------------------------------ header and database
def _rewrite_header(folder: Path, change: dict[str, object]) -> None:
    import hashlib

    body = json.loads((folder / HEADER_NAME).read_text())
    body.pop("checksum")
    body.update(change)
    canonical = json.dumps(body, sort_keys=True).encode()
    body["checksum"] = hashlib.sha256(canonical).hexdigest()
    (folder / HEADER_NAME).write_text(json.dumps(body))


def test_damaged_header_is_reported(vault: Vault, vault_folder: Path) -> None:
    vault.lock()
    raw = bytearray((vault_folder / HEADER_NAME).read_bytes())
    raw[raw.index(b'"mac"') + 10] ^= 0x02
    (vault_folder / HEADER_NAME).write_bytes(raw)
    with pytest.raises(HeaderDamaged, match=r"vault\.header"):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_header_altered_with_a_fixed_checksum_is_detected_by_its_mac(
    vault: Vault, vault_folder: Path
) -> None:
    vault.lock()
    _rewrite_header(vault_folder, {"device_wrap": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    with pytest.raises(HeaderDamaged):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_header_asking_for_absurd_memory_is_refused(vault: Vault, vault_folder: Path) -> None:
    vault.lock()
    body = json.loads((vault_folder / HEADER_NAME).read_text())
    kdf = dict(body["kdf"], memory_kib=64 * 1024 * 1024)
    _rewrite_header(vault_folder, {"kdf": kdf})
    with pytest.raises(HeaderDamaged):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_changed_kdf_in_header_does_not_unlock(vault: Vault, vault_folder: Path) -> None:
    vault.lock()
    body = json.loads((vault_folder / HEADER_NAME).read_text())
    _rewrite_header(vault_folder, {"kdf": dict(body["kdf"], iterations=4)})
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_folder, PASSPHRASE)


@pytest.mark.parametrize(
    ("field", "value"),
    [("iterations", 2), ("memory_kib", 32 * 1024), ("memory_kib", 2 * 1024 * 1024)],
    ids=["two-passes", "32-MiB", "2-GiB"],
)
def test_kdf_outside_what_the_app_creates_means_a_damaged_header(
    vault: Vault, vault_folder: Path, field: str, value: int
) -> None:
    vault.lock()
    body = json.loads((vault_folder / HEADER_NAME).read_text())
    _rewrite_header(vault_folder, {"kdf": dict(body["kdf"], **{field: value})})
    with pytest.raises(HeaderDamaged):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_kdf_work_is_capped_so_an_altered_header_cannot_stall_unlock() -> None:
    from storage.keys import MAX_MEMORY_KIB, KdfParams

    assert not KdfParams.fresh(64, MAX_MEMORY_KIB).is_sane()
    assert KdfParams.fresh(32, 256 * 1024).is_sane()


def test_header_from_a_newer_version_is_refused(vault: Vault, vault_folder: Path) -> None:
    vault.lock()
    _rewrite_header(vault_folder, {"version": 2})
    with pytest.raises(VaultFromNewerVersion, match="newer version"):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_schema_from_a_newer_version_is_refused(vault: Vault, vault_folder: Path) -> None:
    with vault.transaction() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    vault.lock()
    with pytest.raises(VaultFromNewerVersion):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_replaced_database_is_reported(vault: Vault, vault_folder: Path) -> None:
    vault.lock()
    db = vault_folder / "vault.db"
    db.write_bytes(os.urandom(db.stat().st_size))
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_altered_database_page_is_found_by_verify(vault: Vault, vault_folder: Path) -> None:
    for index in range(30):
        vault.store_bytes(os.urandom(64), label=f"item {index} " + "x" * 500)
    vault.lock()
    db = vault_folder / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[len(raw) - 4096 + 100] ^= 0x10  # inside the last page, away from the file header
    db.write_bytes(raw)
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        report = reopened.verify()
    assert not report.ok
    assert any("page" in problem for problem in report.database_problems), report


# ----------------------------------------------------------------------- crash leftovers
def test_half_written_files_are_cleaned_up_and_unrecorded_ones_set_aside(
    vault: Vault, vault_folder: Path
) -> None:
    vault.store_bytes(b"committed", label="c")
    vault.lock()
    (vault_folder / "tmp" / ("ab" * 16 + ".part")).write_bytes(b"half written")
    orphan = vault_folder / "blobs" / "ff" / ("ff" * 16)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"never committed")
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert list((vault_folder / "tmp").iterdir()) == []
        assert not orphan.exists()
        assert (vault_folder / "quarantine" / orphan.name).read_bytes() == b"never committed"
        assert reopened.read_bytes(1) == b"committed"
        report = reopened.verify()
        assert not report.ok
        assert [f.name for f in report.unrecorded] == [orphan.name]


# ---------------------------------------------------------------------- custody log
def test_custody_log_is_chained_and_append_only(vault: Vault) -> None:
    vault.store_bytes(b"one", label="one")
    vault.store_bytes(b"two", label="two")
    entries = vault.custody_log()
    assert [e.seq for e in entries] == [1, 2, 3]
    details = json.loads(entries[1].details)
    assert details["sha256"] == vault.file(1).sha256
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    with pytest.raises(DatabaseError, match="append-only"), vault.transaction() as session:
        session.execute(text("UPDATE custody_log SET subject = 'x' WHERE seq = 2"))
    with pytest.raises(DatabaseError, match="append-only"), vault.transaction() as session:
        session.execute(text("DELETE FROM custody_log WHERE seq = 3"))
    assert vault.verify().custody_problems == []


def test_rewritten_custody_entry_breaks_the_chain(vault: Vault) -> None:
    vault.store_bytes(b"one", label="one")
    vault.store_bytes(b"two", label="two")
    from sqlalchemy import text

    # Someone with the key who drops the trigger and edits history is still caught.
    with vault.transaction() as session:
        session.execute(text("DROP TRIGGER custody_log_no_update"))
        session.execute(text("UPDATE custody_log SET subject = 'file 9' WHERE seq = 2"))
    report = vault.verify()
    assert not report.ok
    assert any("entry 2 was altered" in problem for problem in report.custody_problems)


def test_kdf_is_calibrated_above_the_rfc_9106_floor() -> None:
    from storage.keys import MIN_ITERATIONS, MIN_MEMORY_KIB, calibrate_kdf

    params = calibrate_kdf(target_seconds=0.05)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.iterations >= MIN_ITERATIONS
    assert len(params.salt) == 16


def test_fast_kdf_fixture_is_still_real_argon2id(fast_kdf: KdfParams) -> None:
    from storage.keys import derive_kek

    assert derive_kek("a", fast_kdf) != derive_kek("b", fast_kdf)
    assert derive_kek("a", fast_kdf) == derive_kek("a", fast_kdf)


@pytest.mark.parametrize("passphrase", ["correct horse battery staple", "ёлка тундра қазақ 7"])
def test_the_key_a_passphrase_gives_is_the_one_vaults_were_made_with(passphrase: str) -> None:
    # Derived by Argon2's reference code since it clears the passphrase; it must give what
    # OpenSSL's Argon2id gave, or no vault made before would open.
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    from storage.keys import KdfParams, derive_kek

    params = KdfParams.floor()
    before = Argon2id(
        salt=params.salt, length=32, iterations=params.iterations, lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode())  # fmt: skip
    assert derive_kek(passphrase, params) == before


def test_overwriting_a_secret_never_touches_a_string_the_interpreter_shares() -> None:
    import re

    from storage.wipe import wipe_str

    letter = "".join(["t"])  # the interpreter's one "t"
    assert wipe_str(letter, shared=True) is False
    assert re.compile(r"(?P<pos>t)").match("t")  # the parser still reads its group names
    name = "".join(["pass", "phrase"])
    assert wipe_str(name) is True and name == "\x00" * 10
