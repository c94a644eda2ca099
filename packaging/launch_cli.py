"""The packaged `dossier` command's entry point."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # An export rendered in a child (as the window does) starts this program again, flagged.
    from dossier.export.child import run_if_asked

    run_if_asked()
    from dossier.cli import main

    sys.exit(main())
