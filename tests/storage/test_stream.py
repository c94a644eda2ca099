"""The STREAM format: round trips of every size and detection of every kind of tampering."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.stream import (
    HEADER_BYTES,
    MIN_SEGMENT,
    TAG_BYTES,
    DecryptingReader,
    EncryptingWriter,
    StreamCorrupt,
    decrypt_segments,
)

KEY = bytes(range(32))
SEG = MIN_SEGMENT


def encrypt(data: bytes, segment: int = SEG, key: bytes = KEY, pieces: int = 1) -> bytes:
    sink = io.BytesIO()
    writer = EncryptingWriter(key, sink, segment)
    step = max(1, len(data) // pieces)
    for start in range(0, len(data), step):
        writer.write(data[start : start + step])
    writer.finish()
    return sink.getvalue()


def decrypt(blob: bytes, key: bytes = KEY) -> bytes:
    return b"".join(decrypt_segments(key, io.BytesIO(blob)))


@pytest.mark.parametrize("size", [0, 1, SEG - 1, SEG, SEG + 1, 2 * SEG, 3 * SEG + 17])
def test_round_trip_at_segment_boundaries(size: int) -> None:
    data = os.urandom(size)
    assert decrypt(encrypt(data)) == data


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=3 * SEG + 5), pieces=st.integers(1, 9))
def test_round_trip_whatever_the_write_sizes(data: bytes, pieces: int) -> None:
    assert decrypt(encrypt(data, pieces=pieces)) == data


def test_ciphertext_length_is_plaintext_plus_header_and_tags() -> None:
    blob = encrypt(os.urandom(2 * SEG + 10))
    assert len(blob) == HEADER_BYTES + 2 * SEG + 10 + 3 * TAG_BYTES


def test_the_same_plaintext_encrypts_differently_each_time() -> None:
    data = b"x" * 100
    assert encrypt(data) != encrypt(data)


@settings(max_examples=60, deadline=None)
@given(position=st.integers(0, HEADER_BYTES + 3 * (SEG + TAG_BYTES) - 1), bit=st.integers(0, 7))
def test_flipped_bit_anywhere_is_detected(position: int, bit: int) -> None:
    blob = bytearray(encrypt(os.urandom(3 * SEG - 100)))
    position %= len(blob)
    blob[position] ^= 1 << bit
    with pytest.raises(StreamCorrupt):
        decrypt(bytes(blob))


def test_truncation_at_a_segment_boundary_is_detected() -> None:
    blob = encrypt(os.urandom(3 * SEG))
    with pytest.raises(StreamCorrupt, match="end"):
        decrypt(blob[: HEADER_BYTES + 2 * (SEG + TAG_BYTES)])


def test_truncation_inside_a_segment_is_detected() -> None:
    blob = encrypt(os.urandom(3 * SEG))
    with pytest.raises(StreamCorrupt):
        decrypt(blob[:-5])


def test_empty_or_headerless_file_is_rejected() -> None:
    with pytest.raises(StreamCorrupt):
        decrypt(b"")
    with pytest.raises(StreamCorrupt):
        decrypt(encrypt(b"abc")[:HEADER_BYTES])


def test_reordered_segments_are_detected() -> None:
    blob = encrypt(os.urandom(3 * SEG))
    header, body = blob[:HEADER_BYTES], blob[HEADER_BYTES:]
    size = SEG + TAG_BYTES
    segments = [body[i : i + size] for i in range(0, len(body), size)]
    swapped = header + segments[1] + segments[0] + b"".join(segments[2:])
    with pytest.raises(StreamCorrupt, match="part 1"):
        decrypt(swapped)


def test_segment_from_another_stream_with_the_same_key_is_detected() -> None:
    first, second = encrypt(os.urandom(2 * SEG)), encrypt(os.urandom(2 * SEG))
    size = SEG + TAG_BYTES
    spliced = first[: HEADER_BYTES + size] + second[HEADER_BYTES + size :]
    with pytest.raises(StreamCorrupt):
        decrypt(spliced)


def test_appended_data_is_detected() -> None:
    blob = encrypt(os.urandom(SEG + 3))
    with pytest.raises(StreamCorrupt):
        decrypt(blob + encrypt(b"more")[HEADER_BYTES:])


def test_wrong_key_is_detected() -> None:
    with pytest.raises(StreamCorrupt):
        decrypt(encrypt(b"secret"), key=bytes(32))


def test_reader_serves_arbitrary_read_sizes() -> None:
    data = os.urandom(2 * SEG + 99)
    reader = DecryptingReader(KEY, io.BytesIO(encrypt(data)))
    out = bytearray()
    while chunk := reader.read(7777):
        out += chunk
    assert bytes(out) == data
    assert reader.at_end()
