#!/usr/bin/env bash
# Runs every Spate benchmark the way docs/benchmarks.md reports them (about 9 minutes on 2 cores,
# plus the build), writing the outputs to ${1:-/tmp/spate-bench-results}. Run it on an otherwise
# idle machine: the harness reports the CPU other processes used during each run and repeats
# disturbed runs, but JMH does not.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/spate-bench-results}"
mkdir -p "$out"
mvn -q install -DskipTests -pl spate-test-utils,spate-api,spate-runtime
mvn -q package -pl spate-bench
git rev-parse HEAD > "$out/commit.txt"
git status --short -- spate-api/src/main spate-runtime/src/main >> "$out/commit.txt"
cp spate-bench/target/spate-bench.jar spate-bench/target/benchmarks.jar "$out/"
cd "$out"

# 1. The throughput harness: each workload and parallelism in a fresh JVM (10 s of warm-up jobs,
#    3 measured jobs), then everything in one JVM, then with a single warm-up job.
java -Xmx4g -jar spate-bench.jar > harness.txt 2> harness.err
java -Xmx4g -jar spate-bench.jar --no-fork > harness-one-jvm.txt 2> harness-one-jvm.err
java -Xmx4g -jar spate-bench.jar --warmup-seconds 0 > harness-short-warmup.txt 2> harness-short-warmup.err
cat harness.txt

# 2. JMH: whole jobs (records/s; B/record from -prof gc), then the micro-benchmarks and the
#    plain-Java baseline.
java -jar benchmarks.jar PipelineBenchmark -prof gc -rf json -rff jmh-pipeline.json > jmh-pipeline.txt 2>&1
java -jar benchmarks.jar 'PlainJavaBaseline|KeyGroupBenchmark|RecordWriterBenchmark|ChannelHandoverBenchmark|KeyedReduceOperatorBenchmark' \
  -prof gc -rf json -rff jmh-micro.json > jmh-micro.txt 2>&1
grep -E '^[A-Za-z]+\.[A-Za-z]+ ' jmh-pipeline.txt jmh-micro.txt | grep -v 'gc\.\(count\|time\|alloc\.rate \)'

# 3. Profiles (JFR, recording only after the warm-up): the keyed pipeline at p2 and map-filter at p1.
java -Xmx4g -XX:StartFlightRecording=delay=12s,filename=keyby-reduce-p2.jfr,settings=profile \
  -jar spate-bench.jar --no-fork --workload keyby-reduce --parallelism 2 --records 200M \
  --warmup-records 20M --runs 1 2>&1 | grep 'run 1'
java -cp spate-bench.jar io.spate.bench.JfrTop keyby-reduce-p2.jfr 20 > keyby-reduce-p2-profile.txt
java -Xmx4g -XX:StartFlightRecording=delay=12s,filename=map-filter-p1.jfr,settings=profile \
  -jar spate-bench.jar --no-fork --workload map-filter --parallelism 1 --records 500M \
  --warmup-records 50M --runs 1 2>&1 | grep 'run 1'
java -cp spate-bench.jar io.spate.bench.JfrTop map-filter-p1.jfr 12 > map-filter-p1-profile.txt
echo "results in $out"
