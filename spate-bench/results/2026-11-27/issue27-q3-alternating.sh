#!/bin/bash
# (As run for block 2. Block 1 ran the same with order=(old main mainD mainDI), reversed on even rounds, into runs.txt and w-$v-$r.)
# Alternating q3 runs: old (e595c09 + harness files of 602db02), main, main with the network write out of line (D), and D with InlineSmallCode=6000 (DI).
out=/tmp/q3/runs2.txt
rounds=${1:-8}
base="-Xmx4g -Xmn1g -XX:+UseTransparentHugePages"
D="-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,io.spate.runtime.network.RecordWriter::emit"
declare -A dir=( [old]=/work/old [main]=/work/main [mainD]=/work/main [mainDI]=/work/main )
declare -A extra=( [old]="" [main]="" [mainD]="$D" [mainDI]="$D -XX:InlineSmallCode=6000" )
for r in $(seq $rounds); do
  if (( r % 2 )); then order=(old main); else order=(main old); fi
  for v in "${order[@]}"; do
    w=/tmp/q3/b2-$v-$r
    load=$(cut -d' ' -f1 /proc/loadavg)
    (cd ${dir[$v]} && ./spate bench nexmark --queries q3 --events 50m --parallelism 2 --state hashmap --checkpoint-interval 0 \
      --engines spate --runs 1 --work-dir $w --output $w.md --jvm-opts "$base ${extra[$v]}" > $w.log 2>&1)
    json=$(ls $w/*q3-spate-1*.json 2>/dev/null | head -1)
    echo "$v $r load1 $load json $json" >> $out
  done
done
echo done >> $out
