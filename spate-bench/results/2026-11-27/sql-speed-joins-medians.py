import re,sys,statistics as st,collections
data=collections.defaultdict(lambda: collections.defaultdict(list))  # (jar,query,engine) -> list of (eps,cpu)
for f in sys.argv[1:]:
    jar=None
    for line in open(f):
        m=re.match(r'=== pair (\d+) (\S+)',line)
        if m: jar=m.group(2).replace('spate-bench-',''); pair=f+m.group(1); continue
        m=re.match(r'(q\d+)\s+(spate-sql|spate)\s+run 1: ([\d,]+) events/s, ([\d.]+) CPU',line)
        if m and jar:
            data[(jar,m.group(1))][m.group(2)].append((pair,int(m.group(3).replace(',','')),float(m.group(4))))
qs=sorted({q for (_,q) in data}, key=lambda q:int(q[1:]))
print('| query | runs | SQL CPU s/M before | SQL CPU s/M after | DataStream CPU s/M before | DataStream CPU s/M after | SQL/DataStream CPU before | SQL/DataStream CPU after | SQL/DataStream events/s before | SQL/DataStream events/s after |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for q in qs:
    row=[q]
    vals={}
    for jar in ['before','after2']:
        d=data[(jar,q)]
        sql={p:(e,c) for p,e,c in d['spate-sql']}; ds={p:(e,c) for p,e,c in d['spate']}
        pairs=[p for p in sql if p in ds]
        vals[jar]=dict(n=len(pairs),sqlc=st.median([sql[p][1] for p in pairs]),dsc=st.median([ds[p][1] for p in pairs]),
            cr=st.median([sql[p][1]/ds[p][1] for p in pairs]),tr=st.median([sql[p][0]/ds[p][0] for p in pairs]))
    b,a=vals['before'],vals['after2']
    print(f"| {q} | {b['n']}+{a['n']} | {b['sqlc']:.2f} | {a['sqlc']:.2f} | {b['dsc']:.2f} | {a['dsc']:.2f} | {b['cr']:.2f} | {a['cr']:.2f} | {b['tr']:.2f} | {a['tr']:.2f} |")
