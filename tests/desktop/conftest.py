"""GUI tests run offscreen with the real vault, services and files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from desktop.app import DossierApp

# Controllers a test opened; each is shut down after its test, so none keeps filtering the
# application's events (with its vault open) while later tests run.
OPEN: list[DossierApp] = []


@pytest.fixture(autouse=True)
def shut_down_controllers() -> Iterator[None]:
    yield
    while OPEN:
        OPEN.pop().shutdown()
