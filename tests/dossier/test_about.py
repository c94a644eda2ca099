"""The program says what it is made of: every bundled part, its version and its licence."""

from __future__ import annotations

import importlib.metadata as metadata
from pathlib import Path

import pytest

from dossier import about
from dossier.cli import main


def test_every_package_the_program_runs_on_is_listed_with_its_version_and_licence() -> None:
    listed = {part.name.lower(): part for part in about.python_packages()}
    # Direct requirements and one found only through another (keyring needs jeepney on Linux).
    for name in ("sqlcipher3", "pyside6_essentials", "tesserocr", "pikepdf", "pi_heif", "jeepney"):
        assert listed[name].version == metadata.version(name)
    for part in about.components():
        assert part.licence and part.licence != "see its licence file", part.name
    assert "pytest" not in listed and "evidence-dossier" not in listed  # tests, and itself


def test_the_parts_inside_the_wheels_are_named_with_their_own_versions() -> None:
    parts = {(part.name, part.inside): part for part in about.bundled_parts()}
    assert parts[("Qt", "PySide6")].version == metadata.version("PySide6-Essentials")
    assert parts[("Qt", "PySide6")].licence == "LGPL-3.0-only"
    assert parts[("SQLCipher", "sqlcipher3")].version.startswith("4.")
    assert parts[("Tesseract", "tesserocr")].version.startswith("5.")
    for part in parts.values():
        assert all(path.is_file() for path in part.texts), part.name


def test_no_part_of_the_program_is_under_the_gpl_alone() -> None:
    assert {part.name: about.gpl_alone(part) for part in about.components()
            if about.gpl_alone(part)} == {}  # fmt: skip


@pytest.mark.parametrize(
    ("licence", "note", "caught"),
    [
        # pillow-heif's wheels: BSD in the metadata, GPL in the note on the bundled x265.
        ("BSD-3-Clause", 'License for "pillow-heif" binary wheels: GPLv2, due to base', True),
        ("BSD-3-Clause", "Name: x265\nLicense: GPLv2\n", True),
        ("GPL-2.0-only", "", True),
        ("AGPL-3.0-or-later", "", True),
        ("GNU General Public License v3", "", True),
        ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "", False),  # Qt: a choice
        ("BSD-3-Clause", 'License for "pi-heif" binary wheels: LGPLv3, due to base', False),
        ("GNU Lesser General Public License v3", "", False),
        ("MIT", "License: GPL-3.0-with-GCC-exception (libgcc, libstdc++)", False),
    ],
)
def test_a_licence_that_would_make_the_whole_program_gpl_is_caught(
    tmp_path: Path, licence: str, note: str, caught: bool
) -> None:
    text = tmp_path / "LICENSES_bundled.txt"
    text.write_text(note)
    part = about.Component("a part", "1.0", licence, texts=(text,))
    assert bool(about.gpl_alone(part)) is caught


def test_the_notices_carry_the_list_and_every_licence_text() -> None:
    notices = about.notices()
    assert notices.startswith(f"Evidence Dossier {about.version()}: third-party notices")
    for words in (
        "GNU LESSER GENERAL PUBLIC LICENSE",  # Qt, libheif
        "ZETETIC LLC",  # SQLCipher
        "Apache License",  # Tesseract, its language data
        "Bitstream Vera",  # the fonts
        "PYTHON SOFTWARE FOUNDATION LICENSE",
    ):
        assert words in notices
    for part in about.python_packages():
        assert f"{part.name} {part.version}" in notices or part.name in notices


def test_dossier_about_lists_the_parts_and_prints_the_licences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["about"]) == 0
    shown = capsys.readouterr().out
    assert f"Evidence Dossier {about.version()}" in shown
    assert "LGPL-3.0-only (inside PySide6)" in shown and "SQLCipher" in shown
    assert main(["about", "--licences"]) == 0
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in capsys.readouterr().out
