"""A picture shown as wide as the viewer, scrolled down like the PDF viewer's pages.

A QLabel holding a pixmap asks for the pixmap's whole size: a scanned page 640 pixels tall
pushed the document's details out of sight below the viewer. Fitted whole into the space
left, a page's text was too small to read; fitted to the width, it reads as the PDF viewer
shows a page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget


class FittedPicture(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture = QPixmap()
        self._label = QLabel()
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._label)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        # Always there: a bar coming and going as the picture is fitted to the width it
        # leaves would fit it again, and again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_image(self, image: QImage) -> None:
        self._picture = QPixmap.fromImage(image)
        self._fit()
        self.verticalScrollBar().setValue(0)  # a new page is shown from its top

    def pixmap(self) -> QPixmap:
        """What is shown now (empty when nothing is)."""
        return self._label.pixmap()

    def clear(self) -> None:
        self._picture = QPixmap()
        self._label.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._picture.isNull():
            return
        width = max(1, min(self.viewport().width(), self._picture.width()))
        self._label.setPixmap(
            self._picture.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
