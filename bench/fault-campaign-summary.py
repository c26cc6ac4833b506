#!/usr/bin/env python3
"""Sums the per-run lines the fault campaign writes (FaultCampaignTests, PRESSPIPE_FAULT_REPORT=… → ….runs)."""
import os
import re
import statistics
import sys
from collections import Counter

LINE = re.compile(r"seed (\d+): \[(.*)\] → (\w+), duplicates (\d+), accepted twice (\d+), lost (\d+), held at end (\d+), "
                  r"staff actions (\d+), crashes (\d+), ([\d.]+) s")

runs, kinds, steps = [], Counter(), Counter()
for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            m = LINE.match(line.strip())
            if not m:
                continue
            seed, faults, final, dup, twice, lost, held, staff, crashes, took = m.groups()
            runs.append((int(seed), final, int(dup), int(twice), int(lost), int(held), int(staff), int(crashes), float(took)))
            for fault in filter(None, (f.strip() for f in faults.split(","))):
                kind = fault.split("@")[0]
                kinds[kind] += 1
                steps[kind if kind.startswith("Crash") else "at the request"] += 1

if not runs:
    sys.exit("no runs found")
seeds = sorted(r[0] for r in runs)
print(f"runs: {len(runs)} (distinct seeds {len(set(seeds))}, {seeds[0]}…{seeds[-1]})")
print(f"duplicates (recipients SendGrid queued twice): {sum(r[2] for r in runs)}")
print(f"recipients in two accepted batches: {sum(r[3] for r in runs)}")
print(f"recipients neither sent nor shown as held: {sum(r[4] for r in runs)}")
print(f"final state: {dict(Counter(r[1] for r in runs))}; held at end: {sum(r[5] for r in runs)}")
print(f"faults injected: {sum(kinds.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
print(f"staff actions: {sum(r[6] for r in runs)}; crashes: {sum(r[7] for r in runs)}")
print(f"run time: median {statistics.median(r[8] for r in runs):.2f} s, max {max(r[8] for r in runs):.1f} s, total {sum(r[8] for r in runs) / 60:.0f} min")
