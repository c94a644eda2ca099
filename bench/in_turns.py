"""Runs made in turns with a reference (the machine's speed drifts by a fifth within a minute
here: two shared cores), each printed, the median taken."""

from __future__ import annotations

from collections.abc import Iterable


def listed(values: Iterable[float], spec: str = ".2f") -> str:
    """Each run's figure, in the order run: "0.53, 0.55, 0.52"."""
    return ", ".join(format(value, spec) for value in values)
