"""The export's child process starts from its own small module: it never runs the parent's
main module again (for the window: the whole program, Qt and the database machinery)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# A program whose main module leaves a mark whenever it is imported under another name —
# as multiprocessing's spawn imports a parent's main module in each child it starts.
PROGRAM = textwrap.dedent(
    """
    import os
    import sys
    from pathlib import Path

    if __name__ != "__main__":
        (Path(os.environ["EXPORT_TEST_FOLDER"]) / "main-imported-again").touch()

    from dossier.export.case_export import export_case, parse_time
    from dossier.services import cases, people
    from storage.keys import KdfParams
    from storage.vault import Vault

    if __name__ == "__main__":
        folder = Path(sys.argv[1])
        with Vault.create(folder / "vault", "a passphrase of test", kdf=KdfParams.floor()) as vault:
            person = people.add_person(vault, "Bolot Temirov")
            case = cases.add_case(vault, person.id, "general", summary="Summary.")
            result = export_case(
                vault, case.id, folder / "bundle.pdf", draft=True, separate_process=True,
                at=parse_time("2025-11-20T10:00:00Z"),
            )
        print(result.pages)
    """
)


def test_the_export_child_never_runs_the_parents_main_module_again(tmp_path: Path) -> None:
    program = tmp_path / "program.py"
    program.write_text(PROGRAM, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(program), str(tmp_path)],
        capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2],
        env={**os.environ, "EXPORT_TEST_FOLDER": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) > 0 and (tmp_path / "bundle.pdf").is_file()
    assert not (tmp_path / "main-imported-again").exists()
