"""Registers the shipped fonts with reportlab (embedded, subset, Cyrillic-complete)."""

from __future__ import annotations

import gc
import threading

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dossier.resources import MONO, SANS, SERIF

# reportlab keeps shared state (fonts, subsets, caches) and is not safe to run in two threads
# at once: two layouts side by side (the window's check and its timeline, say) crashed the
# process. Every use of it holds this lock.
RENDER_LOCK = threading.RLock()

SERIF_NAME = "DossierSerif"
SANS_NAME = "DossierSans"
MONO_NAME = "DossierMono"


def register() -> None:
    if SERIF_NAME in pdfmetrics.getRegisteredFontNames():
        return
    variants = {
        SERIF_NAME: SERIF["regular"],
        f"{SERIF_NAME}-Bold": SERIF["bold"],
        f"{SERIF_NAME}-Italic": SERIF["italic"],
        f"{SERIF_NAME}-BoldItalic": SERIF["bold_italic"],
        SANS_NAME: SANS["regular"],
        f"{SANS_NAME}-Bold": SANS["bold"],
        MONO_NAME: MONO,
    }
    # Reading a font makes tens of thousands of small objects and no cycle among them: with
    # the cycle collector running meanwhile (over every object of the program, a large heap
    # in an export), reading the seven took twice as long — 0.07 s of every export.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name, path in variants.items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    finally:
        if collecting:
            gc.enable()
    addMapping(SERIF_NAME, 0, 0, SERIF_NAME)
    addMapping(SERIF_NAME, 1, 0, f"{SERIF_NAME}-Bold")
    addMapping(SERIF_NAME, 0, 1, f"{SERIF_NAME}-Italic")
    addMapping(SERIF_NAME, 1, 1, f"{SERIF_NAME}-BoldItalic")
    addMapping(SANS_NAME, 0, 0, SANS_NAME)
    addMapping(SANS_NAME, 1, 0, f"{SANS_NAME}-Bold")
    addMapping(SANS_NAME, 0, 1, SANS_NAME)
    addMapping(SANS_NAME, 1, 1, f"{SANS_NAME}-Bold")
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(MONO_NAME, bold, italic, MONO_NAME)
    # Drawings (the chronology chart) start from this default; Helvetica is never embedded.
    STATE_DEFAULTS["fontName"] = SANS_NAME
