#!/usr/bin/env python3
"""Prints each test class's time and its cases' times from surefire's TEST-*.xml in a directory, longest class first."""
import glob, re, sys

rows = []
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    text = open(path).read()
    header = re.search(r'<testsuite [^>]*>', text).group(0)
    name = re.search(r' name="([^"]+)"', header).group(1)
    time = float(re.search(r' time="([^"]+)"', header).group(1))
    cases = re.findall(r'<testcase name="([^"]+)" classname="[^"]+" time="([^"]+)"', text)
    rows.append((time, name, cases))
for time, name, cases in sorted(rows, reverse=True):
    print(f"{time:7.1f} {name}")
    for case, t in cases:
        print(f"          {float(t):7.1f} {case}")
print(f"sum of class times {sum(r[0] for r in rows):.0f} s over {len(rows)} classes")
