"""Start-up: `dossier --help`, and the window shown, against a bare Python start in the same
run (the reference). Prints seconds (median of several cold-cache-agnostic runs) and ratios.
Asserts nothing. Usage: python bench/startup.py [runs, default 7]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
SHOW_WINDOW = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop import file_dialogs, fonts
from desktop.app import DossierApp
app = QApplication(sys.argv)
file_dialogs.forbid_qt_settings_files()
fonts.install(app)
controller = DossierApp(app, Path(sys.argv[1]))
dialog = controller.start()
app.processEvents()
assert dialog.isVisible()
"""


def _median(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    reference = _median([sys.executable, "-c", "pass"], runs)
    help_time = _median([str(BIN / "dossier"), "--help"], runs)
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        window = _median([sys.executable, "-c", SHOW_WINDOW, folder], runs, env)
    print(f"python start (reference): {reference:6.3f} s")
    print(f"dossier --help:           {help_time:6.3f} s  ({help_time / reference:.1f}× the "
          "reference; target < 0.3 s)")  # fmt: skip
    print(f"window shown:             {window:6.3f} s  ({window / reference:.1f}× the "
          "reference; target < 0.4 s)")  # fmt: skip


if __name__ == "__main__":
    main()
