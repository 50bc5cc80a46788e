import re, os, sys, glob, datetime
root = sys.argv[1]; log = sys.argv[2]
cls_exec = {}
cur = None
for line in open(log, errors='replace'):
    m = re.search(r'maven-surefire-plugin:[\d.]+:test \(([\w-]+)\) @ ([\w-]+)', line)
    if m: cur = (m.group(2), m.group(1)); continue
    m = re.search(r'Tests run: .* -- in ([\w.$]+)', line)
    if m and cur: cls_exec[m.group(1)] = cur
rows = {}
for f in glob.glob(root + '/*/target/surefire-reports/TEST-*.xml'):
    head = open(f, errors='replace').read(3000)
    m = re.search(r'<testsuite [^>]*>', head)
    if not m: continue
    h = m.group(0)
    name = re.search(r' name="([^"]+)"', h).group(1)
    t = float(re.search(r' time="([\d.,]+)"', h).group(1).replace(',', ''))
    end = os.path.getmtime(f)
    mod = f.split('/')[-4]
    ex = cls_exec.get(name, (mod, '?'))[1]
    rows.setdefault((mod, ex), []).append((t, end - t, end, name))
def ts(x): return datetime.datetime.utcfromtimestamp(x).strftime('%H:%M:%S')
order = sorted(rows, key=lambda k: min(r[1] for r in rows[k]))
topn = int(sys.argv[3]) if len(sys.argv) > 3 else 6
for k in order:
    r = rows[k]; s = min(x[1] for x in r); e = max(x[2] for x in r)
    print(f"{k[0]:24s} {k[1]:22s} n={len(r):3d} sum={sum(x[0] for x in r):6.0f}s wall={e-s:5.0f}s {ts(s)}-{ts(e)}")
    for x in sorted(r, reverse=True)[:topn]:
        print(f"      {x[0]:6.1f}s {ts(x[1])}-{ts(x[2])} {x[3]}")
