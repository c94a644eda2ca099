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


def test_evidence_text_can_come_from_a_file_or_stdin_instead_of_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text typed on the command line lands in ~/.bash_history; a file or stdin does not."""
    import io

    monkeypatch.setattr("storage.vault.calibrate_kdf", lambda: KdfParams.floor())
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASS)
    monkeypatch.setenv("DOSSIER_VAULT", str(tmp_path / "vault"))
    name = tmp_path / "name.txt"
    name.write_text("Ринат Тухватшин\n")
    article = tmp_path / "article.txt"
    article.write_text("INTERPOL said: so we rejected this request, in October.")
    assert main(["init"]) == 0
    assert main(["person", "add", "--name-file", str(name)]) == 0
    assert main(["import", str(article), "--person", "P1"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("so we rejected this request\n"))
    assert main(["quote", "add", "D1", "--text-file", "-", "--speaker", "INTERPOL"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Тухватшин"))
    capsys.readouterr()
    assert main(["--json", "search", "--query-file", "-"]) == 0
    assert "P1" in capsys.readouterr().out
    assert main(["--json", "quote", "list"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["text"] == "so we rejected this request"
    assert main(["quote", "add", "D1"]) == 1
    assert "Give the text" in capsys.readouterr().err


def test_every_evidence_text_option_has_a_file_twin() -> None:
    leaves = {leaf.prog.split(" ", 1)[1]: leaf for leaf in _leaf_parsers(build_parser())}
    wanted = {
        "person add": ["--name-file", "--native-file", "--notes-file"],
        "case add": ["--summary-file"],
        "case set": ["--summary-file", "--arguments-file"],
        "document set": ["--title-file"],
        "quote add": ["--text-file", "--translation-file", "--speaker-file"],
        "event add": ["--title-file", "--description-file"],
        "search": ["--query-file"],
    }
    for command, options in wanted.items():
        have = {o for a in leaves[command]._actions for o in a.option_strings}
        assert set(options) <= have, command


def test_cli_lists_recovers_and_refuses_to_silently_discard_unrecorded_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("storage.vault.calibrate_kdf", lambda: KdfParams.floor())
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASS)
    folder = tmp_path / "vault"
    monkeypatch.setenv("DOSSIER_VAULT", str(folder))
    assert main(["init"]) == 0
    for name in ("a", "b"):  # two strays without a note: cannot be recovered, only discarded
        stray = folder / "blobs" / "cd" / (f"cd{name * 30}")
        stray.parent.mkdir(exist_ok=True)
        stray.write_bytes(b"encrypted bytes of a file never recorded")
    capsys.readouterr()
    assert main(["--json", "unrecorded", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)["unrecorded"]
    assert len(listed) == 2 and not any(f["recoverable"] for f in listed)
    assert main(["unrecorded", "recover", "--all"]) == 1
    assert "cannot be recovered" in capsys.readouterr().out
    assert main(["unrecorded", "discard", listed[0]["name"]]) == 1  # no terminal, no --yes
    assert "cannot be undone" in capsys.readouterr().err
    assert main(["unrecorded", "discard", listed[0]["name"], "--yes"]) == 0
    assert main(["--json", "verify"]) == 1
    assert main(["accept-older-database"]) == 1
    assert "--yes" in capsys.readouterr().err
