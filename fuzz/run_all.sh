#!/usr/bin/env bash
# Fuzzes every target in fuzz/Cargo.toml for SECONDS each, one after the
# other, without cargo-fuzz: builds the targets with a nightly toolchain and
# the coverage instrumentation cargo-fuzz uses (no sanitizer: a panic is the
# failure looked for), then runs each libFuzzer binary on a scratch copy of
# its seeds. Prints one line per target; exit status 1 if any crashed (the
# crashing input is left in fuzz/artifacts/<target>/).
#
#   bash fuzz/run_all.sh [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
jobs=${2:-1}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
triple=x86_64-unknown-linux-gnu
cargo +nightly build --release -j"$jobs" --bins --target "$triple"
targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^brief-fuzz$')
failed=0
for t in $targets; do
  scratch=$(mktemp -d)
  mkdir -p "artifacts/$t"
  log="artifacts/$t/fuzz.log"
  if "target/$triple/release/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
      -artifact_prefix="artifacts/$t/" "$scratch" "corpus/$t" > "$log" 2>&1; then
    outcome="0 crashes"
  else
    outcome="CRASH (see $log)"; failed=1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  printf '%-16s %4ss  %-20s %-10s %s\n' "$t" "$seconds" "${runs:-?}" "${cov:-}" "$outcome"
  rm -rf "$scratch"
done
exit "$failed"
