"""Text recognition (OCR) of scanned pages: Tesseract in memory, see engine.py."""
