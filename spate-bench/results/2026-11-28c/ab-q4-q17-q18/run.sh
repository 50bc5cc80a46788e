#!/bin/bash
# Alternating A/B of q4, q17, q18 at 10m events: the build before this session (049ae5c3) against main after the merges.
for pair in 1 2; do
  for build in old new; do
    if [ $build = old ]; then jar=/work/wt-old/spate-bench/target/spate-bench.jar; else jar=/work/main/spate-bench/target/spate-bench.jar; fi
    java -Xmx512m -cp $jar io.spate.bench.nexmark.run.NexmarkBenchmark --queries q4,q17,q18 --events 10m \
      --engines spate,spate-sql --runs 1 --work-dir /tmp/ab/work-$build-$pair > /tmp/ab/$build-$pair.txt 2>&1
    echo "$build $pair rc=$? $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
