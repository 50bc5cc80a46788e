#!/bin/bash
# profile.sh JAR-TAG QUERY EVENTS ENGINE: one run with a JFR recording of the child JVM
JAR=/tmp/sqlbench/spate-bench-$1.jar; Q=$2; EV=$3; ENG=${4:-spate-sql}
D=/tmp/sqlbench/jfr/$1-$Q-$ENG; rm -rf $D; mkdir -p $D
echo "=== profile $1 $Q $EV $ENG $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp $JAR io.spate.bench.nexmark.run.NexmarkBenchmark --queries $Q --events $EV --engines $ENG --runs 1 \
  --work-dir $D/work --jvm-opts "-Xmx4g -XX:+UseTransparentHugePages -XX:FlightRecorderOptions:stackdepth=128 -XX:StartFlightRecording=filename=$D/,settings=profile" 2>&1 | grep -E "run 1|results|equal|FAILED"
ls $D/*.jfr
