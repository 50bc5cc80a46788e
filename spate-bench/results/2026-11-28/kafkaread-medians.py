import re, sys, statistics
# medians of records/s and CPU s/M per (variant, engine) from ab.sh output
cur = None; data = {}
for line in open(sys.argv[1]):
    m = re.match(r"== round \d+ variant (\S+)", line)
    if m: cur = m.group(1); continue
    m = re.search(r"discard\s+(\w+)\s+run \d+: ([\d,]+) records/s .*?, ([\d.]+) CPU s/M", line)
    if m and cur:
        data.setdefault((cur, m.group(1)), []).append((int(m.group(2).replace(',', '')), float(m.group(3))))
for (v, e), xs in sorted(data.items()):
    print(f"{v:5} {e:6} n={len(xs):2} median {statistics.median(x[0] for x in xs)/1000:7.1f} K records/s, "
          f"median {statistics.median(x[1] for x in xs):.2f} CPU s/M; all: {', '.join(str(round(x[0]/1000)) for x in xs)}")
for v in sorted({k[0] for k in data}):
    if (v, 'spate') in data and (v, 'flink') in data:
        s = statistics.median(x[0] for x in data[(v, 'spate')]); f = statistics.median(x[0] for x in data[(v, 'flink')])
        print(f"{v}: spate/flink = {s/f:.2f}")
