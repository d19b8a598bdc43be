#!/usr/bin/env bash
# Checks that two revisions of brief give byte-identical summaries and story
# assignments: every algorithm but ilp on multinews-dev (230 words), the first
# 1,000 multinews-val-truncated clusters (230 words) and DUC 2003 (100 words, cut),
# and `brief cluster` on every dev stream.
#
#   bash bench/identical/check.sh BASE_REV [DATA_DIR]
#   BASE_BIN=/path/to/brief bash bench/identical/check.sh BASE_REV   # base already built
#
# BASE_REV is built in a git worktree under target/identical/; the working tree is
# the other side. DATA_DIR defaults to ../shared/data. Exit status 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
base_rev=${1:?usage: check.sh BASE_REV [DATA_DIR]}
data=${2:-../shared/data}
work=target/identical
mkdir -p "$work"
if [ -n "${BASE_BIN:-}" ]; then
  # A binary of BASE_REV built before (BASE_BIN=path): no second build.
  base_bin=$BASE_BIN
else
  rm -rf "$work/base-src"
  git worktree prune
  git worktree add --detach "$work/base-src" "$base_rev" >/dev/null
  (cd "$work/base-src" && CARGO_TARGET_DIR=../base-target cargo build --release -q -p brief-cli)
  git worktree remove --force "$work/base-src"
  base_bin=$work/base-target/release/brief
fi
cargo build --release -q -p brief-cli
head_bin=target/release/brief

head -n 1000 "$data/multinews-val-truncated.jsonl" > "$work/val1000.jsonl"
python3 examples/spark/build_streams.py multinews "$data/multinews-dev.jsonl" > "$work/mn-dev-stream.jsonl"
python3 examples/spark/build_streams.py duc "$data/duc2003/docs" > "$work/duc-stream.jsonl"

run_both() { # name, then the brief arguments
  local name=$1; shift
  "$base_bin" "$@" > "$work/$name.base" 2>/dev/null || true
  "$head_bin" "$@" > "$work/$name.head" 2>/dev/null || true
  if cmp -s "$work/$name.base" "$work/$name.head"; then
    printf 'same       %-40s %s\n' "$name" "$(wc -c < "$work/$name.head") bytes"
  else
    printf 'DIFFERENT  %s\n' "$name"; failed=1
  fi
}
failed=0
for a in lead centroid lexrank textrank mmr submodular; do
  run_both "dev-$a" summarize -a "$a" --words 230 --format json "$data/multinews-dev.jsonl"
  run_both "val1000-$a" summarize -a "$a" --words 230 --format json "$work/val1000.jsonl"
  run_both "duc2003-$a" summarize -a "$a" --words 100 --cut --format json "$data/duc2003"
done
for s in "$data"/stories/*.jsonl "$work/mn-dev-stream.jsonl" "$work/duc-stream.jsonl"; do
  run_both "cluster-$(basename "$s" .jsonl)" cluster --in "$s"
done
[ "$failed" = 0 ] && echo "all identical" || { echo "differences found"; exit 1; }
