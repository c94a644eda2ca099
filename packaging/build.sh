#!/usr/bin/env bash
# Builds the Linux package: the program folder (the window `evidence-dossier` and the command
# `dossier`) made by PyInstaller, installed by a .deb as /opt/evidence-dossier with both on PATH
# and a menu entry. Prints its size, SHA-256 and what dominates it. Run by `make package`.
# Windows and macOS: the same spec, built by .github/workflows/package.yml.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3.11}
venv="$root/.venv-package"
tessdata=${DOSSIER_BUILD_TESSDATA:-/usr/share/tesseract-ocr/5/tessdata}
# Fixed times, hash seed and archive order make two builds of one commit alike.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1767225600)}
export PYTHONHASHSEED=0
started=$(date +%s)

# A new lock means a new environment: nothing left over from the last one goes in the package.
lock_sum=$(sha256sum "$here/requirements-lock.txt" | cut -d' ' -f1)
if [[ "$(cat "$venv/.lock-sha256" 2>/dev/null)" != "$lock_sum" ]]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
# Everything from the lock, hashes checked; then the app itself, without touching its pins.
"$venv/bin/pip" install --quiet --require-virtualenv --require-hashes -r "$here/requirements-lock.txt"
"$venv/bin/pip" install --quiet --require-virtualenv --no-deps --no-build-isolation "$root"
echo "$lock_sum" > "$venv/.lock-sha256"
"$venv/bin/pyside6-lrelease" -silent "$root/resources/translations/dossier_ru.ts" \
  -qm "$root/resources/translations/dossier_ru.qm"

cd "$root"
rm -rf "$root/dist/evidence-dossier"
DOSSIER_BUILD_TESSDATA="$tessdata" "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" "$here/evidence-dossier.spec"

folder="$root/dist/evidence-dossier"
# The notices beside the program, as Help > About shows them, and its own licence.
(cd /tmp && "$folder/dossier" about --licences) > "$folder/THIRD-PARTY-NOTICES.txt"
cp "$root/LICENSE" "$folder/LICENSE"

version=$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('evidence-dossier'))")
artefact=$("$venv/bin/python" "$here/make_deb.py" "$folder" "$version" "$root/dist")
echo "Built $artefact in $(( $(date +%s) - started )) s"
echo "Size: $(du -h "$artefact" | cut -f1) (.deb, xz), $(du -sh "$folder" | cut -f1) installed"
echo "SHA-256: $(sha256sum "$artefact" | cut -d' ' -f1)"
echo "Largest parts:"
du -sh "$folder/_internal/"* | sort -h | tail -8
