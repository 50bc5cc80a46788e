#!/usr/bin/env bash
# A/B of one spate-dist fault-injection class: A = main's sources (/tmp/suite3-a), B = branch suite3's (/tmp/suite3-b),
# alternating B A B A; each run's wall time, load and the class's time go to $OUT.
set -uo pipefail
class=$1; OUT=$2
for dir in /tmp/suite3-a /tmp/suite3-b; do (cd $dir && mvn -o -B -q -pl spate-dist -Pfault-injection test-compile > /tmp/suite3/ab-compile-$(basename $dir).log 2>&1); done
for run in b1 a1 b2 a2; do
  dir=/tmp/suite3-${run:0:1}
  rm -rf $dir/spate-dist/target/surefire-reports
  load0=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%s)
  (cd $dir && mvn -o -B -pl spate-dist -Pfault-injection surefire:test@fault-injection-tests -Dsurefire.failIfNoSpecifiedTests=false -Dtest=$class > /tmp/suite3/ab-$run.log 2>&1)
  status=$?; t1=$(date +%s)
  echo "$run $(date -u +%H:%M:%S) exit $status wall $((t1 - t0)) s load before $load0 after $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT
  python3 /work/wt-suite3/spate-bench/results/2026-11-28b/suite3-reports.py $dir/spate-dist/target/surefire-reports >> $OUT
done
