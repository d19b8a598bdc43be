#!/usr/bin/env bash
# Load and body flood against a fresh release `brief serve` with the default
# settings, each on its own server: the load example (2,000 requests of
# examples/tillerson-moscow at concurrency 64, lexrank) and the flood example
# (600 connections at once, each posting an 8,000,000-byte body). Prints the
# examples' throughput and p50/p99 and the server's peak resident memory
# (VmHWM) after each.
#
#   bash bench/hardening/load_and_flood.sh [REQUESTS] [CONCURRENCY] [CONNECTIONS] [BYTES]
#
# Exit status 1 if the server's peak reaches 1 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-2000}
concurrency=${2:-64}
connections=${3:-600}
bytes=${4:-8000000}
work=target/hardening
mkdir -p "$work"
cargo build --release -q -j1 -p brief-cli -p brief-server --examples --bins
bin=target/release/brief

server_pid=""
# A server left by a failed step is stopped too.
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi' EXIT
start_server() { # starts brief serve on a free port; sets server_pid and port
  rm -f "$work/server.log" # not to read the port of the server before
  "$bin" serve --port 0 > /dev/null 2> "$work/server.log" &
  server_pid=$!
  for _ in $(seq 200); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" 2>/dev/null || true)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "server did not start" >&2; exit 1
}
peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }
stop_server() { kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

failed=0
start_server
echo "== load: $requests requests at concurrency $concurrency"
target/release/examples/load --url "http://127.0.0.1:$port" --requests "$requests" \
  --concurrency "$concurrency" --cluster examples/tillerson-moscow
peak=$(peak_mb); stop_server
echo "server peak RSS ${peak} MB"
[ "$peak" -ge 1000 ] && failed=1

start_server
echo "== flood: $connections connections x $bytes bytes"
target/release/examples/flood --url "http://127.0.0.1:$port" --connections "$connections" --bytes "$bytes"
peak=$(peak_mb); stop_server
echo "server peak RSS ${peak} MB"
[ "$peak" -ge 1000 ] && failed=1
if [ "$failed" = 0 ]; then echo "within bounds"; exit 0; fi
echo "OUT OF BOUNDS"; exit 1
