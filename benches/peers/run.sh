#!/usr/bin/env bash
# Runs the reference scenario (benches/reference.yaml: 21 events, 6 uncertain inputs)
# four ways on this machine, side by side, and prints trials per second and the ratios:
#   treatysim simulate (the library, benches/simulate.rs), 1 and 2 threads;
#   a hand-written Rust loop specialized to the scenario (benches/peers/handwritten.rs);
#   Python's `transitions` (benches/peers/transitions_peer.py);
#   XState 5 on Node (benches/peers/xstate/peer.mjs).
# Python and Node run as one process (one core) and as two processes splitting the
# trials (both cores). Each figure is the median of RUNS runs (default 3).
# Packages go into local folders (benches/peers/.venv, benches/peers/xstate/node_modules),
# never globally. Usage: benches/peers/run.sh   (env: TRIALS, PY_TRIALS, JS_TRIALS, RUNS)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=benches/peers
TRIALS=${TRIALS:-2000000}
PY_TRIALS=${PY_TRIALS:-20000}
JS_TRIALS=${JS_TRIALS:-50000}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
OUT=target/peers
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

echo "== installing the peers' packages locally" >&2
if [ ! -x "$PEERS/.venv/bin/python" ]; then
    python3 -m venv "$PEERS/.venv"
fi
"$PEERS/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$PEERS/requirements.txt"
(cd "$PEERS/xstate" && npm ci --no-audit --no-fund --silent)
cargo build --release --benches --quiet

echo "== treatysim ($TRIALS trials, median of $RUNS runs)" >&2
cargo bench --quiet --bench simulate -- --trials "$TRIALS" --seed "$SEED" --runs "$RUNS" --json >> "$RESULTS"

echo "== hand-written Rust ($TRIALS trials)" >&2
for threads in 1 2; do
    for _ in $(seq "$RUNS"); do
        cargo bench --quiet --bench peer_handwritten -- --trials "$TRIALS" --seed "$SEED" --threads "$threads"
    done | python3 "$PEERS/median.py" --threads "$threads" >> "$RESULTS"
done

# Runs a single-threaded peer on one process and on two, RUNS times each.
parallel_peer() {
    local trials=$1; shift
    for procs in 1 2; do
        for _ in $(seq "$RUNS"); do
            start=$(date +%s.%N)
            pids=()
            for part in $(seq 0 $((procs - 1))); do
                "$@" --trials "$trials" --seed "$SEED" --part "$part" --parts "$procs" > "$OUT/part$part.json" &
                pids+=($!)
            done
            for pid in "${pids[@]}"; do wait "$pid"; done
            end=$(date +%s.%N)
            python3 "$PEERS/median.py" --merge --threads "$procs" --start "$start" --end "$end" "$OUT"/part*.json
            rm -f "$OUT"/part*.json
        done | python3 "$PEERS/median.py" --threads "$procs" >> "$RESULTS"
    done
}
echo "== Python transitions ($PY_TRIALS trials)" >&2
parallel_peer "$PY_TRIALS" "$PEERS/.venv/bin/python" "$PEERS/transitions_peer.py"
echo "== XState 5 ($JS_TRIALS trials)" >&2
parallel_peer "$JS_TRIALS" node "$PEERS/xstate/peer.mjs"

python3 "$PEERS/median.py" --table "$RESULTS"
