"""Helper for run.sh: the median of repeated runs, merging parallel parts, and the table.

  median.py --threads T < runs.jsonl            the run with the median time, one line
  median.py --merge --threads P --start S --end E part*.json
                                                 parts run in parallel as one run
  median.py --table results.jsonl                the comparison table
"""

import argparse
import json
import sys

COUNTS = ["withdrawn", "lawful", "breach_a", "breach_c", "enacted",
          "effective_2028_08_01", "party"]
# Column headings for the counts whose keys are long.
HEADINGS = {"effective_2028_08_01": "on 2028-08-01"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int)
    ap.add_argument("--merge", action="store_true")
    ap.add_argument("--start", type=float)
    ap.add_argument("--end", type=float)
    ap.add_argument("--table")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    if a.table:
        table(a.table)
    elif a.merge:
        parts = [json.load(open(f)) for f in a.files]
        merged = dict(parts[0])
        for key in ["trials"] + COUNTS:
            merged[key] = sum(p.get(key, 0) for p in parts)
        merged["seconds"] = a.end - a.start
        merged["threads"] = a.threads
        print(json.dumps(merged))
    else:
        runs = [json.loads(line) for line in sys.stdin if line.strip()]
        runs.sort(key=lambda r: r["seconds"])
        median = dict(runs[len(runs) // 2])
        median["threads"] = a.threads
        median["runs"] = len(runs)
        median["trials_per_second"] = median["trials"] / median["seconds"]
        print(json.dumps(median))


def table(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    for r in rows:
        r["trials_per_second"] = r["trials"] / r["seconds"]
    ours = {r["threads"]: r for r in rows if r["impl"] == "treatysim"}
    print()
    print("Reference scenario: 21 events, 6 uncertain inputs (benches/reference.yaml)")
    print(f"{'implementation':<22} {'cores':>5} {'trials':>10} {'trials/s':>12}  {'treatysim is':>14}")
    for r in rows:
        mine = ours.get(r["threads"])
        ratio = ""
        if mine and r["impl"] != "treatysim":
            x = mine["trials_per_second"] / r["trials_per_second"]
            ratio = f"{x:,.1f}x faster" if x >= 1 else f"{1 / x:,.2f}x slower"
        print(f"{r['impl']:<22} {r['threads']:>5} {r['trials']:>10,} {r['trials_per_second']:>12,.0f}  {ratio:>14}")
    print()
    print("The same scenario, the same rules: shares of trials (they agree within sampling error;")
    print("the hand-written loop draws like treatysim and must match it exactly)")
    print(f"{'implementation':<22} {'cores':>5} " + " ".join(f"{HEADINGS.get(k, k)[:13]:>13}" for k in COUNTS))
    for r in rows:
        shares = " ".join(f"{r.get(k, 0) / r['trials']:>13.4f}" for k in COUNTS)
        print(f"{r['impl']:<22} {r['threads']:>5} {shares}")


if __name__ == "__main__":
    main()
