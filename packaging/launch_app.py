"""The packaged window's entry point (PyInstaller runs this file, not the console script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Import reads files in spawned worker processes: in a frozen program each is this
    # executable again, and freeze_support() turns it into the worker, not a second window.
    multiprocessing.freeze_support()
    # An export is rendered, a scan read, in a child of its own: this program again, flagged.
    from dossier.children import run_if_asked

    run_if_asked()
    from desktop.app import main

    sys.exit(main())
