#!/usr/bin/env bash
# Builds the Linux program folder (the window `evidence-dossier` and the command `dossier`)
# and packs it as a .tar.gz; prints its size and SHA-256. Run by `make package`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3.11}
venv="$root/.venv-package"
tessdata=${DOSSIER_BUILD_TESSDATA:-/usr/share/tesseract-ocr/5/tessdata}

[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --require-virtualenv -r "$here/build-requirements.txt" "$root"
"$venv/bin/pyside6-lrelease" -silent "$root/resources/translations/dossier_ru.ts" \
  -qm "$root/resources/translations/dossier_ru.qm"

cd "$root"
DOSSIER_BUILD_TESSDATA="$tessdata" "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" "$here/evidence-dossier.spec"

version=$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('evidence-dossier'))")
artefact="$root/dist/evidence-dossier-$version-linux-x86_64.tar.gz"
# Reproducible packing: fixed order, owner and time (the files' own times vary per build).
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
  -C "$root/dist" -cf - evidence-dossier | gzip -n -9 > "$artefact"
echo "Built $artefact"
echo "Size: $(du -h "$artefact" | cut -f1) packed, $(du -sh "$root/dist/evidence-dossier" | cut -f1) unpacked"
echo "SHA-256: $(sha256sum "$artefact" | cut -d' ' -f1)"
echo "Largest parts:"
du -sh "$root/dist/evidence-dossier/_internal/"* | sort -h | tail -6
