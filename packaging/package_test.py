"""Tries the built Linux package as a user's machine would run it (`make package-test`).

Installs dist/evidence-dossier_*_amd64.deb with apt (as root; else unpacks it into a scratch
folder) and runs what it installed with a clean environment (`env -i`, an empty HOME, PATH
only /usr/bin:/bin, no .venv, no checkout) and no network (`unshare -n`, when allowed): the
window on a virtual screen (time to the first window, cold and warm, against the checkout's own
`evidence-dossier` in the same run; a screenshot that must not be blank), then the packaged
`dossier` creates a vault, imports a PDF and a scan, reads the scan, exports a bundle that
`qpdf --check` accepts, and names every bundled part's licence; then the window exports the
same case (driven through the accessibility bus by drive_window.py) and shows its About in
Russian. Nothing may be written inside the program's folder. Removes the package it installed.
Prints figures; exits non-zero on any failure.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Evidence Dossier"
PASSPHRASE = "a packaged test passphrase"  # noqa: S105 (a throwaway vault)


def artefact() -> Path:
    found = sorted((ROOT / "dist").glob("evidence-dossier_*_amd64.deb"))
    if not found:
        raise SystemExit("No package: run `make package` first.")
    return found[-1]


def install(deb: Path, scratch: Path) -> tuple[Path, bool]:
    """Where the program is, and whether apt installed it (its commands then are on PATH)."""
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "evidence-dossier"], capture_output=True, text=True
    ).stdout
    if os.geteuid() == 0 and shutil.which("apt-get") and installed != "install ok installed":
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb)],
                       check=True, env=env, stdout=subprocess.DEVNULL)  # fmt: skip
        print("Installed with apt-get (its Depends were satisfied).")
        return Path("/opt/evidence-dossier"), True
    subprocess.run(["dpkg-deb", "-x", str(deb), str(scratch / "root")], check=True)
    print("Unpacked with dpkg-deb -x (not root, or a copy is installed already).")
    return scratch / "root" / "opt" / "evidence-dossier", False


def check_installed_files(deb: Path) -> None:
    listed = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    for wanted in ("./usr/bin/dossier -> /opt/evidence-dossier/dossier",
                   "./usr/bin/evidence-dossier -> /opt/evidence-dossier/evidence-dossier",
                   "./usr/share/applications/evidence-dossier.desktop",
                   "./usr/share/icons/hicolor/scalable/apps/evidence-dossier.svg",
                   "./opt/evidence-dossier/THIRD-PARTY-NOTICES.txt"):  # fmt: skip
        if wanted not in listed:
            raise SystemExit(f"The package lacks {wanted}.")
    if " root/root " not in listed or "/home/" in listed:
        raise SystemExit("The package's files are not owned by root, or name a build folder.")


def no_network() -> list[str]:
    """`unshare -n` when this user may make a network namespace (root, here)."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return ["unshare", "-n"] if probe.returncode == 0 else []


def clean_env(home: Path, display: str | None = None) -> list[str]:
    env = ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
    if display:
        env.append(f"DISPLAY={display}")
    return env


def drop_file_cache() -> bool:
    """A cold start reads the program from disk: empty the page cache, where allowed (root)."""
    subprocess.run(["sync"], check=False)
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime)
        for path in folder.rglob("*")
        if path.is_file()
    }


