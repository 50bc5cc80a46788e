#!/usr/bin/env bash
# A/B: main's build (e123819c) against sqlscan's, alternating. Usage: ab.sh QUERIES TAG PAIRS
Q=$1; TAG=$2; PAIRS=${3:-2}
for pair in $(seq 1 $PAIRS); do
  for b in main ${NEW:-new1}; do
    echo "== $TAG pair $pair build $b $(date -u +%H:%M:%S) $(uptime | sed 's/.*load/load/')"
    timeout 900 java -Xmx512m -cp /tmp/sqlscan-$b.jar io.spate.bench.nexmark.run.NexmarkBenchmark \
      --queries $Q --events 10m --engines spate,spate-sql --runs 1 \
      --work-dir /tmp/sqlscan-bench > /tmp/sqlscan-ab/$TAG-$b-$pair.txt 2>&1
    grep -E "run 1|equal|FAIL" /tmp/sqlscan-ab/$TAG-$b-$pair.txt
  done
done
