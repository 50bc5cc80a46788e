import re,sys,subprocess,collections
CATS={'key hashing and state lookup':['DeepValues.','Row.hashCode','Row.equals','CompositeTypeInfo.keyHash','KeyProjection.getKey','Long.equals','CopyOnWriteStateMap.','StateTable.get','HeapKeyedStateBackend.keyGroupOf','FieldKey.getKey','BasicTypeInfo.keyHash','HashMap.getNode'],
 'join condition and joined row':['emitIfJoined','ExprCompiler','Comparisons.','GeneratedJoinCondition','Row.join','Row.setField','LocalDateTime.compareTo','LocalDate.compareTo','LocalTime.compareTo','ChronoLocalDateTime'],
 'join function (list iteration)':['AppendOnlyJoinFunction.processElement'],
 'generator':['NexmarkGenerator','NexmarkSourceReader']}
for f in sys.argv[1:]:
    out=subprocess.run(['jfr','print','--events','jdk.ExecutionSample','--stack-depth','1',f],capture_output=True,text=True).stdout
    w=0;c=collections.Counter()
    for e in out.split('jdk.ExecutionSample')[1:]:
        if 'worker' not in e: continue
        w+=1
        m=re.search(r'stackTrace = \[\s*\n\s*([\w$.<>]+)\(',e)
        top=m.group(1) if m else ''
        for k,v in CATS.items():
            if any(x in top for x in v): c[k]+=1; break
    print(f.split('/')[-1], 'worker samples',w, '; '.join(f'{k} {100*c[k]/w:.1f}%' for k in CATS))
