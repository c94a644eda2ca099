"""Makes the Debian package from the built program folder (run by packaging/build.sh).

    python packaging/make_deb.py dist/evidence-dossier 0.1.0 dist/

Installs the folder as /opt/evidence-dossier, the window and the command as
/usr/bin/evidence-dossier and /usr/bin/dossier, a menu entry and an icon. Depends: the Debian
packages that provide the shared libraries the program needs and does not carry (found by
reading every ELF file's needed libraries, and asking dpkg which package holds each on this
machine), so `apt install ./evidence-dossier_….deb` brings what is missing. Every file's time is
SOURCE_DATE_EPOCH, owners are root: the same folder gives the same .deb.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAME = "evidence-dossier"
INSTALLED = Path("/opt") / NAME
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))  # 2026-01-01, when not given
ELF_MAGIC = b"\x7fELF"


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed(path: Path) -> set[str]:
    dynamic = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))


def system_library(soname: str) -> Path | None:
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    for line in cache.splitlines():
        if line.strip().startswith(soname + " ") and "x86-64" in line:
            return Path(line.rsplit("=> ", 1)[1].strip())
    return None


def owner(path: Path) -> str:
    for candidate in (path, path.resolve()):
        done = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":")[0].split(",")[0].strip()
    # usrmerge: /lib/x86_64-linux-gnu/x is recorded as /usr/lib/… or the other way round.
    text = str(path.resolve())
    other = text.removeprefix("/usr") if text.startswith("/usr/") else "/usr" + text
    done = subprocess.run(["dpkg", "-S", other], capture_output=True, text=True)
    if done.returncode == 0:
        return done.stdout.split(":")[0].split(",")[0].strip()
    raise SystemExit(f"No Debian package holds {path}, which the program needs.")


def depends(folder: Path) -> list[str]:
    """Debian packages for the libraries the program links to and does not carry."""
    files = elf_files(folder)
    carried = {path.name for path in folder.rglob("*.so*")}
    wanted: set[str] = set()
    for path in files:
        wanted |= needed(path)
    missing = sorted(soname for soname in wanted if soname not in carried)
    packages: set[str] = set()
    for soname in missing:
        location = system_library(soname)
        if location is None:
            raise SystemExit(f"{soname} is needed by the program and not on this machine.")
        packages.add(owner(location))
    glibc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True, text=True, check=True
    ).stdout
    glibc_upstream = glibc.split("-")[0]
    return [f"{p} (>= {glibc_upstream})" if p == "libc6" else p for p in sorted(packages)]


def control(version: str, installed_kib: int, needs: list[str]) -> str:
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        f"Depends: {', '.join(needs)}\n"
        f"Installed-Size: {installed_kib}\n"
        "Maintainer: Evidence Dossier developers <evidence-dossier@invalid>\n"
        "Description: offline, encrypted evidence dossiers for human-rights lawyers\n"
        " Evidence Dossier keeps documents, quotes and dated events about a persecuted\n"
        " person in an encrypted vault on this computer (SQLCipher, Argon2id) and exports\n"
        " court-ready dossiers to PDF and DOCX: a request to the Commission for the\n"
        " Control of INTERPOL's Files, or an asylum bundle. Reads scanned evidence in\n"
        " Russian, Kyrgyz, Kazakh and English (Tesseract, carried inside). Never uses\n"
        " the network. The window is evidence-dossier, the command line dossier.\n"
    )


def copyright_file() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Evidence Dossier\n"
        "Comment: The program carries Qt, SQLCipher, Tesseract, fonts and Python packages,\n"
        " each under its own licence: their versions, licences and licence texts are in\n"
        f" {INSTALLED}/THIRD-PARTY-NOTICES.txt (also shown by Help > About and by\n"
        " `dossier about --licences`).\n"
        "\n"
        "Files: *\n"
        "Copyright: Evidence Dossier developers\n"
        "License: Apache-2.0\n"
        " On Debian systems, the full text of the Apache License 2.0 is in\n"
        " /usr/share/common-licenses/Apache-2.0.\n"
    )


def stage(folder: Path, version: str, root: Path) -> None:
    shutil.copytree(folder, root / INSTALLED.relative_to("/"), symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("evidence-dossier", "dossier"):
        (bin_dir / program).symlink_to(INSTALLED / program)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{NAME}.desktop", share / "applications")
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / f"{NAME}.svg", icons)
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file())
    debian = root / "DEBIAN"
    debian.mkdir()
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    (debian / "control").write_text(control(version, size // 1024, depends(folder)))
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        os.utime(path, (EPOCH, EPOCH), follow_symlinks=False)


def main(folder: Path, version: str, out: Path) -> Path:
    work = ROOT / "build" / "deb"
    shutil.rmtree(work, ignore_errors=True)
    root = work / f"{NAME}_{version}_amd64"
    stage(folder, version, root)
    target = out / f"{NAME}_{version}_amd64.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "--build", str(root), str(target)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return target


if __name__ == "__main__":
    made = main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
    print(made)
