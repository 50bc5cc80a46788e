#!/usr/bin/env bash
# Runs one module's tests the way the README's command does (-Pfault-injection), with upstream modules
# from ~/.m2, and writes the wall time, the load before and after, and each test class's time (from the
# module's surefire reports, longest first) to OUT_DIR/suite2-<label>.txt.
# Usage: suite2-module-run.sh MODULE LABEL [extra mvn arguments]
set -uo pipefail
module=$1 label=$2; shift 2
out_dir=${OUT_DIR:-$(dirname "$0")}
log=/tmp/suite2-logs/$label.log
report=$out_dir/suite2-$label.txt
rm -rf "$module/target/surefire-reports"
{
  echo "# $label: mvn -o -B -pl $module verify -Pfault-injection $*"
  echo "commit $(git rev-parse --short=8 HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
  echo "start $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$report"
start=$(date +%s)
mvn -o -B -pl "$module" verify -Pfault-injection "$@" > "$log" 2>&1
status=$?
end=$(date +%s)
{
  echo "end   $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "exit status $status, wall $((end - start)) s"
  grep -E "Tests run:.*Fail" "$log" | tail -n 1
  grep -E "FAIL|ERROR\]" "$log" | grep -v "^\[ERROR\] *$" | head -n 20
  echo
  echo "seconds class (from TEST-*.xml)"
  for f in "$module"/target/surefire-reports/TEST-*.xml; do
    t=$(grep -o '<testsuite [^>]*>' "$f" | grep -o ' time="[0-9.,]*"' | tr -dc '0-9.')
    n=$(basename "$f" .xml)
    echo "$t ${n#TEST-}"
  done | sort -rn
  echo
  awk '{ s += $1; n++ } END { printf "sum of class times %.0f s over %d classes\n", s, n }' \
    <(for f in "$module"/target/surefire-reports/TEST-*.xml; do grep -o '<testsuite [^>]*>' "$f" | grep -o ' time="[0-9.,]*"' | tr -dc '0-9.'; echo; done)
} >> "$report"
exit $status
