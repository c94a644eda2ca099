"""reportlab is not safe in two threads at once (two layouts side by side crashed the window
with a bus error); every layout holds one lock. Run in a child process, so that a crash fails
this test instead of ending the whole test run."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import threading
from datetime import date
from dossier.export.pdf.timeline import chart, chart_png
from dossier.services.events import CitationView, EventView

def event(n):
    day = date(2020 + n % 5, 1 + n % 12, 1 + n % 27).isoformat()
    return EventView(n, f"E{n}", "P1", day, day, "day", "Обыск в редакции ңөүәғқұһі " * 3,
                     "", "search", [CitationView("D1", None, 1)])

def work():
    for _ in range(25):
        drawing = chart([event(n) for n in range(40)], 600)
        chart_png(drawing, scale=1.5)

threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print("done")
"""


def test_layouts_in_several_threads_at_once_do_not_crash() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == "done", result.stderr[-2000:]
