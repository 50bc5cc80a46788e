# Lists, from a HotSpot heap dump (HPROF, 8-byte ids), every object whose class matches a pattern and the objects that start
# within 128 bytes of it. Usage: python3 issue27-hprof-neighbours.py dump.hprof [class-name-regex]
import struct,sys,re,mmap
from array import array
f=open(sys.argv[1],'rb'); mm=mmap.mmap(f.fileno(),0,access=mmap.ACCESS_READ)
pat=re.compile(sys.argv[2]) if len(sys.argv)>2 else re.compile(r'SimpleCounter|InsertOnlyFold|WatermarkingReaderOutput|BoundedOutOfOrderness|NexmarkSourceReader|ChainingOutput|FoldingSink|SourceOperator|SinkWriterOperator')
p=mm.find(b'\0')+1
idsz=struct.unpack_from('>I',mm,p)[0]; p+=12
assert idsz==8
utf={}; cls_name={}  # class obj id -> name
addrs=array('Q'); kinds=array('Q'); sizes=array('I')
inst_size={}
TS={2:8,4:1,5:2,6:4,7:8,8:1,9:2,10:4,11:8}
n=len(mm)
ARR=1<<62
while p<n:
    tag=mm[p]; ln=struct.unpack_from('>I',mm,p+5)[0]; body=p+9; end=body+ln
    if tag==1:
        i=struct.unpack_from('>Q',mm,body)[0]; utf[i]=mm[body+8:end].decode('utf-8','replace')
    elif tag==2:
        _,cid,_,nid=struct.unpack_from('>IQIQ',mm,body); cls_name[cid]=utf.get(nid,'?')
    elif tag in (0x0c,0x1c):
        q=body
        while q<end:
            st=mm[q]; q+=1
            if st==0xff or st==5 or st==7: q+=8
            elif st==1: q+=16
            elif st==2 or st==3 or st==8: q+=16
            elif st==4 or st==6: q+=12
            elif st==0x20:
                cid=struct.unpack_from('>Q',mm,q)[0]; q+=8+4+8*6
                isz=struct.unpack_from('>I',mm,q)[0]; q+=4; inst_size[cid]=isz
                cp=struct.unpack_from('>H',mm,q)[0]; q+=2
                for _ in range(cp):
                    t=mm[q+2]; q+=3+TS[t]
                sc=struct.unpack_from('>H',mm,q)[0]; q+=2
                for _ in range(sc):
                    t=mm[q+8]; q+=9+TS[t]
                fc=struct.unpack_from('>H',mm,q)[0]; q+=2+fc*9
                addrs.append(cid); kinds.append(cid|ARR>>1); sizes.append(0)
            elif st==0x21:
                oid,_,cid,nb=struct.unpack_from('>QIQI',mm,q); q+=24+nb
                addrs.append(oid); kinds.append(cid); sizes.append(nb)
            elif st==0x22:
                oid,_,cnt,cid=struct.unpack_from('>QIIQ',mm,q); q+=24+cnt*8
                addrs.append(oid); kinds.append(cid|ARR); sizes.append(cnt*4)
            elif st==0x23:
                oid,_,cnt,t=struct.unpack_from('>QIIB',mm,q); q+=17+cnt*TS[t]
                addrs.append(oid); kinds.append(t|ARR); sizes.append(cnt*TS[t])
            else:
                raise SystemExit(f'unknown subtag {st:#x} at {q}')
    p=end
def name(k):
    if k & ARR and not (k & (ARR>>1)) and k>>62==1:
        base=k&~ARR
        return (cls_name.get(base,'?')+'[]') if base>64 else {4:'boolean[]',5:'char[]',6:'float[]',7:'double[]',8:'byte[]',9:'short[]',10:'int[]',11:'long[]'}[base]
    if k & (ARR>>1): return 'class '+cls_name.get(k&~(ARR>>1),'?')
    return cls_name.get(k,'?')
order=sorted(range(len(addrs)),key=addrs.__getitem__)
pos={}
print('objects',len(addrs),file=sys.stderr)
for rank,i in enumerate(order):
    nm=name(kinds[i])
    if pat.search(nm):
        a=addrs[i]
        lo=rank
        while lo>0 and addrs[order[lo-1]]>=a-128: lo-=1
        hi=rank
        while hi+1<len(order) and addrs[order[hi+1]]<=a+128: hi+=1
        print(f'{a:#x} {nm}')
        for r in range(lo,hi+1):
            j=order[r]
            if j!=i: print(f'      {addrs[j]-a:+5d} {name(kinds[j])}')
