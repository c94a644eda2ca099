"""The evidence layer: domain, import, search, export and the ``dossier`` command line."""
