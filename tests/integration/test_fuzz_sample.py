"""A deterministic sample of the fuzzing harness (bench/fuzz.py; `make fuzz` runs 2,000 cases):
hostile and mutated files of every format, imported and exported, never crash or hang."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_hostile_and_mutated_files_give_sentences_never_tracebacks_or_hangs() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz.py"), "--cases", "40", "--seed", "7",
         "--json"],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=600,
    )  # fmt: skip
    results = json.loads(run.stdout.strip().splitlines()[-1])
    print(
        f"[figure] fuzz sample: {results['run']} cases, {results['imported']} imported, "
        f"{results['exported']} exported, peak RSS {results['peak_rss_mb']:.0f} MB, "
        f"{results['seconds']:.0f} s"
    )
    assert results["run"] == 40
    assert results["tracebacks"] == []
    assert results["active"] == []  # no bundle carries what could act when opened
    assert results["hangs"] == []
    assert results["unexpected"] == []
    assert results["peak_rss_mb"] < 1024
    assert results["imported"] > 10  # the originals and gentle mutations still import
