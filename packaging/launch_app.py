"""The packaged window's entry point (PyInstaller runs this file, not the console script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The export renders in a spawned child: in a frozen program the child is this executable
    # again, and freeze_support() turns it into the child instead of a second window.
    multiprocessing.freeze_support()
    from desktop.app import main

    sys.exit(main())
