"""The shape of the function each command module uses to add its subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Protocol

Handler = Callable[[argparse.Namespace], int]


class Adder(Protocol):
    def __call__(
        self,
        name: str,
        handler: Handler,
        text: str,
        *,
        group: argparse._SubParsersAction | None = None,  # type: ignore[type-arg]
    ) -> argparse.ArgumentParser: ...


SubGroup = Callable[[str, str], argparse._SubParsersAction]  # type: ignore[type-arg]
