#!/usr/bin/env bash
# Packs dist/Evidence Dossier.app into a .dmg with a link to /Applications (drag to install).
# Run on macOS by .github/workflows/package.yml after PyInstaller; not run on Linux.
set -euo pipefail
version=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
stage="$root/build/dmg"
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$root/dist/Evidence Dossier.app" "$stage/"
ln -s /Applications "$stage/Applications"
cp "$root/build/THIRD-PARTY-NOTICES.txt" "$stage/"
dmg="$root/dist/Evidence-Dossier-$version-macos-arm64.dmg"
hdiutil create -volname "Evidence Dossier" -srcfolder "$stage" -ov -format UDZO "$dmg"
echo "Built $dmg"
echo "SHA-256: $(shasum -a 256 "$dmg" | cut -d' ' -f1)"
