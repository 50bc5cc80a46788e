#!/bin/bash
# usage: ab2.sh OUT ROUNDS VARIANT... ; VARIANT = name|classpath-prefix|jvm-props
# Each variant runs the bench harness from the baseline jar with its classes first on the class path
# (the child JVMs inherit the harness's class path); Flink's runner is the same in all.
out=$1; rounds=$2; shift 2
for r in $(seq $rounds); do
  for v in "$@"; do
    name="${v%%|*}"; rest="${v#*|}"; cp="${rest%%|*}"; props="${rest#*|}"
    echo "== round $r variant $name start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
    java -cp "${cp}/tmp/kr/base/target/spate-bench.jar" io.spate.bench.kafka.KafkaBenchmark --records ${RECORDS:-2m} --runs ${RUNS:-5} \
      --workloads discard --engines ${ENGINES:-spate,flink} --work-dir /tmp/kr/ab-work \
      --jvm-opts "-Xmx4g -XX:+UseTransparentHugePages $props" 2>&1 | grep -E "run [0-9]+|Filled|FAILED" >> $out
  done
done
echo "== done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
