"""Tries the built Linux package as a user's machine would run it (`make package-test`).

Unpacks dist/evidence-dossier-*-linux-x86_64.tar.gz into a scratch folder and runs it with a
clean environment (`env -i`, an empty HOME, no .venv, no checkout on PATH) and no network
(`unshare -n`, when allowed): the window on a virtual screen (time to the first window, cold
and warm, against the checkout's own `evidence-dossier` in the same run; a screenshot that must
not be blank), then the packaged `dossier` creates a vault, imports a PDF, exports a bundle that
`qpdf --check` accepts. Nothing may be written inside the program's folder. Prints figures;
exits non-zero on any failure.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Evidence Dossier"
PASSPHRASE = "a packaged test passphrase"  # noqa: S105 (a throwaway vault)


def artefact() -> Path:
    found = sorted((ROOT / "dist").glob("evidence-dossier-*-linux-x86_64.tar.gz"))
    if not found:
        raise SystemExit("No package: run `make package` first.")
    return found[-1]


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
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        with tarfile.open(packed) as archive:
            archive.extractall(scratch / "opt", filter="data")
        program = scratch / "opt" / "evidence-dossier"
        before = snapshot(program)
        home = scratch / "home"
        home.mkdir()

        display = ":77"
        screen = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        )
        time.sleep(1.0)
        try:
            launch = [*isolate, *clean_env(home, display), str(program / "evidence-dossier")]
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
        finally:
            screen.terminate()
        from_checkout = f"{reference:.2f} s warm from the checkout (make run)" if reference else ""
        cold_said = "cold, file cache dropped" if cold_cache else "first run (cache not dropped)"
        print(
            f"First window: {cold:.2f} s {cold_said}, {warm:.2f} s warm (packaged); {from_checkout}"
        )

        dossier = [*isolate, *clean_env(home), f"DOSSIER_PASSPHRASE={PASSPHRASE}",
                   str(program / "dossier"), "--vault", str(home / "vault")]  # fmt: skip
        evidence = scratch / "ruling.pdf"
        _a_pdf(evidence)
        scan = scratch / "protocol-scan.pdf"
        sys.path.insert(0, str(ROOT))
        from tests.scans import TEXTS, page_image, scanned_pdf

        scan.write_bytes(scanned_pdf([page_image(TEXTS["kir"])]))
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
        if "көңүл" not in words.stdout:
            raise SystemExit("The scan's Kyrgyz words are not in the exported bundle.")
        size = bundle.stat().st_size
        print(f"Packaged dossier: vault, import, OCR of a Kyrgyz scan, export ({size} bytes; the "
              "scan's words in it), qpdf --check: no errors")  # fmt: skip
        if snapshot(program) != before:
            raise SystemExit("Something was written inside the program's folder.")
        print("Nothing was written inside the program's folder.")
    return 0


def _a_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "Oktyabrsky District Court of Bishkek: ruling of 30 October 2025.")
    canvas.save()


if __name__ == "__main__":
    sys.exit(main())
