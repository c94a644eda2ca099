"""GUI tests run offscreen with the real vault, services and files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
