#!/usr/bin/env bash
# Runs sumy's LexRank and TextRank beside brief's on the same clusters and
# budget, times both, scores both with `brief score`, and prints one table.
#
#   bash bench/sumy/compare.sh ../shared/data/multinews-dev.jsonl 230
#
# Creates bench/.venv (git-ignored) with sumy from PyPI; writes summaries and
# scores under bench/out/sumy (git-ignored).
set -euo pipefail
data=${1:?usage: bash bench/sumy/compare.sh CLUSTERS.jsonl [WORDS]}
words=${2:-230}
data=$(cd "$(dirname "$data")" && pwd)/$(basename "$data")
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "sumy==0.13.0" "numpy"
(cd "$root" && cargo build --quiet --release -p brief-cli)
target=${CARGO_TARGET_DIR:-$root/target}
"$venv/bin/python" "$root/bench/sumy/compare.py" \
    --data "$data" --words "$words" --brief "$target/release/brief" --out "$root/bench/out/sumy"
