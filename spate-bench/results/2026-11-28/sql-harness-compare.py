#!/usr/bin/env python3
"""Per query: SQL/DataStream throughput and CPU-per-event ratios of a before and an after output."""
import re, sys, statistics
LINE = re.compile(r'^(q\d+)\s+(spate-sql|spate)\s+run \d+: ([\d,]+) events/s, ([\d.]+) CPU s/M events.*?(\d+) rows')
def parse(path):
    runs = {}
    for line in open(path):
        m = LINE.match(line.strip())
        if m:
            q, eng, eps, cpu, rows = m.groups()
            runs.setdefault(q, {})[eng] = (float(eps.replace(',', '')), float(cpu), int(rows))
    return runs
before, after = parse(sys.argv[1]), parse(sys.argv[2])
order = sorted(set(before) | set(after), key=lambda q: int(q[1:]))
print('| query | before: SQL/DataStream events/s | after: SQL/DataStream events/s | before: SQL CPU s/M | after: SQL CPU s/M | before: DataStream CPU s/M | after: DataStream CPU s/M | before: DataStream CPU / SQL CPU | after: DataStream CPU / SQL CPU |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
rb, ra, cb, ca = [], [], [], []
for q in order:
    b, a = before.get(q, {}), after.get(q, {})
    def cell(r, k, i):
        return r[k][i] if k in r else None
    def ratio(r):
        return r['spate-sql'][0] / r['spate'][0] if 'spate-sql' in r and 'spate' in r else None
    def cpuratio(r):
        return r['spate'][1] / r['spate-sql'][1] if 'spate-sql' in r and 'spate' in r else None
    x, y = ratio(b), ratio(a)
    f = lambda v, d=2: '–' if v is None else f'{v:.{d}f}'
    print(f'| {q} | {f(x)} | {f(y)} | {f(cell(b,"spate-sql",1))} | {f(cell(a,"spate-sql",1))} | {f(cell(b,"spate",1))} | {f(cell(a,"spate",1))} | {f(cpuratio(b))} | {f(cpuratio(a))} |')
    if x is not None and y is not None:
        rb.append(x); ra.append(y); cb.append(cpuratio(b)); ca.append(cpuratio(a))
print()
print(f'{len(rb)} queries with both: SQL/DataStream events/s median before {statistics.median(rb):.2f}, after {statistics.median(ra):.2f};'
      f' DataStream CPU/SQL CPU median before {statistics.median(cb):.2f}, after {statistics.median(ca):.2f}')
