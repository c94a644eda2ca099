"""The PDF bundle: narrative typeset with reportlab, exhibits merged with pikepdf."""
