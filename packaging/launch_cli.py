"""The packaged `dossier` command's entry point."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from dossier.cli import main

    sys.exit(main())
