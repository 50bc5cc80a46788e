#!/usr/bin/env python3
"""Aggregates a JFR recording's execution samples: top frames (self time) and, with --incl, frames
anywhere on the stack (inclusive time), by method. Usage: sqltime-jfr-top.py FILE.jfr [--incl] [N]"""
import subprocess, sys, re, collections

path = sys.argv[1]
inclusive = '--incl' in sys.argv
rest = [a for a in sys.argv[2:] if a != '--incl']
limit = int(rest[0]) if rest else 40
text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', path],
                      capture_output=True, text=True, check=True).stdout
counts = collections.Counter()
total = 0
for event in text.split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w$.<>]+)\(.*\)\s+line:', event, re.M)
    if not frames:
        continue
    total += 1
    if inclusive:
        for f in set(frames):
            counts[f] += 1
    else:
        counts[frames[0]] += 1
print(f'{total} samples ({"inclusive" if inclusive else "self"})')
for name, n in counts.most_common(limit):
    print(f'{100.0 * n / total:6.2f}%  {n:6d}  {name}')
