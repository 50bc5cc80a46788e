#!/usr/bin/env bash
# Alternating A/B of two spate-bench jars on the Nexmark SQL queries (spate-sql engine only).
#   sqlperf-ab.sh BEFORE_JAR WORKTREE PAIRS OUT_PREFIX [QUERIES]
# For each pair: the BEFORE_JAR run (java -cp BEFORE_JAR NexmarkBenchmark, what `./spate bench` runs),
# then `./spate bench nexmark` from WORKTREE (its spate-bench/target/spate-bench.jar), each with the
# same arguments; the load average before each run goes into the output.
set -euo pipefail
before_jar=$1
worktree=$2
pairs=$3
out=$4
queries=${5:-q5,q15,q17,q20}
args=(--queries "$queries" --events 2m --engines spate-sql --runs 3)
for pair in $(seq 1 "$pairs"); do
  for side in before after; do
    file="$out-$side-$pair.txt"
    {
      echo "# $side, pair $pair, $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
      if [[ $side == before ]]; then
        echo "# java -cp $before_jar io.spate.bench.nexmark.run.NexmarkBenchmark ${args[*]}"
        java -cp "$before_jar" io.spate.bench.nexmark.run.NexmarkBenchmark "${args[@]}" --work-dir "/tmp/sqlperf/work-$side-$pair"
      else
        echo "# (cd $worktree && ./spate bench nexmark ${args[*]})"
        (cd "$worktree" && ./spate bench nexmark "${args[@]}" --work-dir "/tmp/sqlperf/work-$side-$pair")
      fi
      echo "# end $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    } > "$file" 2>&1
  done
done
