"""Whether a HEIC/HEIF photo is whole: its boxes must end where the file says they do.

libheif decodes a truncated iPhone photo without a word, its missing half grey; JPEG, PNG,
TIFF and PDF damage is refused at import, and so must this be. An ISO base media file is a
run of boxes, each starting with its own length: a file shorter than its boxes is cut off.
"""

from __future__ import annotations

import struct
from pathlib import Path


def heif_problem(path: Path) -> str | None:
    """Why the file is not a whole HEIF file (in words), or None."""
    size = path.stat().st_size
    position = 0
    with open(path, "rb") as handle:
        while position < size:
            handle.seek(position)
            header = handle.read(16)
            if len(header) < 8:
                return "the file ends inside a box's header"
            length, kind = struct.unpack(">I4s", header[:8])
            if length == 1:  # a 64-bit length follows the type
                if len(header) < 16:
                    return "the file ends inside a box's header"
                length = struct.unpack(">Q", header[8:16])[0]
            elif length == 0:  # the last box runs to the end of the file
                length = size - position
            if length < 8:
                return f"a box at byte {position} has an impossible length"
            if position + length > size:
                return "the file ends before the image does"
            if position == 0 and kind != b"ftyp":
                return "it does not start like a HEIF file"
            position += length
    return None
