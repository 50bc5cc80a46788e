#!/usr/bin/env bash
# Runs spate-dist's fault-injection execution (the classes tagged fault-injection, two forks, as the
# README's command runs them), optionally limited to -Dtest classes, and writes the wall time, the load
# before and after, each class's and each case's time, and which fork JVM ran which class.
# Usage (from the repository root): suite3-dist-run.sh LABEL [extra mvn arguments, e.g. -Dtest=ProcessClusterTest]
set -uo pipefail
label=$1; shift
out_dir=${OUT_DIR:-$(dirname "$0")}
log=/tmp/suite3/$label.log
report=$out_dir/suite3-$label.txt
reports=spate-dist/target/surefire-reports
mkdir -p /tmp/suite3
rm -rf "$reports"
mvn -o -B -q -pl spate-dist -Pfault-injection test-compile > "$log" 2>&1 || { echo "compile failed, see $log"; exit 1; }
{
  echo "# $label: mvn -o -B -pl spate-dist -Pfault-injection surefire:test@fault-injection-tests $*"
  echo "commit $(git rev-parse --short=8 HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
  echo "start $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$report"
start=$(date +%s)
mvn -o -B -pl spate-dist -Pfault-injection surefire:test@fault-injection-tests -Dsurefire.failIfNoSpecifiedTests=false "$@" >> "$log" 2>&1
status=$?
end=$(date +%s)
{
  echo "end   $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "exit status $status, wall $((end - start)) s"
  grep -E "Tests run:.*Fail" "$log" | tail -n 1
  grep -E "FAIL|ERROR\]" "$log" | grep -v "^\[ERROR\] *$" | head -n 20
  echo
  echo "seconds class / case (from TEST-*.xml), longest class first"
  python3 "$(dirname "$0")/suite3-reports.py" "$reports"
  echo
  echo "order in which the classes started (the two forks take the next class when free):"
  grep -o "Running io[^ ]*" "$log" | sed 's/Running /  /'
} >> "$report"
exit $status
