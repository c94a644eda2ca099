"""Reading exported PDFs as a receiving clerk's tools do: poppler's text, the manifest."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (make test installs it)")
    return path


def text(
    pdf: Path, first: int | None = None, last: int | None = None, mode: str = "-layout"
) -> str:
    """The text poppler reads from ``pdf`` (pages ``first``…``last``, 1-based)."""
    command = [tool("pdftotext"), mode]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def manifest(path: Path) -> dict[str, Any]:
    """The manifest.json attached inside an exported bundle."""
    with pikepdf.open(path) as pdf:
        data: dict[str, Any] = json.loads(pdf.attachments["manifest.json"].get_file().read_bytes())
        return data
