#!/usr/bin/env bash
# Alternating A/B of main's spate-bench jar and this branch's on Nexmark SQL queries (spate-sql only).
#   sqljoinrank-ab.sh BEFORE_JAR AFTER_JAR PAIRS OUT_PREFIX QUERIES [EVENTS]
# Each pair runs BEFORE then AFTER (java -cp JAR NexmarkBenchmark, what `./spate bench nexmark` runs),
# one run per query per side; the load average goes into each output.
set -euo pipefail
before_jar=$1 after_jar=$2 pairs=$3 out=$4 queries=$5 events=${6:-10m}
for pair in $(seq 1 "$pairs"); do
  for side in before after; do
    jar=$before_jar; [[ $side == after ]] && jar=$after_jar
    {
      echo "# $side, pair $pair, $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg), jar $jar"
      java -Xmx512m -cp "$jar" io.spate.bench.nexmark.run.NexmarkBenchmark --queries "$queries" --events "$events" \
        --engines spate-sql --runs 1 --jvm-opts "-Xmx4g -XX:+UseTransparentHugePages" \
        --work-dir "/tmp/sqljoinrank-bench/work-$side" 2>&1
      echo "# end $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    } > "$out-$side-$pair.txt"
  done
done
