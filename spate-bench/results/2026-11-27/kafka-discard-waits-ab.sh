#!/bin/bash
# usage: ab2.sh OUT ROUNDS "cpprefix|props" ...
out=$1; rounds=$2; shift 2
for r in $(seq $rounds); do
  for v in "$@"; do
    cp="${v%%|*}"; props="${v#*|}"
    echo "== round $r variant [$v] start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
    KD_PROPS="$props" java -cp /tmp/kd/ovr:${cp}/tmp/kd/spate-bench-base.jar io.spate.bench.kafka.KafkaBenchmark --records 2m --runs ${RUNS:-2} --workloads discard --engines ${ENGINES:-spate} --work-dir /tmp/kd-ab 2>/dev/null | grep -E "run [0-9]:" >> $out
  done
done
echo "== done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
