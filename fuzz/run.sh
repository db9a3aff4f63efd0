#!/usr/bin/env bash
# Fuzzes treatysim with libFuzzer (cargo fuzz) on the stable toolchain.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 60 seconds each for scenario, report and rulebook
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). `--sanitizer none` because the
# sanitizers need a nightly compiler; the code is safe Rust, and what is looked for here
# is panics, hangs (-timeout) and memory growth (-rss_limit_mb), which libFuzzer catches
# without one.
#
# Seeds: the scenarios and acceptance files, the built-in rulebooks, fuzz/seeds/ (hostile
# inputs), and fuzz/regressions/ (every input that ever crashed, committed; the test
# tests/fuzz_regressions.rs runs them all under `cargo test` too). New corpus entries go
# to fuzz/corpus/TARGET (not committed). A crash writes fuzz/artifacts/TARGET/crash-*,
# prints it, and makes this script exit 1: copy the file into fuzz/regressions/TARGET/
# with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(scenario report rulebook); fi

seeds_for() {
    case "$1" in
        scenario | report) echo "scenarios tests/acceptance fuzz/seeds/scenario fuzz/regressions/$1" ;;
        rulebook) echo "src/rulebooks fuzz/seeds/rulebook fuzz/regressions/rulebook" ;;
    esac
}

cargo fuzz build --sanitizer none
mkdir -p fuzz/logs
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    log="fuzz/logs/$target.log"
    echo "== fuzzing $target for ${seconds}s (log: $log)"
    status=0
    # shellcheck disable=SC2046
    cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" $(seeds_for "$target") -- \
        -dict=fuzz/yaml.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E 'INITED|DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "fuzz: $target failed (exit $status); the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
done
echo "fuzz: no crash, hang or runaway memory found"
