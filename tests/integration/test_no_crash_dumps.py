"""A native crash on a hostile file writes no core (it would hold every key, the passphrase
and the evidence): each face, and the export's child, turns dumps off first thing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="core files are a POSIX matter")


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def test_a_process_that_crashes_after_turning_dumps_off_leaves_no_core(tmp_path: Path) -> None:
    # A real crash: the process aborts (as a decoder's failed assertion does) in a folder
    # where a core would be written by a plain core pattern.
    crashed = _run(
        "import os, resource\n"
        "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"  # as much as we may
        "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
        "from dossier import crash_dumps\n"
        "crash_dumps.turn_off()\n"
        "assert crash_dumps.are_off()\n"
        "os.abort()\n",
        tmp_path,
    )
    assert crashed.returncode == -signal.SIGABRT, crashed.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("core")]


def test_the_command_line_turns_dumps_off(tmp_path: Path) -> None:
    done = _run(
        "import contextlib, io\n"
        "from dossier.cli.main import main\n"
        "from dossier import crash_dumps\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['about'])\n"
        "print(crash_dumps.are_off())\n",
        tmp_path,
    )
    assert done.stdout.strip().endswith("True"), done.stderr
