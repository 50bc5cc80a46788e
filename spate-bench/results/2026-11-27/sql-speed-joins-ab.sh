#!/bin/bash
# A/B: alternating runs of two spate-bench jars: ab.sh QUERIES TAG PAIRS JAR_A JAR_B
Q=$1; TAG=$2; PAIRS=$3; A=$4; B=$5
for p in $(seq 1 $PAIRS); do
  for jar in $A $B; do
    name=$(basename $jar .jar)
    echo "=== pair $p $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    nice -n 10 timeout 1200 java -cp /tmp/h48/$jar.jar io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events 2m --engines spate,spate-sql --runs 1 --work-dir /tmp/h48/work-$TAG-$p-$name 2>&1 | grep -E "run 1|FAILED"
  done
done
echo "=== done $(date -u +%H:%M:%S)"
