"""The `dossier` command line over a real vault: vault commands, JSON output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main

PASS = "a long enough passphrase"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    monkeypatch.setenv("DOSSIER_VAULT", str(folder))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASS)
    # Keep the tests fast: the calibrated Argon2id takes ~0.7 s per unlock.
    monkeypatch.setattr(
        "storage.vault.calibrate_kdf",
        lambda: __import__("storage.keys", fromlist=["KdfParams"]).KdfParams.floor(),
    )
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object], str]:
    code = main([*args, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else {}, captured.err


def test_init_verify_backup_restore(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data, _ = run(capsys, "init")
    assert code == 0 and data["vault"] == str(env) and len(str(data["id"])) == 32
    code, data, _ = run(capsys, "verify")
    assert code == 0 and data["ok"] is True
    code, data, _ = run(capsys, "backup", str(tmp_path / "b.edbackup"))
    assert code == 0 and Path(str(data["path"])).is_file()
    code, data, _ = run(capsys, "restore", str(tmp_path / "b.edbackup"), "--check-only")
    assert code == 0 and data["ok"] is True
    code, data, _ = run(
        capsys, "restore", str(tmp_path / "b.edbackup"), "--vault", str(tmp_path / "copy")
    )
    assert code == 0 and data["ok"] is True
    assert str(data["as_of"]).endswith(" UTC")  # "the vault as it was on …", said plainly
    code, data, _ = run(capsys, "log")
    actions = [entry["action"] for entry in data["entries"]]  # type: ignore[attr-defined]
    assert actions[:2] == ["vault created", "vault verified"] and "backup made" in actions


def test_wrong_passphrase_exits_1_with_a_sentence(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init")[0] == 0
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "not the right one")
    code, _, err = run(capsys, "verify")
    assert code == 1
    assert err.startswith("dossier: The passphrase is not correct") and "Traceback" not in err


def test_weak_new_passphrase_is_refused(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "short")
    code, _, err = run(capsys, "init")
    assert code == 1 and "at least" in err
    assert not env.exists()


def test_passwd_changes_the_passphrase(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init")[0] == 0
    monkeypatch.setenv("DOSSIER_OLD_PASSPHRASE", PASS)
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "another long passphrase")
    code, data, _ = run(capsys, "passwd")
    assert code == 0 and "rotate the keys" in str(data["note"])
    assert run(capsys, "verify")[0] == 1
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "another long passphrase")
    assert run(capsys, "verify")[0] == 0


def test_rotate_keys_from_the_command_line(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init")[0] == 0
    note = tmp_path / "note.txt"
    note.write_text("A note about the case.")
    assert run(capsys, "import", str(note))[0] == 0
    old_header = (env / "vault.header").read_bytes()
    code, data, _ = run(capsys, "rotate-keys")
    assert code == 0 and data["files"] == 1
    assert (env / "vault.header").read_bytes() != old_header
    assert run(capsys, "verify")[0] == 0


def test_missing_vault_is_explained(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "verify")
    assert code == 1 and "not an Evidence Dossier vault" in err


def test_usage_errors_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dossier.cli", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2


def test_help_reads_like_a_manual() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dossier.cli", "--help"], capture_output=True, text=True, check=True
    )
    for word in ("DOSSIER_PASSPHRASE", "init", "verify", "backup", "restore", "passwd", "Exit"):
        assert word in result.stdout


def test_the_evidence_workflow_of_the_issue(
    env: Path, capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert run(capsys, "init")[0] == 0
    code, data, _ = run(
        capsys, "person", "add", "Rinat Tukhvatshin", "--native", "Ринат Тухватшин",
        "--alias", "Rinat Tuhvatshin", "--role", "journalist",
    )  # fmt: skip
    assert code == 0 and data["id"] == "P1"
    code, data, _ = run(
        capsys, "case", "add", "P1", "--kind", "ccf-deletion", "--country", "Kyrgyzstan",
        "--notice", "red-notice",
    )  # fmt: skip
    assert code == 0 and data["id"] == "C1"
    code, data, _ = run(
        capsys, "import", str(corpus / "articles"), str(corpus / "pdf"), "--person", "P1",
        "--kind", "news-article",
    )  # fmt: skip
    assert code == 0
    imported = {d["original_name"]: d["id"] for d in data["imported"]}  # type: ignore[attr-defined]
    assert [s["file"] for s in data["skipped"]] == ["libreoffice-writer-password.pdf"]  # type: ignore[attr-defined]
    article = imported["interpol-rejects-kyrgyz-request-tukhvatshin.txt"]
    code, data, _ = run(
        capsys, "quote", "add", article, "we rejected this request", "--speaker", "Samuel Heath"
    )
    assert code == 0 and data["page"] == 1 and data["warning"] is None
    code, data, _ = run(
        capsys, "event", "add", "P1", "--date", "In August 2025", "--title", "Staff tried",
        "--cite", f"{article}:1",
    )  # fmt: skip
    assert code == 0 and data["date"] == "2025-08"
    code, data, _ = run(capsys, "event", "list", "P1")
    assert data["events"][0]["date_display"] == "August 2025"  # type: ignore[index]
    code, data, _ = run(capsys, "search", "Dulatov")
    statement = imported["media-action-platform-kloop-2025-05-30.txt"]
    assert statement in [hit["ref"] for hit in data["results"]]  # type: ignore[attr-defined]
    code, data, _ = run(capsys, "ground", "link", "G1", article, "Q1")
    assert data["evidence"] == [article, "Q1"]
    assert run(capsys, "verify")[0] == 0


def test_bad_reference_is_explained(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "init")[0] == 0
    code, _, err = run(capsys, "case", "add", "D1", "--kind", "general")
    assert code == 1 and "not a person reference" in err
    code, _, err = run(capsys, "person", "show", "P7")
    assert code == 1 and "no record P7" in err


def test_export_from_the_command_line(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert run(capsys, "init")[0] == 0
    run(capsys, "person", "add", "Rinat Tukhvatshin", "--native", "Ринат Тухватшин")
    run(capsys, "case", "add", "P1", "--kind", "general", "--summary", "Kloop case.")
    run(capsys, "import", str(corpus / "articles"), "--person", "P1")
    for document in ("D3", "D1", "D2"):  # the lawyer's order, not the import's
        assert run(capsys, "exhibit", "add", "C1", document)[0] == 0
    code, listed, _ = run(capsys, "exhibit", "list", "C1")
    assert [e["document_ref"] for e in listed["exhibits"]] == ["D3", "D1", "D2"]  # type: ignore[index]
    out = tmp_path / "dossier.pdf"
    code, data, _ = run(
        capsys, "export", "C1", "--format", "pdf", "--out", str(out), "--at", "2025-11-20T10:00:00Z"
    )
    assert code == 0 and out.is_file() and data["exhibits"] == 3 and data["pages"] > 3
    code, again, _ = run(
        capsys, "export", "C1", "--out", str(tmp_path / "again.pdf"), "--at", "2025-11-20T10:00:00Z"
    )
    assert again["sha256"] == data["sha256"]
    code, _, err = run(capsys, "export", "C1", "--out", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "does not exist" in err
    code, data, _ = run(capsys, "log")
    assert data["entries"][-1]["action"] == "exported"  # type: ignore[index]


def test_preparing_a_submission_from_the_command_line(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    run(capsys, "init")
    run(capsys, "person", "add", "Rinat Tukhvatshin")
    assert run(capsys, "person", "set", "P1", "--native-name", "Ринат Тухватшин",
               "--birth-place", "Bishkek")[0] == 0  # fmt: skip
    run(capsys, "case", "add", "P1", "--kind", "ccf-deletion")  # opened without a notice type
    code, case, _ = run(capsys, "case", "set", "C1", "--notice-type", "red-notice")
    assert code == 0 and case["notice_type"] == "red-notice"
    run(capsys, "import", str(corpus / "articles"), "--person", "P1")
    english = tmp_path / "translation.txt"
    english.write_text("The court declared Kloop extremist.", encoding="utf-8")
    code, added, _ = run(
        capsys, "translation", "add", "D1", "--language", "fr", "--file", str(english),
        "--translator", "Anna Translator", "--translator-address", "2 Fleet Street",
        "--translator-phone", "+44 20 7946 0000", "--qualifications", "DipTrans",
    )  # fmt: skip
    assert code == 0 and added["text"] == "The court declared Kloop extremist."
    code, listed, _ = run(capsys, "translation", "list", "D1")
    assert [t["translator_address"] for t in listed["translations"]] == ["2 Fleet Street"]  # type: ignore[index]
    for document in ("D1", "D2", "D3"):
        run(capsys, "exhibit", "add", "C1", document)
    run(capsys, "exhibit", "move", "C1", "D3", "--position", "1")
    code, listed, _ = run(capsys, "exhibit", "remove", "C1", "D2")
    assert [e["document_ref"] for e in listed["exhibits"]] == ["D3", "D1"]  # type: ignore[index]
    facts = tmp_path / "facts.txt"
    facts.write_text("INTERPOL refused the request [D1].", encoding="utf-8")
    assert run(capsys, "case", "set", "C1", "--facts-file", str(facts))[0] == 0
    assert run(capsys, "ground", "set", "G1", "--argument-file", str(facts))[0] == 0
    code, report, _ = run(capsys, "check", "C1")
    assert code == 1 and report["ready"] is False
    run(capsys, "event", "add", "P1", "--date", "27 October 2025", "--title", "Court rules",
        "--kind", "court-ruling", "--cite", "D1")  # fmt: skip
    run(capsys, "event", "add", "P1", "--date", "30 October 2025", "--title", "Court rules",
        "--kind", "court-ruling", "--cite", "D3")  # fmt: skip
    code, merged, _ = run(capsys, "event", "merge", "E1", "E2", "--date-from", "E2",
                          "--note", "The ruling itself is dated 30 October.")  # fmt: skip
    assert (
        code == 0
        and merged["date"] == "2025-10-30"
        and "Also dated 27 October" in str(merged["date_note"])
    )


def test_organisations_with_their_people_and_documents(
    env: Path, capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    run(capsys, "init")
    run(capsys, "person", "add", "Bolot Temirov")
    run(capsys, "import", str(corpus / "articles" / "media-action-platform-kloop-2025-05-30.txt"))
    code, added, _ = run(capsys, "organisation", "add", "Temirov Live", "--kind", "outlet",
                         "--country", "Kyrgyzstan")  # fmt: skip
    assert code == 0 and added["id"] == "O1"
    run(capsys, "organisation", "member", "O1", "P1", "--role", "founder")
    code, shown, _ = run(capsys, "organisation", "document", "O1", "D1")
    assert shown["people"] == [{"person_ref": "P1", "name": "Bolot Temirov", "role": "founder"}]
    assert shown["documents"] == ["D1"]
    code, listed, _ = run(capsys, "organisation", "list", "--person", "P1")
    assert [o["name"] for o in listed["organisations"]] == ["Temirov Live"]  # type: ignore[index]


def test_ocr_reads_a_scan_and_document_text_says_where_each_page_came_from(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.scans import TEXTS, page_image, scanned_pdf

    scan = tmp_path / "protocol.pdf"
    scan.write_bytes(scanned_pdf([page_image(TEXTS["kaz"])]))
    assert main(["init"]) == 0
    assert main(["person", "add", "Rinat Tukhvatshin"]) == 0
    assert main(["import", str(scan), "--person", "P1"]) == 0
    assert "D1 is a scan: read its text with `dossier ocr D1`." in capsys.readouterr().out
    assert main(["ocr", "D1", "--languages", "kaz+eng"]) == 0
    said = capsys.readouterr().out
    assert "D1: text read from 1 scanned page(s) (1) in kaz+eng, mean confidence" in said
    assert main(["document", "text", "D1"]) == 0
    printed = capsys.readouterr().out
    assert "--- page 1 (read by OCR: Tesseract 5" in printed and "kaz+eng, confidence" in printed
    assert "Әділет министрлігі" in printed
    code, data, _ = run(capsys, "document", "text", "D1")
    assert code == 0 and data["pages"][0]["origin"] == "ocr"  # type: ignore[index]
    assert main(["ocr", "D1", "--languages", "deu"]) == 1
    assert "Text recognition knows these languages" in capsys.readouterr().err


def test_ocr_force_reads_again_a_pdf_whose_own_text_is_poor(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.scans import TEXTS, page_image, scanned_pdf_with_hidden_text

    poor = TEXTS["eng"].replace("laptops", "lapt0ps")
    scan = tmp_path / "statement.pdf"
    scan.write_bytes(scanned_pdf_with_hidden_text(page_image(TEXTS["eng"]), poor))
    assert main(["init"]) == 0
    assert main(["person", "add", "Rinat Tukhvatshin"]) == 0
    assert main(["import", str(scan), "--person", "P1"]) == 0
    capsys.readouterr()
    assert main(["ocr", "D1"]) == 1
    assert "ask for every page" in capsys.readouterr().err
    assert main(["ocr", "D1", "--force"]) == 0
    assert "D1: text read from 1 scanned page(s)" in capsys.readouterr().out
    code, data, _ = run(capsys, "document", "text", "D1")
    page = data["pages"][0]  # type: ignore[index]
    assert code == 0 and page["origin"] == "ocr" and "laptops" in page["text"]


def test_a_quote_is_changed_and_deleted_from_the_command_line(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "statement.txt"
    source.write_text("The court refused to hear the witnesses for the defence.")
    run(capsys, "init")
    run(capsys, "person", "add", "Rinat Tukhvatshin")
    run(capsys, "import", str(source), "--person", "P1")
    run(capsys, "quote", "add", "D1", "refused to hear the witnesess")
    code, changed, _ = run(capsys, "quote", "set", "Q1", "--text",
                           "refused to hear the witnesses", "--speaker", "the lawyer")  # fmt: skip
    assert code == 0 and changed["found_in_document"] is True and changed["speaker"] == "the lawyer"
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "quote", "delete", "Q1")
    assert code == 1 and "Delete the quote Q1 from D1" in err and "add --yes" in err
    code, deleted, _ = run(capsys, "quote", "delete", "Q1", "--yes")
    assert code == 0 and deleted["deleted"] == "Q1"
    assert run(capsys, "quote", "list")[1]["quotes"] == []


def test_cyrillic_names_reach_a_pipe_whatever_its_code_page(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    assert main(["person", "add", "Rinat Tukhvatshin", "--native", "Ринат Тухватшин"]) == 0
    capsys.readouterr()
    # As on Windows, where a pipe gets the ANSI code page (cp1252: no Cyrillic).
    listed = subprocess.run(
        [sys.executable, "-m", "dossier.cli", "person", "list"],
        capture_output=True,
        env=dict(os.environ, PYTHONIOENCODING="cp1252"),
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr.decode(errors="replace")
    assert "Ринат Тухватшин" in listed.stdout.decode("utf-8")


def test_a_passphrase_over_72_characters_creates_and_changes_a_vault(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    words = "ember vastly quiche tundra gallop siren oboe pinwheel lagoon muffin tractor"
    first, second = words + " willow", words + " zesty yodel"
    monkeypatch.setenv("DOSSIER_PASSPHRASE", first)
    assert run(capsys, "init")[0] == 0
    monkeypatch.setenv("DOSSIER_OLD_PASSPHRASE", first)
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", second)
    code, _data, err = run(capsys, "passwd")
    assert code == 0, err
    monkeypatch.setenv("DOSSIER_PASSPHRASE", second)
    assert run(capsys, "verify")[0] == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", "C1", "--out", "{tmp}/b.pdf", "--draft", "--split-mb", "nan"], "above 0"),
        (["export", "C1", "--out", "{tmp}/b.pdf", "--draft", "--split-mb", "inf"], "above 0"),
        (["export", "C1", "--out", "{tmp}/b.pdf", "--at", "9999-12-31T23:59:59-14:00"],
         "is not a time like"),
        (["restore", "{tmp}/b.edbackup", "--vault", "{tmp}/a-file"], "the place given is a file"),
    ],
)  # fmt: skip
def test_odd_input_is_refused_in_a_sentence_not_a_traceback(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "person", "add", "Rinat Tukhvatshin")[0] == 0
    assert run(capsys, "case", "add", "P1", "--kind", "general")[0] == 0
    assert run(capsys, "backup", str(tmp_path / "b.edbackup"))[0] == 0
    (tmp_path / "a-file").write_text("not a folder")
    code = main([arg.replace("{tmp}", str(tmp_path)) for arg in args])
    err = capsys.readouterr().err
    assert code == 1 and said in err and "Traceback" not in err and "went wrong" not in err


def test_an_unforeseen_error_is_a_sentence_that_never_quotes_what_was_read(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier import diagnostics
    from dossier.cli import vault_commands

    def choke(_args: object) -> int:
        raise ValueError("paragraph text '<para>Secret Street 5, flat 12</para>' caused")

    monkeypatch.setattr(vault_commands, "cmd_verify", choke)
    assert run(capsys, "init")[0] == 0
    code = main(["verify"])
    err = capsys.readouterr().err
    assert code == 1 and "went wrong" in err and "--debug" in err
    assert "Secret Street" not in err and "Traceback" not in err
    assert main(["verify", "--debug"]) == 1
    err = capsys.readouterr().err
    assert "ValueError at tests/dossier/test_cli.py" in err and "Secret Street" not in err
    assert "Secret Street" not in diagnostics.report()
    assert "dossier verify: ValueError" in diagnostics.report()


def test_a_file_imported_again_is_linked_and_a_case_started_from_another(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text("The search of the newsroom began at dawn. " * 5)
    run(capsys, "init")
    run(capsys, "person", "add", "Rinat Tukhvatshin")
    run(capsys, "person", "add", "Zhoomart Duulatov")
    run(capsys, "import", str(statement), "--person", "P1")
    assert main(["import", str(statement), "--person", "P2"]) == 0
    said = capsys.readouterr().out
    assert "statement.txt is already in the vault as D1 (statement), evidence of Rinat" in said
    assert "dossier document link D1 --person P2" in said
    code, linked, _ = run(capsys, "document", "link", "D1", "--person", "P2")
    assert code == 0 and sorted(linked["people"]) == ["P1", "P2"]
    run(capsys, "case", "add", "P2", "--kind", "asylum-uk", "--representative", "Jane Advocate")
    run(capsys, "case", "set", "C1", "--facts", "The newsroom was searched [D1].")
    run(capsys, "exhibit", "add", "C1", "D1", "--section", "A. Own documents")
    run(capsys, "ground", "set", "G1", "--argument", "Persecuted for his journalism [D1].")
    code, copied, _ = run(capsys, "case", "copy", "C1", "--kind", "asylum-us")
    assert code == 0 and copied["id"] == "C2" and copied["kind"] == "asylum-us"
    assert copied["facts"] == "The newsroom was searched [D1]."
    assert copied["representative_name"] == "Jane Advocate"
    code, grounds, _ = run(capsys, "ground", "list", "C2")
    first = grounds["grounds"][0]
    assert first["argument"] == "Persecuted for his journalism [D1]." and first["evidence"] == []
    code, annexes, _ = run(capsys, "exhibit", "list", "C2")
    assert [(a["document_ref"], a["section"]) for a in annexes["exhibits"]] == [
        ("D1", "A. Own documents")
    ]


def test_a_forums_particulars_are_set_and_shown_from_the_command_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "init")
    run(capsys, "person", "add", "Zhoomart Duulatov")
    run(capsys, "case", "add", "P1", "--kind", "asylum-us")
    code, case, _ = run(capsys, "case", "set", "C1", "--particular", "a-number=A123456789",
                        "--particular", "immigration-judge=Hon. J. Smith")  # fmt: skip
    assert code == 0 and case["particulars"] == {
        "a-number": "A123456789", "immigration-judge": "Hon. J. Smith",
    }  # fmt: skip
    assert main(["case", "show", "C1"]) == 0
    shown = capsys.readouterr().out
    assert "A-Number [a-number] (required): A123456789" in shown
    assert "Individual hearing [hearing-date] (required): —" in shown
    code, _, err = run(capsys, "case", "set", "C1", "--particular", "appeal-number=PA/1/2026")
    assert code == 1 and "is not a particular of this forum. It asks for: a-number" in err
    code, _, err = run(capsys, "case", "set", "C1", "--particular", "a-number")
    assert code == 1 and "Write a particular as name=value" in err
    run(capsys, "case", "add", "P1", "--kind", "ccf-deletion")
    run(capsys, "case", "set", "C2", "--particular", "acknowledged-on=31 May 2026")
    assert main(["case", "show", "C2"]) == 0
    shown = capsys.readouterr().out
    assert "Decision due (Statute art. 40, 9 months): 28 February 2027" in shown


def test_verify_resume_continues_a_verification_stopped_before_its_end(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import storage.verify
    from storage.errors import Cancelled
    from storage.vault import Vault

    assert run(capsys, "init")[0] == 0
    monkeypatch.setattr(storage.verify, "_GROUP_BYTES", 1)  # a file at a time
    with Vault.unlock(env, PASS) as vault:
        for n in range(5):
            vault.store_bytes(os.urandom(30_000), label=f"Annex {n}.pdf")
        seen: list[int] = []
        with pytest.raises(Cancelled):  # stopped after two files, as Ctrl-C or Cancel would
            vault.verify(progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) >= 2)
    code, data, _ = run(capsys, "verify", "--resume")
    assert code == 0 and data["ok"] is True and data["continued"] == 2
    assert len(data["files"]) == 5  # type: ignore[arg-type]
    code = main(["verify"])  # nothing left to continue: every file read
    out = capsys.readouterr().out
    assert code == 0 and "Checked 5 stored files" in out and "stopped" not in out
    with Vault.unlock(env, PASS) as vault:
        seen.clear()
        with pytest.raises(Cancelled):
            vault.verify(progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) >= 3)
    code = main(["verify"])
    out = capsys.readouterr().out
    assert code == 0 and "had been stopped after 3 of 5 files; this one read every file" in out
