"""A strict walk over a JPEG's markers and scan data.

libjpeg (and so Pillow) quietly repairs many damaged JPEGs, showing grey or smeared blocks. An
exhibit must be the picture as taken, so a damaged one is refused rather than repaired.
"""

from __future__ import annotations

import struct

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def jpeg_problem(data: bytes) -> str | None:
    """None for a well-formed JPEG, else where it breaks."""
    if data[:2] != b"\xff\xd8":
        return "it does not start like a JPEG"
    i = 2
    while i + 1 < len(data):
        if data[i] != 0xFF:
            return f"unexpected data at byte {i}"
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == _EOI:
            return None
        if marker in _STANDALONE:
            i += 2
            continue
        if i + 4 > len(data):
            break
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker != _SOS:
            i += 2 + length
            continue
        # Entropy-coded data: 0xFF may only be followed by 0x00 (stuffing) or RST0-7.
        j, expected_rst = i + 2 + length, 0
        while j + 1 < len(data):
            if data[j] == 0xFF:
                following = data[j + 1]
                if following == 0x00:
                    j += 2
                    continue
                if 0xD0 <= following <= 0xD7:
                    if following - 0xD0 != expected_rst:
                        return f"restart markers out of order at byte {j}"
                    expected_rst = (expected_rst + 1) % 8
                    j += 2
                    continue
                if following == 0xFF:
                    j += 1
                    continue
                break
            j += 1
        i = j
    return "the file ends before the image does"
