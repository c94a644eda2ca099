"""Qt's Python binding must not take references from Python's None: PySide6 6.12.0 took one
at every call of a method returning nothing, and on Python 3.11 (where None is counted like
any object) the program aborted with "deallocating None" after some thousands of calls — a
few minutes of work in the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

CALLS = 2_000


def test_filling_lists_and_labels_leaves_python_none_alone(qtbot: QtBot) -> None:
    label, listed, table = QLabel(), QListWidget(), QTableWidget(CALLS, 1)
    for widget in (label, listed, table):
        qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for row in range(CALLS):
        label.setText("Annex 1")
        listed.addItem("Annex 1")
        table.setItem(row, 0, QTableWidgetItem("Annex 1"))
    listed.clear()
    # A few references either way are anything Python did meanwhile; a leak is thousands.
    assert sys.getrefcount(None) - before > -100
