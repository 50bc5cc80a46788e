#!/usr/bin/env python3
"""Medians of the per-run CPU s/M events and events/s of sqlperf-ab.sh outputs, per query and side."""
import re
import statistics
import sys

runs = {}
for path in sys.argv[1:]:
    side = 'before' if '-before-' in path else 'after'
    for line in open(path):
        m = re.match(r'(q\d+)\s+spate-sql run \d+: ([\d,]+) events/s, ([\d.]+) CPU s/M events', line)
        if m:
            runs.setdefault((m.group(1), side), []).append((float(m.group(3)), int(m.group(2).replace(',', ''))))
print('| query | runs | CPU s/M before (median) | CPU s/M after (median) | events/s before | events/s after |')
print('|---|---:|---:|---:|---:|---:|')
for q in sorted({k[0] for k in runs}, key=lambda q: int(q[1:])):
    b = runs.get((q, 'before'), [])
    a = runs.get((q, 'after'), [])
    med = lambda xs, i: statistics.median(x[i] for x in xs) if xs else float('nan')
    print(f'| {q} | {len(b)}+{len(a)} | {med(b, 0):.2f} | {med(a, 0):.2f} | {med(b, 1) / 1000:.0f} K | {med(a, 1) / 1000:.0f} K |')
