"""The vault header file: format version, KDF salt and parameters, and wrapped keys only."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storage.errors import HeaderDamaged, NotAVault, VaultFromNewerVersion
from storage.keys import KdfParams

FORMAT = "evidence-dossier-vault"
VERSION = 1
HEADER_NAME = "vault.header"
_MAX_HEADER_BYTES = 64 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class VaultHeader:
    vault_id: bytes
    kdf: KdfParams
    passphrase_wrap: bytes
    device_wrap: bytes | None = None
    # The newest custody entry the database had when this header was last written (its seq and
    # hash). The database may be ahead of it (a crash before the header caught up), never behind:
    # a database behind it is an older copy put back, or lost changes.
    custody_seq: int | None = None
    custody_hash: str | None = None
    mac: bytes = b""

    # --- what each wrap is bound to -------------------------------------------------------
    def passphrase_aad(self) -> bytes:
        """Binds the wrapped key to this vault and these KDF parameters."""
        return b"passphrase|" + self._canonical(self._kdf_dict(), self.vault_id)

    def device_aad(self) -> bytes:
        return b"device|" + self.vault_id

    # --- the MAC that proves the whole header was written by a holder of the vault key ----
    def mac_input(self) -> bytes:
        body = self._body()
        body.pop("mac", None)
        return self._canonical(body)

    def with_mac(self, mac_key: bytes) -> VaultHeader:
        return replace(self, mac=hmac.new(mac_key, self.mac_input(), hashlib.sha256).digest())

    def mac_valid(self, mac_key: bytes) -> bool:
        expected = hmac.new(mac_key, self.mac_input(), hashlib.sha256).digest()
        return hmac.compare_digest(expected, self.mac)

    # --- serialisation ---------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = hashlib.sha256(self._canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> VaultHeader:
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise HeaderDamaged() from error
        if not isinstance(body, dict):
            raise HeaderDamaged()
        if body.get("format") != FORMAT:
            raise NotAVault()
        version = body.get("version")
        if isinstance(version, int) and version > VERSION:
            raise VaultFromNewerVersion()
        checksum = body.pop("checksum", None)
        if version != VERSION or checksum != hashlib.sha256(cls._canonical(body)).hexdigest():
            raise HeaderDamaged()
        try:
            kdf_body = body["kdf"]
            if kdf_body["algorithm"] != "argon2id":
                raise ValueError("unknown KDF")
            kdf = KdfParams(
                salt=_unb64(kdf_body["salt"]),
                iterations=int(kdf_body["iterations"]),
                memory_kib=int(kdf_body["memory_kib"]),
                lanes=int(kdf_body["lanes"]),
            )
            device = body.get("device_wrap")
            head = body.get("custody_head")
            if head is not None:
                seq, entry = int(head["seq"]), str(head["hash"])
                if seq < 1 or len(entry) != 64:
                    raise ValueError("bad custody head")
            header = cls(
                vault_id=_unb64(body["vault_id"]),
                kdf=kdf,
                passphrase_wrap=_unb64(body["passphrase_wrap"]),
                device_wrap=_unb64(device) if device is not None else None,
                custody_seq=seq if head is not None else None,
                custody_hash=entry if head is not None else None,
                mac=_unb64(body["mac"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise HeaderDamaged() from error
        if not kdf.is_sane() or len(header.vault_id) != 16:
            raise HeaderDamaged()
        return header

    @classmethod
    def read(cls, folder: Path) -> VaultHeader:
        path = folder / HEADER_NAME
        if not path.is_file():
            raise NotAVault()
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_HEADER_BYTES + 1)
        if len(raw) > _MAX_HEADER_BYTES:
            raise HeaderDamaged()
        return cls.from_bytes(raw)

    def _kdf_dict(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "salt": _b64(self.kdf.salt),
            "iterations": self.kdf.iterations,
            "memory_kib": self.kdf.memory_kib,
            "lanes": self.kdf.lanes,
        }

    def _body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": _b64(self.vault_id),
            "kdf": self._kdf_dict(),
            "passphrase_wrap": _b64(self.passphrase_wrap),
            "device_wrap": _b64(self.device_wrap) if self.device_wrap is not None else None,
            "mac": _b64(self.mac),
        }
        # Absent, not null, when unknown: headers written before it existed keep their MAC.
        if self.custody_seq is not None:
            body["custody_head"] = {"seq": self.custody_seq, "hash": self.custody_hash}
        return body

    @staticmethod
    def _canonical(*parts: Any) -> bytes:
        return b"|".join(
            part if isinstance(part, bytes) else json.dumps(part, sort_keys=True).encode("utf-8")
            for part in parts
        )
