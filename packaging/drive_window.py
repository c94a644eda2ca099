"""Drives the running window through the accessibility interface (AT-SPI), as a screen reader
would: unlocks the vault, opens the first person, exports the case from the Export tab.

Run by packaging/package_test.py with Debian's own python3 (which has pyatspi), while the
packaged program runs on the same virtual screen and session bus:

    /usr/bin/python3 packaging/drive_window.py PASSPHRASE OUT.pdf

This is how the window's export is tried in the packaged program: it renders in a child
process that is the program itself started again, which only a frozen build can get wrong.
Widgets are found by the names the window gives them (their accessible names), never by
position. Exits non-zero with what it was waiting for when a step does not happen.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyatspi  # type: ignore[import-not-found]

APP = "Evidence Dossier"


def wait_for(what: str, found: Callable[[], Any], seconds: float = 60) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            result = found()
        except Exception:  # the tree changes while it is read: look again
            result = None
        if result:
            return result
        time.sleep(0.2)
    raise SystemExit(f"The window did not show {what} within {seconds:.0f} s.")


def nodes(node: Any, depth: int = 0) -> Iterator[Any]:
    if node is None or depth > 40:
        return
    yield node
    for index in range(node.childCount):
        yield from nodes(node.getChildAtIndex(index), depth + 1)


def application() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == APP:
            return app
    return None


def find(role: str, name: str) -> Any:
    """The widget shown on screen with this role and accessible name."""
    for node in nodes(application()):
        shown = node.getState().contains(pyatspi.STATE_SHOWING)
        if node.getRoleName() == role and node.name == name and shown:
            return node
    return None


def find_any(role: str, name: str) -> Any:
    """A widget with this role and name, shown or not (a menu's items are hidden until open)."""
    return next(
        (n for n in nodes(application()) if n.getRoleName() == role and n.name == name), None
    )


def find_role(role: str) -> Any:
    return next((n for n in nodes(application()) if n.getRoleName() == role), None)


def press(button: Any) -> None:
    button.queryAction().doAction(0)


def type_into(field: Any, text: str) -> None:
    field.queryEditableText().setTextContents(text)


def main(passphrase: str, out: Path) -> int:
    field = wait_for("the passphrase field", lambda: find("password text", "Passphrase"))
    type_into(field, passphrase)
    press(wait_for("the Unlock button", lambda: find("push button", "Unlock")))
    people = wait_for("the people list", lambda: find("list", "People"))
    first = wait_for("a person in the list", lambda: people.getChildAtIndex(0))
    people.querySelection().selectChild(0)
    print(f"Window: unlocked, opened {first.name!r}")
    tabs = wait_for("the person's tabs", lambda: find_role("page tab list"))
    names = [tabs.getChildAtIndex(i).name for i in range(tabs.childCount)]
    tabs.querySelection().selectChild(names.index("Export"))
    type_into(wait_for("the Save as field", lambda: find("text", "Save as")), str(out))
    draft_box = "Draft (marked DRAFT on every page)"
    draft = wait_for("the Draft box", lambda: find("check box", draft_box))
    if not draft.getState().contains(pyatspi.STATE_CHECKED):
        press(draft)
    press(wait_for("the Export button", lambda: find("push button", "Export")))
    wait_for(f"{out.name} written", lambda: out.is_file() and out.stat().st_size > 0, 120)
    print(f"Window: exported {out.name} ({out.stat().st_size} bytes)")
    # In Russian, the About dialog: the bundled parts listed, and Qt's own words translated
    # (Qt's translations are found inside the package).
    press(wait_for("the Русский menu item", lambda: find_any("menu item", "Русский")))
    about = "О программе Evidence Dossier…"
    press(wait_for("Help ▸ About in Russian", lambda: find_any("menu item", about), 30))
    table = wait_for(
        "the table of bundled parts", lambda: find("table", "Составные части и их лицензии")
    )
    close = wait_for("Qt's Close button in Russian", lambda: find("push button", "Закрыть"))
    print(
        f"Window: in Russian, About lists {table.queryTable().nRows} bundled parts; "
        f"Qt's own button says {close.name!r}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
