#!/usr/bin/env bash
# The worst /v1/summarize requests inside `brief serve`'s default limits, for
# every algorithm (bench/hardening/make_requests.py: many tiny sentences, one
# huge document, 100 documents filling the 8 MiB body). Each request goes to a
# fresh release server with the default settings; the table gives its answer,
# its time, the server's peak resident memory (VmHWM) and how long the server
# took to exit after SIGTERM. Then all requests at once (concurrency 8) to one
# server, and its peak.
#
#   bash bench/hardening/worst_requests.sh [DATA_DIR]
#
# DATA_DIR (default ../shared/data) must hold multinews-dev.jsonl. Exit status
# 1 if a peak reaches 1 GB or an answer takes longer than the time limit + 1 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data}
work=target/hardening
mkdir -p "$work"
cargo build --release -q -j1 -p brief-cli
bin=target/release/brief
algorithms="lead centroid lexrank textrank mmr submodular ilp"
# shellcheck disable=SC2086
python3 bench/hardening/make_requests.py "$data/multinews-dev.jsonl" "$work" $algorithms

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
stop_server() { # SIGTERM, then prints the seconds until the process is gone
  # (polled: this runs in a subshell, where `wait` cannot see the server)
  local t0; t0=$(date +%s.%N)
  kill -TERM "$server_pid"
  while kill -0 "$server_pid" 2>/dev/null && [ -z "$(zombie)" ]; do sleep 0.02; done
  echo "$(date +%s.%N) - $t0" | bc
}
zombie() { awk '/^State:/ && $2 == "Z" { print "yes" }' "/proc/$server_pid/status" 2>/dev/null; }
post() { # file → "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'content-type: application/json' \
    --data-binary "@$1" "http://127.0.0.1:$port/v1/summarize"
}

limit_s=11 # request time limit (10 s) + 1 s
failed=0
printf '%-8s %-11s %6s %9s %12s %11s\n' request algorithm status answer_s peak_rss_MB exit_after_s
for kind in tiny huge hundred; do
  for a in $algorithms; do
    start_server
    read -r status seconds < <(post "$work/$kind-$a.json")
    peak=$(peak_mb)
    exit_s=$(stop_server)
    printf '%-8s %-11s %6s %9.2f %12s %11.2f\n' "$kind" "$a" "$status" "$seconds" "$peak" "$exit_s"
    if [ "$peak" -ge 1000 ] || [ "$(echo "$seconds > $limit_s" | bc)" = 1 ]; then failed=1; fi
  done
done

start_server
t0=$(date +%s.%N)
# shellcheck disable=SC2012
ls "$work"/*-*.json | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -H 'content-type: application/json' --data-binary @{} "http://127.0.0.1:$port/v1/summarize" \
  | sort | uniq -c | tr '\n' ' ' > "$work/concurrent.txt"
wall=$(echo "$(date +%s.%N) - $t0" | bc)
peak=$(peak_mb)
exit_s=$(stop_server)
printf 'all 21 at concurrency 8: answers %s in %.1f s; peak RSS %s MB; exit after SIGTERM %.2f s\n' \
  "$(cat "$work/concurrent.txt")" "$wall" "$peak" "$exit_s"
[ "$peak" -ge 1000 ] && failed=1
if [ "$failed" = 0 ]; then echo "all within bounds"; exit 0; fi
echo "OUT OF BOUNDS"; exit 1
