"""The package is built from the lock: the lock must hold what pyproject.toml asks for."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def locked() -> dict[str, str]:
    text = (ROOT / "packaging" / "requirements-lock.txt").read_text()
    return {
        re.sub(r"[-_.]+", "-", name).lower(): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.MULTILINE)
    }


def test_every_dependency_of_the_app_is_locked_at_a_version_it_accepts() -> None:
    pins = locked()
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    wrong = []
    for line in wanted:
        requirement = Requirement(line)
        pinned = pins.get(re.sub(r"[-_.]+", "-", requirement.name).lower())
        if pinned is None or not requirement.specifier.contains(pinned, prereleases=True):
            wrong.append(f"{requirement} (locked: {pinned}): run `make lock`")
    assert wrong == []


def test_every_locked_package_has_a_hash_and_the_build_tools_are_pinned() -> None:
    text = (ROOT / "packaging" / "requirements-lock.txt").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.strip())
    assert entries and all("--hash=sha256:" in entry for entry in entries)
    pins = locked()
    for line in (ROOT / "packaging" / "build-requirements.in").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            assert pins[name] == version


def test_the_menu_entry_is_valid_for_desktops() -> None:
    import shutil
    import subprocess

    import pytest

    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (Debian's desktop-file-utils) is not installed")
    entry = ROOT / "packaging" / "linux" / "evidence-dossier.desktop"
    done = subprocess.run([validate, str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout
