"""Where the shipped resources (fonts, forums, labels) are found."""

from __future__ import annotations

import sys
from pathlib import Path

# In the packaged program (PyInstaller) they lie in its own folder, beside the code.
_BUNDLE = getattr(sys, "_MEIPASS", None)
ROOT = (Path(_BUNDLE) if _BUNDLE else Path(__file__).resolve().parents[1]) / "resources"
FONTS = ROOT / "fonts"
# A forum is one folder of data: forum.json (its kinds of case, grounds, particulars, dates,
# requirements, portal) and its export templates beside it (ccf/ccf-request.json…).
FORUMS = ROOT / "forums"
FORUM_FILE = "forum.json"
LABELS = ROOT / "labels"  # the words an export prints, per language (a template overrides)

SERIF = {
    "regular": FONTS / "DejaVuSerif.ttf",
    "bold": FONTS / "DejaVuSerif-Bold.ttf",
    "italic": FONTS / "DejaVuSerif-Italic.ttf",
    "bold_italic": FONTS / "DejaVuSerif-BoldItalic.ttf",
}
SANS = {"regular": FONTS / "DejaVuSans.ttf", "bold": FONTS / "DejaVuSans-Bold.ttf"}
MONO = FONTS / "DejaVuSansMono.ttf"
