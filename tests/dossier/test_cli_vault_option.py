"""`--vault` names the vault wherever it stands, whatever $DOSSIER_VAULT says."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.cli.main import build_parser
from storage.keys import KdfParams

PASS = "a long enough passphrase for tests"


def _leaf_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    leaves = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                leaves += _leaf_parsers(sub) or [sub]
    return leaves


def test_no_command_overwrites_a_vault_given_before_it() -> None:
    leaves = _leaf_parsers(build_parser())
    assert len(leaves) > 20
    for leaf in leaves:
        vault = next(a for a in leaf._actions if "--vault" in a.option_strings)
        assert vault.default is argparse.SUPPRESS, leaf.prog


def test_vault_before_the_command_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("storage.vault.calibrate_kdf", lambda: KdfParams.floor())
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASS)
    other, mine = tmp_path / "other-client", tmp_path / "my-client"
    monkeypatch.setenv("DOSSIER_VAULT", str(other))
    assert main(["init"]) == 0
    assert main(["--vault", str(mine), "init"]) == 0
    assert main(["--vault", str(mine), "person", "add", "Rinat Tukhvatshin"]) == 0
    capsys.readouterr()
    assert main(["--vault", str(mine), "--json", "person", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)["people"]
    assert [p["name"] for p in listed] == ["Rinat Tukhvatshin"]
    assert main(["--json", "person", "list", "--vault", str(other)]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == []
