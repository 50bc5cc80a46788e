#!/bin/bash
# A/B of the sqlscan branch against main: alternating runs of the spate-bench jar built at main
# ("main") and at the branch ("scan"), spate-sql only, one run each, with load and time.
# usage: sqlscan-ab.sh QUERIES EVENTS ORDER...   (ORDER: main scan scan main ...)
Q=$1; EV=$2; shift 2
for jar in "$@"; do
  J=/tmp/sqlscan/spate-bench-$jar.jar
  echo "=== $jar $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  timeout 1200 java -cp $J io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events $EV --engines spate-sql \
    --runs 1 --work-dir /tmp/sqlscan-bench/$jar-$RANDOM --jvm-opts "-Xmx2g -XX:+UseTransparentHugePages" 2>&1 \
    | grep -E "run 1|FAILED"
done
