#!/bin/bash
# A/B: the spate-bench jar at 5e74e846 ("before") and the same jar with this branch's spate-sql classes ("after"), back to back.
cd /tmp/h47A
Q=$1; TAG=$2
for jar in before after; do
  J=/tmp/h47A/spate-bench-$jar.jar; [ $jar = before ] && J=/tmp/h47A/spate-bench-before-5e74e846.jar
  echo "=== $jar $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 15 timeout 900 java -cp $J io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events 2m --engines spate,spate-sql --runs 1 --work-dir /tmp/h47A/work-$TAG-$jar 2>&1 | grep -v '^$'
done
