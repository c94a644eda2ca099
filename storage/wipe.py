"""Overwriting a secret Python holds as an immutable object (a passphrase read from a field is
a ``str``; its encoding, ``bytes``), once it has been used.

A freed object's memory is not cleared: a passphrase typed into the window was found in the
process three times out of three after the vault locked. Keys live in ``bytearray`` buffers
that locking zeroes; a passphrase arrives as ``str`` and is overwritten in place here, in
CPython, when nothing else refers to it. Anything else is left alone: an object still shared
(interned, a cache's key) must not change under its holders.
"""

from __future__ import annotations

import ctypes
import sys

_CPYTHON = sys.implementation.name == "cpython"
# PyCompactUnicodeObject's ``utf8`` pointer: after PyASCIIObject (48 bytes in 3.11, which
# still has ``wstr``; 40 from 3.12) and ``utf8_length``.
_UTF8_POINTER = (48 if sys.version_info < (3, 12) else 40) + 8
_ENCODINGS = {1: "latin-1", 2: "utf-16-le", 4: "utf-32-le"}


def wipe_str(text: str, *, shared: bool = False) -> bool:
    """Overwrite ``text``'s characters (and its cached UTF-8, if any) with zeros; True when
    done. Unless ``shared`` (the caller knows every holder is done with it: closures, signal
    arguments), a string anything else refers to is left alone."""
    if not _CPYTHON or type(text) is not str or len(text) < 2 or _interned(text):
        # "" and every one-character string are singletons the whole interpreter shares (a
        # zeroed "t" broke every regular expression after it), and an interned string is
        # the interpreter's own: never.
        return False
    # The caller's variable, this function's argument and getrefcount's own.
    if not shared and sys.getrefcount(text) > 3:
        return False
    kind = _kind(text)
    data = text.encode(_ENCODINGS[kind], errors="surrogatepass")
    block = ctypes.string_at(id(text), sys.getsizeof(text))
    start = block.find(data)
    if start < 0:
        return False
    if not text.isascii():
        utf8 = ctypes.c_void_p.from_address(id(text) + _UTF8_POINTER).value
        if utf8:
            cached = text.encode("utf-8", errors="surrogatepass")
            if ctypes.string_at(utf8, len(cached)) == cached:
                ctypes.memset(utf8, 0, len(cached))
    ctypes.memset(id(text) + start, 0, len(data))
    return True


def wipe_bytes(data: bytes) -> bool:
    """Overwrite a ``bytes`` object no one else refers to (an encoded passphrase)."""
    if not _CPYTHON or type(data) is not bytes or len(data) < 2:
        return False  # b"" and one-byte objects are shared singletons
    if sys.getrefcount(data) > 3:
        return False
    offset = sys.getsizeof(data) - len(data) - 1
    ctypes.memset(id(data) + offset, 0, len(data))
    return True


def _interned(text: str) -> bool:
    # PyASCIIObject.state follows refcount, type, length and hash; its lowest two bits.
    return bool(ctypes.c_uint32.from_address(id(text) + 32).value & 0b11)


def _kind(text: str) -> int:
    widest = max(map(ord, text))
    return 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
