import re,sys,subprocess,collections
OPS=[('join (AppendOnlyJoinFunction, its key selectors and state)',['AppendOnlyJoinFunction','KeyProjection','FieldKey','KeyGroupPartitioner','TwoInputHead']),('group aggregates',['GroupAgg','MiniBatch','GroupAggregation']),('source, scan and calcs',['NexmarkGenerator','NexmarkSourceReader','EventToRow','GeneratedCalc','RowtimeWatermarks','TimestampsAndWatermarks'])]
for f in sys.argv[1:]:
    out=subprocess.run(['jfr','print','--events','jdk.ExecutionSample','--stack-depth','14',f],capture_output=True,text=True).stdout
    w=0;c=collections.Counter()
    for e in out.split('jdk.ExecutionSample')[1:]:
        if 'worker' not in e: continue
        w+=1
        fr=[x for x in re.findall(r'^\s+([\w$.<>]+)\(',e,re.M)]
        for name,keys in OPS:
            if any(any(k in x for k in keys) for x in fr): c[name]+=1; break
    print(f.split('/')[-1],'worker samples',w,'; '.join(f'{n} {100*c[n]/w:.1f}%' for n,_ in OPS))
