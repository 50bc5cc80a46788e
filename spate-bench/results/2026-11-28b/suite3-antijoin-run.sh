#!/usr/bin/env bash
# Runs the anti join's recovery case (both state backends) of SqlJoinsRanksAndDistinctRecoveryE2ETest alone,
# in one JVM, and prints the load before and after and each case's time.
# Usage (from the repository root): suite3-antijoin-run.sh LABEL
set -uo pipefail
label=$1
log=/tmp/suite3/antijoin-$label.log
echo "# $label: mvn -o -B -pl spate-sql -Pfault-injection -Dspate.test.forks=1 test -Dtest='SqlJoinsRanksAndDistinctRecoveryE2ETest#anAntiJoin*'"
echo "commit $(git rev-parse --short=8 HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
echo "start $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf spate-sql/target/surefire-reports
start=$(date +%s)
mvn -o -B -pl spate-sql -Pfault-injection -Dspate.test.forks=1 test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='SqlJoinsRanksAndDistinctRecoveryE2ETest#anAntiJoin*' > "$log" 2>&1
status=$?
end=$(date +%s)
echo "end   $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "exit status $status, wall $((end - start)) s"
python3 "$(dirname "$0")/suite3-reports.py" spate-sql/target/surefire-reports