def time_to_window(
    command: list[str], display: str, shot: str, env: dict[str, str] | None = None
) -> float:
    """Seconds from start until a top-level window titled Evidence Dossier… is on the screen."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while time.perf_counter() - start < 60:
            tree = subprocess.run(
                ["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True
            ).stdout
            if f'"{TITLE}' in tree:
                return time.perf_counter() - start
            if process.poll() is not None:
                raise SystemExit(f"The program stopped: {process.stderr.read().decode()[-800:]}")
            time.sleep(0.02)
        raise SystemExit("No window within 60 s.")
    finally:
        time.sleep(0.5)
        screenshot(display, shot)
        process.terminate()
        process.wait(timeout=10)


def screenshot(display: str, name: str) -> None:
    from PIL import ImageGrab

    image = ImageGrab.grab(xdisplay=display)
    image.save(ROOT / "dist" / name)
    colours = image.getcolors(maxcolors=100_000) or []
    if len(colours) < 10:
        raise SystemExit("The screen is blank: the window did not draw.")


def main() -> int:
    packed = artefact()
    print(f"Package: {packed.name}, {packed.stat().st_size / 1e6:.1f} MB, SHA-256 "
          f"{hashlib.sha256(packed.read_bytes()).hexdigest()}")  # fmt: skip
    isolate = no_network()
    print("Network: " + ("none (unshare -n)" if isolate else "not isolated (unshare refused)"))
    check_installed_files(packed)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        program, by_apt = install(packed, scratch)
        try:
            test_installed(program, by_apt, scratch, isolate)
        finally:
            if by_apt:
                subprocess.run(["apt-get", "remove", "-y", "-q", "evidence-dossier"],
                               check=True, stdout=subprocess.DEVNULL)  # fmt: skip
                left = [
                    p for p in ("/opt/evidence-dossier", "/usr/bin/dossier") if Path(p).exists()
                ]
                if left:
                    raise SystemExit(f"apt-get remove left {left}.")
                print("Removed with apt-get: nothing left in /opt or /usr/bin.")
    return 0


def test_installed(program: Path, by_apt: bool, scratch: Path, isolate: list[str]) -> None:
    def command(name: str) -> str:
        """Installed: by name, found on PATH=/usr/bin:/bin. Unpacked: in its folder."""
        return name if by_apt else str(program / name)

    before = snapshot(program)
    home = scratch / "home"
    home.mkdir()

    display = ":77"
    screen = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
    time.sleep(1.0)
    try:
        first_window(command("evidence-dossier"), home, display, scratch, isolate)
        use_the_command(program, command("dossier"), home, scratch, isolate)
        remember_on_this_device(command("dossier"), home)
        export_from_the_window(command("evidence-dossier"), home, display)
    finally:
        screen.terminate()
    if snapshot(program) != before:
        raise SystemExit("Something was written inside the program's folder.")
    print("Nothing was written inside the program's folder.")


def first_window(window: str, home: Path, display: str, scratch: Path, isolate: list[str]) -> None:
    launch = [*isolate, *clean_env(home, display), window]
    cold_cache = drop_file_cache()
    cold = time_to_window(launch, display, "package-test-window.png")
    warm = time_to_window(launch, display, "package-test-window-warm.png")
    checkout = ROOT / ".venv" / "bin" / "evidence-dossier"
    reference = None
    if checkout.exists():
        env = dict(os.environ, DISPLAY=display, HOME=str(scratch / "home-checkout"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's `make run` would
        (scratch / "home-checkout").mkdir()
        time_to_window([str(checkout)], display, "checkout-window.png", env)
        reference = time_to_window([str(checkout)], display, "checkout-window.png", env)
    from_checkout = f"{reference:.2f} s warm from the checkout (make run)" if reference else ""
    cold_said = "cold, file cache dropped" if cold_cache else "first run (cache not dropped)"
    print(f"First window: {cold:.2f} s {cold_said}, {warm:.2f} s warm (packaged); {from_checkout}")


def use_the_command(
    program: Path, dossier_command: str, home: Path, scratch: Path, isolate: list[str]
) -> None:
    dossier = [*isolate, *clean_env(home), f"DOSSIER_PASSPHRASE={PASSPHRASE}",
               dossier_command, "--vault", str(home / "vault")]  # fmt: skip
    evidence = scratch / "ruling.pdf"
    _a_pdf(evidence)
    scan = scratch / "protocol-scan.pdf"
    sys.path.insert(0, str(ROOT))
    from tests.scans import TEXTS, misread, page_image, scanned_pdf_with_hidden_text

    # Under the scan, a copier's reading of it in the wrong language: the packaged program must
    # tell it from words (jusText's lists travel with it) and read the page itself.
    kyrgyz = TEXTS["kir"]
    scan.write_bytes(scanned_pdf_with_hidden_text(page_image(kyrgyz), misread(kyrgyz)))
    bundle = home / "bundle.pdf"
    for step in (
        ["init"],
        ["person", "add", "Rinat Tukhvatshin", "--native", "Ринат Тухватшин"],
        ["import", str(evidence), "--person", "P1"],
        ["case", "add", "P1", "--kind", "general"],
        ["exhibit", "add", "C1", "D1"],
        ["import", str(scan), "--person", "P1"],
        ["ocr", "D2"],  # Tesseract and its language data travel with the package
        ["exhibit", "add", "C1", "D2"],
        ["export", "C1", "--out", str(bundle), "--draft"],
    ):
        done = subprocess.run([*dossier, *step], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"dossier {step[0]} failed: {done.stderr[-800:]}")
    check = subprocess.run([shutil.which("qpdf") or "qpdf", "--check", str(bundle)],
                           capture_output=True, text=True)  # fmt: skip
    if check.returncode != 0:
        raise SystemExit(f"qpdf refused the bundle: {check.stdout[-400:]}")
    words = subprocess.run(["pdftotext", str(bundle), "-"], capture_output=True, text=True)
    if "көңүл" not in words.stdout or misread("Бишкек") in words.stdout:
        raise SystemExit("The scan's Kyrgyz words are not in the exported bundle (or the "
                         "copier's misreading still is).")  # fmt: skip
    size = bundle.stat().st_size
    print(f"Packaged dossier: vault, import, OCR of a Kyrgyz scan, export ({size} bytes; the "
          "scan's words in it), qpdf --check: no errors")  # fmt: skip
    # A batch is read by worker processes the packaged program starts from itself.
    batch = scratch / "batch"
    batch.mkdir()
    for index in range(10):
        _a_pdf(batch / f"ruling-{index}.pdf", f"Ruling number {index} of the district court.")
    # One file of every other kind: each reader is loaded by its name when its first file
    # comes, and must travel with the package.
    _one_of_each_other_kind(batch)
    done = subprocess.run([*dossier, "import", str(batch), "--person", "P1"],
                          capture_output=True, text=True)  # fmt: skip
    listed = subprocess.run([*dossier, "--json", "document", "list"], capture_output=True,
                            text=True)  # fmt: skip
    if done.returncode != 0 or listed.stdout.count('"ref": "D') != 18:
        raise SystemExit(f"A batch of 16 files was not imported: {done.stdout[-800:]} "
                         f"{done.stderr[-800:]}")  # fmt: skip
    print("Packaged dossier: a batch of 10 PDFs and a Word, text, web page, e-mail, JPEG and "
          "PNG file read by worker processes and imported")  # fmt: skip
    # Signing and PDF/A travel too (pyHanko, its font shaping, the ICC profile).
    signed = home / "signed.pdf"
    for step in (
        ["certificate", "--create", "Jane Advocate"],
        # The scan alone: the generated ruling.pdf draws in Helvetica, which PDF/A refuses.
        ["case", "add", "P1", "--kind", "general"],
        ["exhibit", "add", "C2", "D2"],
        ["export", "C2", "--out", str(signed), "--draft", "--pdfa", "--attach-originals",
         "--sign-with-vault-certificate"],
        ["verify-bundle", str(signed)],
    ):  # fmt: skip
        done = subprocess.run([*dossier, *step], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"dossier {step[0]} failed: {done.stdout[-600:]} {done.stderr[-600:]}")
    print("Packaged dossier: certificate made, PDF/A export signed, verify-bundle: intact")
    about = subprocess.run([*dossier, "about"], capture_output=True, text=True).stdout
    for part in ("Qt ", "LGPL-3.0-only", "SQLCipher", "Tesseract", "DejaVu fonts", "pikepdf"):
        if part not in about:
            raise SystemExit(f"`dossier about` does not name {part.strip()}:\n{about}")
    notices = (program / "THIRD-PARTY-NOTICES.txt").read_text()
    if "GNU LESSER GENERAL PUBLIC LICENSE" not in notices or "ZETETIC" not in notices:
        raise SystemExit("THIRD-PARTY-NOTICES.txt lacks Qt's or SQLCipher's licence.")
    named = len(about.splitlines()) - 2
    size_kb = len(notices) // 1024
    print(f"dossier about: {named} parts named; THIRD-PARTY-NOTICES.txt {size_kb} KB of licences")


def remember_on_this_device(dossier_command: str, home: Path) -> None:
    """Remember on this device, through the packaged keyring library: a vault made with it
    opens with no passphrase given, from the desktop's Secret Service (a gnome-keyring of this
    test's own, on its own session bus; no network namespace, as for the window below). With
    no terminal (a session of its own), a failure cannot wait at a passphrase prompt."""
    keys = home / "keyring"
    keys.mkdir()
    vault = home / "remembered-vault"

    def dossier(*given: str) -> str:
        """The command in a clean environment that keeps only the session bus's address."""
        rest = shlex.join([*clean_env(home)[2:], *given, dossier_command, "--vault", str(vault)])
        return f'env -i "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS" {rest}'

    session = (
        f"printf 'a keyring password' | XDG_DATA_HOME={keys} XDG_RUNTIME_DIR={keys} "
        "gnome-keyring-daemon --foreground --replace --unlock --components=secrets "
        ">/dev/null 2>&1 & keys=$!\n"
        "sleep 2\n"
        f"{dossier(f'DOSSIER_PASSPHRASE={PASSPHRASE}')} init --remember || exit 1\n"
        f"{dossier()} person list < /dev/null; done=$?\n"
        "kill $keys\n"
        "exit $done\n"
    )
    run = subprocess.run(["dbus-run-session", "--", "sh", "-c", session],
                         capture_output=True, text=True, start_new_session=True)  # fmt: skip
    if run.returncode != 0 or "remembered on this device" not in run.stdout:
        raise SystemExit(f"Remember on this device failed: {run.stdout[-400:]} {run.stderr[-400:]}")
    print("Remember on this device: the vault opened from the Secret Service, no passphrase given")


