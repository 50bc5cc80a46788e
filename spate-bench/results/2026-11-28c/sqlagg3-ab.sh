#!/usr/bin/env bash
# A/B: main's build against sqlagg3's, alternating, two pairs.
for pair in 1 2; do
  for b in main new; do
    echo "== pair $pair build $b $(date -u +%H:%M:%S) $(uptime | sed 's/.*load/load/')"
    timeout 900 java -cp /tmp/sqlagg3-$b/spate-bench.jar io.spate.bench.nexmark.run.NexmarkBenchmark \
      --queries q3,q5,q12,q15,q17 --events 10m --engines spate,spate-sql --runs 1 \
      --work-dir /tmp/sqlagg3-bench > /tmp/sqlagg3-ab/$b-$pair.txt 2>&1
    grep -E "run 1|equal|FAIL" /tmp/sqlagg3-ab/$b-$pair.txt
  done
done
