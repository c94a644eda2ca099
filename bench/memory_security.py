"""The cost of SQLCipher's cipher_memory_security (every freed buffer zeroed).

Runs the same work (import 300 short documents, then 300 searches) in two child processes,
one with the setting off (the reference, as the app runs) and one with it on. Prints seconds
and the ratio on/off for each part. Asserts nothing.
Usage: python bench/memory_security.py [documents, default 300]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def work(mode: str, count: int) -> dict[str, float]:
    from storage import database

    database.MEMORY_SECURITY = f"PRAGMA cipher_memory_security = {mode.upper()}"
    from dossier.search import Searcher
    from dossier.services.documents import import_files
    from storage.keys import KdfParams
    from storage.vault import Vault

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "texts"
        folder.mkdir()
        for index in range(count):
            (folder / f"{index}.txt").write_text(
                f"Document {index}: the court in Bishkek heard witness {index % 17} "
                "about Kloop and Temirov Live. " * 20
            )
        with Vault.create(Path(scratch) / "vault", "bench", kdf=KdfParams.floor()) as vault:
            start = time.perf_counter()
            import_files(vault, [folder])
            imported = time.perf_counter() - start
            searcher = Searcher(vault)
            start = time.perf_counter()
            for index in range(count):
                searcher.search(f"witness {index % 17} Kloop")
            searched = time.perf_counter() - start
    return {"import": imported, "search": searched}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(work(sys.argv[2], int(sys.argv[3]))))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = {}
    for mode in ("off", "on"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(count)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        runs[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    for part in ("import", "search"):
        off, on = runs["off"][part], runs["on"][part]
        print(f"cipher_memory_security {part} of {count}: off {off:.2f} s, on {on:.2f} s, "
              f"ratio on/off {on / off:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
