"""Where the shipped resources (fonts, templates) are found."""

from __future__ import annotations

import sys
from pathlib import Path

# In the packaged program (PyInstaller) they lie in its own folder, beside the code.
_BUNDLE = getattr(sys, "_MEIPASS", None)
ROOT = (Path(_BUNDLE) if _BUNDLE else Path(__file__).resolve().parents[1]) / "resources"
FONTS = ROOT / "fonts"
TEMPLATES = ROOT / "templates"

SERIF = {
    "regular": FONTS / "DejaVuSerif.ttf",
    "bold": FONTS / "DejaVuSerif-Bold.ttf",
    "italic": FONTS / "DejaVuSerif-Italic.ttf",
    "bold_italic": FONTS / "DejaVuSerif-BoldItalic.ttf",
}
SANS = {"regular": FONTS / "DejaVuSans.ttf", "bold": FONTS / "DejaVuSans-Bold.ttf"}
MONO = FONTS / "DejaVuSansMono.ttf"
