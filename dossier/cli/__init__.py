"""The ``dossier`` command line: everything the desktop app does, for terminals and scripts."""

from dossier.cli.main import main

__all__ = ["main"]
