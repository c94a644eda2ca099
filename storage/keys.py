"""Key hierarchy: passphrase → Argon2id → key-encryption key → wrapped vault key → subkeys."""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import time
from dataclasses import dataclass

from argon2.low_level import ARGON2_VERSION, Type
from argon2.low_level import ffi as argon2_ffi
from argon2.low_level import lib as argon2_lib  # type: ignore[attr-defined]
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.errors import VaultLocked
from storage.wipe import wipe_bytes

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# RFC 9106 §4, second recommended option (t=3, m=64 MiB, p=4) is the floor; calibration raises
# memory and passes until one derivation takes about TARGET_SECONDS on this machine.
MIN_MEMORY_KIB = 64 * 1024
DEFAULT_MEMORY_KIB = 256 * 1024
MIN_ITERATIONS = 3
TARGET_SECONDS = 0.7
# A header asking for more than this is refused as damaged: an altered header must not make
# unlocking take minutes and gigabytes. The work cap (passes × memory) allows calibration's
# 256 MiB at up to 32 passes, about 8 s on a slow laptop.
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 64
MAX_WORK_KIB = 32 * DEFAULT_MEMORY_KIB


class UnwrapFailed(Exception):
    """AES-GCM authentication failed: wrong key or altered data."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in the vault header."""

    salt: bytes
    iterations: int
    memory_kib: int
    lanes: int = 4

    @classmethod
    def fresh(cls, iterations: int, memory_kib: int, lanes: int = 4) -> KdfParams:
        return cls(os.urandom(SALT_BYTES), iterations, memory_kib, lanes)

    @classmethod
    def floor(cls) -> KdfParams:
        """The cheapest parameters a vault may have (RFC 9106's floor): tests and benchmarks."""
        return cls.fresh(MIN_ITERATIONS, MIN_MEMORY_KIB)

    def is_sane(self) -> bool:
        """Within what this app ever creates: never below RFC 9106's floor, never absurdly high.

        Parameters below the floor in a header mean it was damaged or weakened, not that the
        passphrase is wrong; parameters above the caps would make unlocking exhaust the machine.
        """
        return (
            len(self.salt) == SALT_BYTES
            and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
            and MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and self.iterations * self.memory_kib <= MAX_WORK_KIB
            and 1 <= self.lanes <= 16
        )


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    """The key-encryption key for a passphrase (Argon2id, RFC 9106, the reference code).

    The passphrase is handed to Argon2 in a buffer of our own, zeroed after: no copy of it is
    left in freed memory (OpenSSL's Argon2, through ``cryptography``, left one; so does
    argon2-cffi's ``hash_secret_raw``, which copies it into a buffer it never clears).
    """
    encoded = passphrase.encode("utf-8")
    length = len(encoded)  # cffi's array may hold one byte more than the passphrase
    secret = argon2_ffi.new("uint8_t[]", encoded)
    wipe_bytes(encoded)
    salt = argon2_ffi.new("uint8_t[]", params.salt)
    out = argon2_ffi.new("uint8_t[]", KEY_BYTES)
    try:
        status = argon2_lib.argon2_hash(
            params.iterations, params.memory_kib, params.lanes, secret, length, salt,
            len(params.salt), out, KEY_BYTES, argon2_ffi.NULL, 0, Type.ID.value, ARGON2_VERSION,
        )  # fmt: skip
        if status != argon2_lib.ARGON2_OK:
            raise ValueError("Argon2id refused its parameters")
        return bytes(argon2_ffi.buffer(out, KEY_BYTES))
    finally:
        argon2_ffi.memmove(secret, bytes(len(secret)), len(secret))
        argon2_ffi.memmove(out, bytes(KEY_BYTES), KEY_BYTES)


def calibrate_kdf(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Argon2id parameters that take about ``target_seconds`` here, never below RFC 9106's floor."""
    memory = DEFAULT_MEMORY_KIB
    probe = KdfParams.fresh(iterations=1, memory_kib=memory)
    start = time.perf_counter()
    derive_kek("calibration", probe)
    one_pass = max(time.perf_counter() - start, 1e-3)
    iterations = max(MIN_ITERATIONS, math.ceil(target_seconds / one_pass))
    return KdfParams.fresh(iterations=min(iterations, MAX_ITERATIONS // 2), memory_kib=memory)


def wrap(key: bytes, secret: bytes, aad: bytes) -> bytes:
    """AES-256-GCM encryption of ``secret``; returns nonce || ciphertext || tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, secret, aad)


def unwrap(key: bytes, wrapped: bytes, aad: bytes) -> bytes:
    if len(wrapped) < NONCE_BYTES + 16:
        raise UnwrapFailed("wrapped key too short")
    try:
        return AESGCM(key).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], aad)
    except InvalidTag as error:
        raise UnwrapFailed("authentication failed") from error


def derive_subkey(vault_key: bytes | bytearray, vault_id: bytes, purpose: str) -> bytes:
    """A key for one purpose, so that no key is ever used for two jobs."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=vault_id,
        info=b"evidence-dossier/v1/" + purpose.encode("ascii"),
    ).derive(bytes(vault_key))


def keyed_tag(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


class VaultKeys:
    """The keys of an unlocked vault. ``wipe()`` zeroes them and drops every reference.

    Python may keep short-lived copies (e.g. inside OpenSSL contexts) that it frees later; we
    hold each key in one mutable buffer so that locking can overwrite it.
    """

    PURPOSES = ("sqlcipher", "header-mac", "blob-wrap", "dedup", "backup", "last-seen")

    def __init__(self, vault_key: bytes, vault_id: bytes) -> None:
        self._vault_key = bytearray(vault_key)
        self._subkeys = {
            purpose: bytearray(derive_subkey(vault_key, vault_id, purpose))
            for purpose in self.PURPOSES
        }
        self._wiped = False

    @property
    def wiped(self) -> bool:
        return self._wiped

    @property
    def vault_key(self) -> bytes:
        self._check()
        return bytes(self._vault_key)

    def subkey(self, purpose: str) -> bytes:
        self._check()
        return bytes(self._subkeys[purpose])

    def subkey_copy(self, purpose: str) -> bytearray:
        """A copy the caller zeroes when done (no intermediate ``bytes`` left behind)."""
        self._check()
        return bytearray(self._subkeys[purpose])

    def database_key(self) -> bytearray:
        """SQLCipher's key as the buffer itself, not a copy: what holds it is wiped on lock."""
        self._check()
        return self._subkeys["sqlcipher"]

    def buffers(self) -> list[bytearray]:
        """The underlying buffers (tests check that locking zeroes them)."""
        return [self._vault_key, *self._subkeys.values()]

    def wipe(self) -> None:
        for buffer in self.buffers():
            buffer[:] = bytes(len(buffer))
        self._subkeys = {}
        self._wiped = True

    def _check(self) -> None:
        if self._wiped:
            raise VaultLocked()
