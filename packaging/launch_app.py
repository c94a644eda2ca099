"""The packaged window's entry point (PyInstaller runs this file, not the console script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Import reads files in spawned worker processes: in a frozen program each is this
    # executable again, and freeze_support() turns it into the worker, not a second window.
    multiprocessing.freeze_support()
    # The export renders in a child of its own: this program again, started with a flag.
    from dossier.export.child import run_if_asked

    run_if_asked()
    from desktop.app import main

    sys.exit(main())
