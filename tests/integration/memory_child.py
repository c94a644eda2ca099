"""Child for the memory test: use a vault, lock it, say LOCKED, then wait to be scanned.

python memory_child.py VAULT PASSPHRASE
The child never learns which bytes are looked for: the test derives them from the header.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from sqlalchemy import text

from storage.keys import KdfParams
from storage.vault import Vault


def main() -> None:
    folder, passphrase = Path(sys.argv[1]), sys.argv[2]
    vault = Vault.create(folder, passphrase, kdf=KdfParams.floor())
    for index in range(20):
        vault.store_bytes(f"document {index}".encode() * 100, label=f"d{index}")
    with vault.session() as session:
        session.execute(text("SELECT count(*) FROM stored_files")).scalar()
    vault.verify()
    vault.lock()
    del vault
    gc.collect()
    print("LOCKED", flush=True)
    sys.stdin.read()  # stay alive, locked, until the test has looked


if __name__ == "__main__":
    main()
