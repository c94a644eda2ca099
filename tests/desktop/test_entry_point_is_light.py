"""The window's entry point loads nothing heavy when imported: multiprocessing's spawn runs
the program's main script again in each worker it starts (an import reads its files in two),
and the script pip writes imports the entry point's module at its top."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PROBE = """
import importlib, importlib.metadata, sys
(entry,) = [e for e in importlib.metadata.entry_points(group="gui_scripts")
            if e.name == "evidence-dossier"]
importlib.import_module(entry.module)
print(entry.value, sorted({name.split(".")[0] for name in sys.modules}
                          & {"PySide6", "shiboken6", "sqlalchemy", "reportlab", "pikepdf"}))
"""


def test_the_windows_entry_point_loads_no_qt_in_an_import_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    value, loaded = done.stdout.strip().split(" ", 1)
    assert loaded == "[]", (value, loaded)  # before: PySide6 and shiboken6, in every worker
    # Called, it runs the window.
    import desktop.app

    module, _, function = value.partition(":")
    monkeypatch.setattr(desktop.app, "main", lambda: 7)
    assert getattr(importlib.import_module(module), function)() == 7
