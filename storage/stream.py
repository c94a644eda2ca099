"""Streaming AEAD: AES-256-GCM in fixed segments, the STREAM construction of age and Tink.

Layout: a 19-byte header (magic, segment size, 7-byte nonce prefix), then segments of
``segment_size`` plaintext bytes plus a 16-byte tag; the last may be shorter (even empty). Each
segment's nonce is ``prefix || index (4 bytes) || last flag (1 byte)`` and its associated data
is the header, so flipped bytes, truncation, reordering, swapped or appended segments and an
altered header all fail authentication. Memory use is bounded by one segment.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"EDSTRM\x00\x01"
DEFAULT_SEGMENT = 1024 * 1024
MIN_SEGMENT = 64 * 1024
MAX_SEGMENT = 1024 * 1024
TAG_BYTES = 16
_PREFIX_BYTES = 7
HEADER_BYTES = len(MAGIC) + 4 + _PREFIX_BYTES
_MAX_SEGMENTS = 2**32


class StreamCorrupt(Exception):
    """The stream failed authentication or is malformed; the text says where."""


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    if index >= _MAX_SEGMENTS:
        raise OverflowError("stream too long")
    return prefix + struct.pack(">IB", index, 1 if last else 0)


class EncryptingWriter:
    """File-like writer: ``write()`` plaintext, ``finish()`` to seal the last segment."""

    def __init__(
        self, key: bytes | bytearray, sink: BinaryIO, segment_size: int = DEFAULT_SEGMENT
    ) -> None:
        if not MIN_SEGMENT <= segment_size <= MAX_SEGMENT:
            raise ValueError("segment size out of range")
        self._aead = AESGCM(key)
        self._sink = sink
        self._segment = segment_size
        self._prefix = os.urandom(_PREFIX_BYTES)
        self._header = MAGIC + struct.pack(">I", segment_size) + self._prefix
        self._index = 0
        # A full segment is held back until more data arrives: only then is it known not to
        # be the last one.
        self._pending: bytes | None = None
        self._partial = bytearray()
        self._finished = False
        self.bytes_in = 0
        sink.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._finished:
            raise ValueError("stream already finished")
        view = memoryview(data)
        total = len(view)
        self.bytes_in += total
        while view:
            if self._pending is not None:
                self._emit(self._pending, last=False)
                self._pending = None
            if not self._partial and len(view) >= self._segment:
                whole = isinstance(data, bytes) and len(data) == self._segment
                self._pending = data if whole else bytes(view[: self._segment])  # type: ignore[assignment]
                view = view[self._segment :]
                continue
            need = self._segment - len(self._partial)
            self._partial += view[:need]
            view = view[need:]
            if len(self._partial) == self._segment:
                self._pending = bytes(self._partial)
                self._partial.clear()
        return total

    def finish(self) -> None:
        if self._finished:
            return
        if self._pending is not None:
            self._emit(self._pending, last=True)
        else:
            self._emit(bytes(self._partial), last=True)
        self._pending = None
        self._partial.clear()
        self._finished = True

    def _emit(self, plaintext: bytes, *, last: bool) -> None:
        nonce = _nonce(self._prefix, self._index, last)
        self._sink.write(self._aead.encrypt(nonce, plaintext, self._header))
        self._index += 1


def decrypt_segments(key: bytes, source: BinaryIO) -> Iterator[bytes]:
    """Yield the plaintext segment by segment; raise StreamCorrupt at the first bad byte."""
    header = source.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise StreamCorrupt("the file header is missing or altered")
    (segment_size,) = struct.unpack(">I", header[len(MAGIC) : len(MAGIC) + 4])
    if not MIN_SEGMENT <= segment_size <= MAX_SEGMENT:
        raise StreamCorrupt("the file header is altered")
    prefix = header[len(MAGIC) + 4 :]
    aead = AESGCM(key)
    chunk = segment_size + TAG_BYTES
    current = source.read(chunk)
    if not current:
        raise StreamCorrupt("the file is truncated")
    index = 0
    while True:
        following = source.read(chunk)
        last = not following
        try:
            yield aead.decrypt(_nonce(prefix, index, last), current, header)
        except InvalidTag:
            where = "truncated or altered at its end" if last else f"altered in part {index + 1}"
            raise StreamCorrupt(f"the file is {where}") from None
        if last:
            return
        current = following
        index += 1


class DecryptingReader:
    """A minimal readable file over ``decrypt_segments`` (for tarfile and copying)."""

    def __init__(self, key: bytes, source: BinaryIO) -> None:
        self._segments = decrypt_segments(key, source)
        self._buffer = bytearray()
        self._eof = False

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._buffer) < size):
            try:
                self._buffer += next(self._segments)
            except StopIteration:
                self._eof = True
        if size < 0:
            size = len(self._buffer)
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        return out

    def at_end(self) -> bool:
        """True once every segment has been read and authenticated, including the last."""
        if self._buffer:
            return False
        if not self._eof:
            try:
                self._buffer += next(self._segments)
            except StopIteration:
                self._eof = True
        return self._eof and not self._buffer
