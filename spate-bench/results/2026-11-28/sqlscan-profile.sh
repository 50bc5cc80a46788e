#!/bin/bash
# One spate-sql run of QUERY with a JFR recording of the child JVM, then the worker threads'
# inclusive and self shares (JfrInclusive.java of sql-harness, in this folder).
# usage: sqlscan-profile.sh JAR-TAG QUERY EVENTS
J=/tmp/sqlscan/spate-bench-$1.jar; Q=$2; EV=$3
D=/tmp/sqlscan/jfr/$1-$Q; rm -rf $D; mkdir -p $D
echo "=== profile $1 $Q $EV $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp $J io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events $EV --engines spate-sql --runs 1 \
  --work-dir /tmp/sqlscan-bench/prof-$1-$Q --jvm-opts "-Xmx2g -XX:+UseTransparentHugePages -XX:FlightRecorderOptions:stackdepth=128 -XX:StartFlightRecording=filename=$D/,settings=profile" 2>&1 | grep -E "run 1|FAILED"
java "$(dirname $0)/sql-harness-JfrInclusive.java" $D/*.jfr 45
