#!/bin/bash
# A/B: the spate-bench jar at the base commit ("before") and with this branch ("after"), alternating.
# usage: ab.sh QUERIES TAG ORDER...   (ORDER: before after after before ...)
# The first run (all queries, "full") had "timeout 1500", which ended it during q16; the rest ran with 3000.
Q=$1; TAG=$2; shift 2
for jar in "$@"; do
  J=/tmp/sqlbench/spate-bench-$jar.jar
  echo "=== $jar $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  timeout 3000 java -cp $J io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events 2m --engines spate,spate-sql --runs 1 --work-dir /tmp/sqlbench/work-$TAG-$jar-$RANDOM 2>&1 | grep -v '^$'
  echo "=== end $jar $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
done
