#!/usr/bin/env bash
# Installs the Debian packages listed in debian-packages.txt that are missing.
# Usage: install-debian-deps.sh run|test   ("test" installs the run packages too).
set -euo pipefail
want=${1:-run}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

missing=()
while read -r scope pkg; do
  [[ -z "$scope" || "$scope" == \#* ]] && continue
  [[ "$want" == run && "$scope" != run ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$here/debian-packages.txt"

# A Debian python3 without ensurepip cannot make the virtual environment.
if ! "$python" -c "import ensurepip" >/dev/null 2>&1; then
  missing+=("python3-venv")
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian system: install the equivalents of: $(grep -v '^#' "$here/debian-packages.txt" | awk '{print $2}' | tr '\n' ' ')" >&2
  exit 0
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "Missing Debian packages; please run as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
