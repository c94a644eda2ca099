"""Remember and forget on this device, against a real Secret Service (gnome-keyring)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest

from dossier.services import vault_access
from storage.errors import KeyringUnavailable, NotRemembered, VaultOlderThanLastSeen
from storage.header import VaultHeader
from storage.keys import KdfParams
from storage.keystore import SERVICE, NoKeyStore, OsKeyStore
from storage.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OsKeyStore]:
    """A gnome-keyring of its own on the test run's private D-Bus session."""
    # Only on the private D-Bus session that `make test` makes: never in a user's own keyring.
    if os.environ.get("DOSSIER_REQUIRE_KEYRING") != "1":
        pytest.skip("keyring tests run under `make test` (a private D-Bus session)")
    daemon = shutil.which("gnome-keyring-daemon")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or daemon is None:
        pytest.fail("needs gnome-keyring-daemon on a D-Bus session (run under dbus-run-session)")
    home = tmp_path_factory.mktemp("keyring-home")
    env = dict(os.environ, XDG_DATA_HOME=str(home), XDG_RUNTIME_DIR=str(home))
    process = subprocess.Popen(
        # --replace: take over from any daemon D-Bus activation may have started earlier.
        [daemon, "--foreground", "--replace", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert process.stdin is not None
    process.stdin.write(b"keyring password for tests")
    process.stdin.close()
    store: OsKeyStore | None = None
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            candidate = OsKeyStore()
            candidate.delete_secret("probe")
            store = candidate
            break
        except Exception:
            time.sleep(0.2)
    if store is None:
        process.terminate()
        pytest.fail("gnome-keyring did not come up on the D-Bus session")
    yield store
    process.terminate()
    process.wait(timeout=10)


def test_remembered_vault_unlocks_without_passphrase(
    secret_service: OsKeyStore, vault_folder: Path, fast_kdf: KdfParams
) -> None:
    with Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf) as vault:
        vault.store_bytes("Тухватшин".encode(), label="t")
        vault.remember_on_device(secret_service)
        vault_id = vault.vault_id
    assert keyring.get_keyring().get_password(SERVICE, vault_id) is not None
    assert VaultHeader.read(vault_folder).device_wrap is not None
    with Vault.unlock_on_device(vault_folder, secret_service) as reopened:
        assert reopened.read_bytes(1) == "Тухватшин".encode()


def test_forgotten_vault_needs_the_passphrase_again(
    secret_service: OsKeyStore, vault_folder: Path, fast_kdf: KdfParams
) -> None:
    with Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf) as vault:
        vault.remember_on_device(secret_service)
        vault.forget_on_device(secret_service)
        vault_id = vault.vault_id
    assert keyring.get_keyring().get_password(SERVICE, vault_id) is None
    assert VaultHeader.read(vault_folder).device_wrap is None
    with pytest.raises(NotRemembered, match="passphrase"):
        Vault.unlock_on_device(vault_folder, secret_service)
    Vault.unlock(vault_folder, PASSPHRASE).lock()


def test_keyring_entry_lost_elsewhere_falls_back_to_the_passphrase(
    secret_service: OsKeyStore, vault_folder: Path, fast_kdf: KdfParams
) -> None:
    with Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf) as vault:
        vault.remember_on_device(secret_service)
        vault_id = vault.vault_id
    keyring.get_keyring().delete_password(SERVICE, vault_id)
    with pytest.raises(NotRemembered):
        Vault.unlock_on_device(vault_folder, secret_service)
    Vault.unlock(vault_folder, PASSPHRASE).lock()


def test_the_keyring_holds_a_device_secret_not_the_vault_key(
    secret_service: OsKeyStore, vault_folder: Path, fast_kdf: KdfParams
) -> None:
    with Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf) as vault:
        vault.remember_on_device(secret_service)
        vault_key = vault._keys.vault_key  # type: ignore[union-attr]
        secret = secret_service.get_secret(vault.vault_id)
    # Without the header's wrapped key, the keyring entry alone opens nothing.
    assert secret != vault_key and len(secret) == 32


def test_no_usable_keyring_gives_a_clear_message(vault: Vault) -> None:
    with pytest.raises(KeyringUnavailable, match="no secure password store"):
        OsKeyStore(keyring.backends.fail.Keyring())
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_device(NoKeyStore())
    assert not vault.remembered_on_device


def test_the_window_opens_a_remembered_vault_without_its_passphrase(
    secret_service: OsKeyStore,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.app import DossierApp
    from tests.desktop.conftest import OPEN

    folder = tmp_path / "remembered"
    vault = Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor())
    vault.remember_on_device(secret_service)
    vault.lock()
    controller = DossierApp(QApplication.instance(), folder, keystore=secret_service)  # type: ignore[arg-type]
    OPEN.append(controller)
    dialog = controller.start(use_remembered=True)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=30_000)
    assert dialog.passphrase.text() == ""  # nothing typed
    controller.lock()  # after a lock the key is not used by itself…
    qtbot.wait(300)
    assert controller.vault is None and controller.dialog is not None
    assert controller.dialog.use_device.isVisible()
    controller.dialog.use_device.click()  # …but one click opens it again
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=30_000)


def test_unlocking_with_the_passphrase_can_remember_the_vault_here(
    secret_service: OsKeyStore,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from desktop.unlock_dialog import UnlockDialog

    folder = tmp_path / "to-remember"
    Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()).lock()
    dialog = UnlockDialog(folder, keystore=secret_service)
    qtbot.addWidget(dialog)
    opened: list[Vault] = []
    dialog.unlocked.connect(opened.append)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.remember.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert opened[0].remembered_on_device
    opened[0].lock()
    Vault.unlock_on_device(folder, secret_service).lock()


def test_an_older_copy_put_back_is_noticed_by_the_keyring_when_the_settings_are_gone(
    secret_service: OsKeyStore,
    tmp_path: Path,
    fast_kdf: KdfParams,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The settings folder wiped or replaced (a new account, a restored home folder): the
    keyring item of a remembered vault still knows how far it reached."""
    folder, image = tmp_path / "vault", tmp_path / "image"
    vault = vault_access.create_vault(
        folder, PASSPHRASE, remember=True, keystore=secret_service, kdf=fast_kdf
    )
    vault.store_bytes(b"the first statement", label="first.txt")
    vault.lock()
    shutil.copytree(folder, image)  # taken at the border
    vault = vault_access.unlock_remembered(folder, secret_service)
    vault.store_bytes(b"the second statement", label="second.txt")
    vault.lock()
    for name in ("vault.db", "vault.header"):
        shutil.copy2(image / name, folder / name)
    monkeypatch.setenv("DOSSIER_SETTINGS", str(tmp_path / "fresh settings" / "settings.json"))
    with pytest.raises(VaultOlderThanLastSeen):
        vault_access.unlock_remembered(folder, secret_service)
    with pytest.raises(VaultOlderThanLastSeen):
        vault_access.unlock_with_passphrase(folder, PASSPHRASE, keystore=secret_service)
    # Forgetting the vault on this device leaves nothing of it in the keyring.
    reopened = vault_access.unlock_remembered(folder, secret_service, accept_older_database=True)
    vault_id = reopened.vault_id
    reopened.forget_on_device(secret_service)
    reopened.lock()
    backend = keyring.get_keyring()
    assert backend.get_password(SERVICE, vault_id) is None
    assert backend.get_password(SERVICE, f"{vault_id}.last-seen") is None
