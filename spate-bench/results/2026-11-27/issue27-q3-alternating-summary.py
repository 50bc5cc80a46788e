import json,statistics,re,sys
rows={}
for line in open(sys.argv[1] if len(sys.argv)>1 else 'runs.txt'):
    p=line.split()
    if len(p)<5: continue
    v,r,load,js=p[0],p[1],p[3],p[5] if len(p)>5 else None
    if not js: print(line.strip(),'NO JSON'); continue
    d=json.load(open(js))
    evs=d['events']/d['elapsedNanos']*1e9; cpu=d['cpuNanos']/d['events']
    rows.setdefault(v,[]).append((evs,cpu))
    print(f"{v:7s} {r} {evs/1e6:6.2f} M/s cpu {cpu:6.1f} ns/ev load1 {load} result {d['resultCount']} {d['resultChecksum']}")
print()
for v,l in rows.items():
    print(f"{v:7s} n={len(l)} median {statistics.median(x[0] for x in l)/1e6:6.2f} M/s  cpu median {statistics.median(x[1] for x in l):6.1f} ns/ev  best {max(x[0] for x in l)/1e6:.2f}")
