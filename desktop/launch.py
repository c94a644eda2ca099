"""The window's entry point, kept light. multiprocessing's spawn runs the program's main
script again in each worker it starts (an import reads its files in two), and the script pip
writes imports its entry point's module at its top: an entry point in ``desktop.app`` loaded
Qt and the window's code in every worker (0.2 s and 50 MB each, for nothing)."""

from __future__ import annotations


def main() -> int:
    from desktop.app import main as run_the_window

    return run_the_window()