def export_from_the_window(window: str, home: Path, display: str) -> None:
    """The window's export renders in a child process: the packaged program started again.

    Driven through the accessibility bus (packaging/drive_window.py, Debian's python3 with
    pyatspi) on its own session bus. Not in a network namespace: the buses' sockets would not
    be reachable from it (the window's start and every command above were).
    """
    out = home / "from-the-window.pdf"
    app = shlex.join([*clean_env(home, display), "QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1",
                      f"DOSSIER_VAULT={home / 'vault'}"])  # fmt: skip
    driver = shlex.join(["/usr/bin/python3", str(ROOT / "packaging" / "drive_window.py"),
                         PASSPHRASE, str(out)])  # fmt: skip
    picture = ROOT / "dist" / "package-test-about-ru.png"  # the Russian About, to look at
    grab = f"import sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay={display!r})"
    shot = shlex.join([sys.executable, "-c", grab + ".save(sys.argv[1])", str(picture)])
    session = (
        "/usr/libexec/at-spi-bus-launcher --launch-immediately & bus=$!\n"
        "sleep 1\n"
        f'{app} "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS" {shlex.quote(window)} '
        "2>/dev/null & app=$!\n"
        f"DISPLAY={display} {driver}; done=$?\n"
        f"{shot}\n"
        "kill $app; wait $app; kill $bus\n"
        "exit $done\n"
    )
    started = time.perf_counter()
    run = subprocess.run(["dbus-run-session", "--", "sh", "-c", session],
                         capture_output=True, text=True)  # fmt: skip
    print("\n".join(line for line in run.stdout.splitlines() if line.startswith("Window:")))
    if run.returncode != 0:
        raise SystemExit(f"The window's export failed: {run.stdout[-600:]} {run.stderr[-600:]}")
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    if check.returncode != 0 or "көңүл" not in words:
        raise SystemExit("The bundle the window exported is damaged or lacks the scan's words.")
    took = time.perf_counter() - started
    print(f"Window's export (a child process of the packaged program): qpdf --check: no "
          f"errors, the scan's words in it; {took:.1f} s from start to file")  # fmt: skip


def _one_of_each_other_kind(folder: Path) -> None:
    import docx
    from PIL import Image

    words = "Первомайский районный суд города Бишкек: решение по делу Kloop."
    document = docx.Document()
    document.add_paragraph(words)
    document.save(str(folder / "statement.docx"))
    (folder / "note.txt").write_text(words, encoding="utf-8")
    (folder / "article.html").write_text(
        f"<html><head><title>Kloop</title></head><body><article><p>{words}</p>"
        f"<p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "letter.eml").write_text(
        f"From: a@example.org\nTo: b@example.org\nSubject: Kloop\n"
        "Date: Mon, 2 Sep 2024 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{words}\n",
        encoding="utf-8",
    )
    Image.new("RGB", (64, 48), "white").save(folder / "photo.jpg", quality=90)
    Image.new("RGB", (64, 48), "white").save(folder / "photo.png")


def _a_pdf(
    path: Path, line: str = "Oktyabrsky District Court of Bishkek: ruling of 30 October 2025."
) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, line)
    canvas.save()


if __name__ == "__main__":
    sys.exit(main())
