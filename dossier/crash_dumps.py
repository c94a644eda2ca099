"""No crash dump of this program is ever written.

A native crash on a hostile file (libheif, Leptonica, PDFium) would otherwise leave a core
file holding every key, the passphrase and the evidence, in plaintext, wherever the system
keeps cores: measured here, 117 MB with all of them. Both faces, and their children (an
export's, a scan's reader), turn dumps off first thing.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def turn_off() -> None:
    """No core file, and (Linux) no other process of this user may read our memory."""
    if os.name == "posix":
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            # Also keeps systemd-coredump and apport (which ignore RLIMIT_CORE when the
            # core pattern is a pipe) from being handed our memory.
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    elif sys.platform == "win32":
        with contextlib.suppress(OSError, AttributeError):
            # No Windows Error Reporting dialog or dump for a crash of this process.
            sem_failcriticalerrors, sem_nogpfaulterrorbox = 0x0001, 0x0002
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            kernel32.SetErrorMode(sem_failcriticalerrors | sem_nogpfaulterrorbox)
            kernel32.WerSetFlags(0x4)  # WER_FAULT_REPORTING_NO_UI


def are_off() -> bool:
    """Whether this process can leave a core file (for the tests and Help ▸ Diagnostics)."""
    if os.name != "posix":
        return True
    import resource

    if resource.getrlimit(resource.RLIMIT_CORE)[1] != 0:
        return False
    if sys.platform.startswith("linux"):
        return bool(ctypes.CDLL(None).prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)
    return True
