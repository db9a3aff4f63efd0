#!/usr/bin/env bash
# How fast treatysim refuses hostile input: whole-process times (hyperfine) of the
# release binary on a file over each limit, and on the largest files within them.
#
#   benches/hostile.sh            # prints a Markdown table (docs/testing.md)
#
# Needs hyperfine (Debian: apt-get install hyperfine). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/treatysim"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, os
d = sys.argv[1]
def w(name, text, mode="w"):
    with open(os.path.join(d, name), mode) as f:
        f.write(text)
one = "title: x\nevents:\n  - {on: 2027-01-01, do: give_notice}\n"
w("file-size.yaml", one + "#" + "x" * (5 * 1024 * 1024) + "\n")
w("events.yaml", "title: x\nevents:\n" + "  - {on: 2027-01-01, do: announce}\n" * 100_000)
w("depth.yaml", "title: x\nevents: " + "[" * 100_000 + "]" * 100_000 + "\n")
laughs = "title: x\nevents:\n  - &a0 {on: 2027-01-01, do: announce}\n"
for i in range(1, 10):
    laughs += "  - &a%d {<<: [%s]}\n" % (i, ", ".join(["*a%d" % (i - 1)] * 10))
w("aliases.yaml", laughs)
w("text.yaml", one.replace("title: x", "title: " + "x" * 4_000_000))
w("long-value.yaml", one.replace("give_notice", "x" * 4_000_000))
w("not-utf8.yaml", b"title: caf\xe9\n" + b"#" * (4_000_000) + b"\n", "wb")
w("within-limits.yaml", "title: x\nevents:\n" + "  - {on: 2027-01-01, do: announce}\n" * 10_000)
PY

echo "| input | refused by | median | exit |"
echo "|---|---|---|---|"
for name in file-size events depth aliases text long-value not-utf8 within-limits; do
    file="$work/$name.yaml"
    size=$(stat -c %s "$file")
    status=0
    "$bin" run "$file" >/dev/null 2>"$work/err" || status=$?
    reason=$(head -n 1 "$work/err" | sed -e "s|$work/||" -e 's/|/\\|/g' | cut -c1-90)
    [ -z "$reason" ] && reason="(accepted and run)"
    hyperfine -N --warmup 2 --runs 10 -i --export-json "$work/t.json" "$bin run $file" >/dev/null 2>&1
    median=$(python3 -c "import json;print('%.0f ms' % (json.load(open('$work/t.json'))['results'][0]['median']*1000))")
    echo "| $name.yaml ($(numfmt --to=iec-i --suffix=B "$size")) | $reason | $median | $status |"
done
