"""Between rendered and published: each step works on the unpublished parts; the digest is of
what is published; a step that fails publishes nothing and leaves no part behind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.export.finishing import finish_and_publish
from dossier.export.output import Unpublished, new_owner, unpublished


def _rendered(folder: Path, names: list[str]) -> list[Unpublished]:
    owner = new_owner()
    parts = [unpublished(folder / name, owner) for name in names]
    for item in parts:
        item.part.write_bytes(b"%PDF-1.7 rendered " + item.target.name.encode())
    return parts


def test_steps_run_on_the_parts_and_the_digest_is_of_what_is_published(tmp_path: Path) -> None:
    parts = _rendered(tmp_path, ["bundle_Part1.pdf", "bundle_Part2.pdf"])
    seen: list[tuple[str, int]] = []

    def sign_the_first(item: Unpublished, index: int) -> None:
        assert not item.target.exists()  # nothing is published before every step has run
        seen.append((item.target.name, index))
        if index == 0:
            item.part.write_bytes(item.part.read_bytes() + b" signed")

    published = finish_and_publish(parts, [sign_the_first])
    assert seen == [("bundle_Part1.pdf", 0), ("bundle_Part2.pdf", 1)]
    assert [item.path.name for item in published] == ["bundle_Part1.pdf", "bundle_Part2.pdf"]
    assert (tmp_path / "bundle_Part1.pdf").read_bytes().endswith(b" signed")
    for item in published:
        assert item.sha256 == hashlib.sha256(item.path.read_bytes()).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle_Part1.pdf", "bundle_Part2.pdf"]


def test_a_step_that_fails_publishes_nothing_and_leaves_no_part(tmp_path: Path) -> None:
    earlier = tmp_path / "bundle.pdf"
    earlier.write_bytes(b"the bundle filed last week")
    parts = _rendered(tmp_path, ["bundle.pdf"])

    def refuse(_item: Unpublished, _index: int) -> None:
        raise DossierError("The certificate has expired; nothing was written.")

    with pytest.raises(DossierError, match="expired"):
        finish_and_publish(parts, [refuse])
    assert earlier.read_bytes() == b"the bundle filed last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.pdf"]


def test_a_steps_own_output_is_a_part_of_the_same_export(tmp_path: Path) -> None:
    """Signing writes beside the part before taking its place: killed meanwhile, that file
    must be one the next export's sweep recognises (a plaintext bundle was left for good)."""
    from dossier.export.output import _PART, discard_owned, sibling_part

    [item] = _rendered(tmp_path, ["bundle.pdf"])
    beside = sibling_part(item.part)
    beside.write_bytes(b"half a signed bundle")
    assert _PART.fullmatch(beside.name) and beside != item.part
    owner = item.part.name[len(".evidence-dossier-export-") : -len("000000.part")]
    discard_owned(tmp_path, owner)
    assert list(tmp_path.iterdir()) == []
