"""The packaged `dossier` command's entry point."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # An export rendered, a scan read, in a child starts this program again, flagged.
    from dossier.children import run_if_asked

    run_if_asked()
    from dossier.cli import main

    sys.exit(main())
