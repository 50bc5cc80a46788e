package io.spate.runtime.state.heap;

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One heap state's part of a snapshot: the synchronous part copies the tables of every key group
 * (mutable values through the serializer's copy, immutable ones shared; expired TTL entries left out
 * when the state cleans up in full snapshots), and the asynchronous part serializes the copy.
 */
final class HeapStateSnapshot implements KeyedSnapshotWriter.StateSource {

  private final HeapStateSerializers serializers;
  private final TypeSerializer<Object> keySerializer;
  private final KeyedStateMetaInfo metaInfo;
  private final int firstKeyGroup;
  private final List<Map<Object, Map<Object, Object>>> copy;
  private final DataOutputSerializer prefix = new DataOutputSerializer(64);
  private final DataOutputSerializer key = new DataOutputSerializer(64);
  private final DataOutputSerializer value = new DataOutputSerializer(128);
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);

  @SuppressWarnings({"unchecked", "rawtypes"})
  HeapStateSnapshot(AbstractHeapState<?, ?, ?> state, HeapStateSerializers live, TypeSerializer<Object> keySerializer,
      long now) {
    StateTable table = state.table;
    this.firstKeyGroup = table.range().startKeyGroup();
    long ttlMillis = state instanceof AbstractTtlHeapState<?, ?, ?> ttl ? ttl.ttlMillis : Long.MAX_VALUE;
    boolean dropExpired = live.ttl && live.ttlCleanupInSnapshot;
    this.copy = new ArrayList<>(table.range().size());
    for (int i = 0; i < table.range().size(); i++) {
      Map<Object, Map<Object, Object>> namespaces = table.keyGroupAt(i);
      Map<Object, Map<Object, Object>> namespacesCopy = new HashMap<>();
      for (Map.Entry<Object, Map<Object, Object>> ns : namespaces.entrySet()) {
        HeapStateSerializers.learn(live.namespace, ns.getKey());
        Map<Object, Object> valuesCopy = new HashMap<>();
        for (Map.Entry<Object, Object> entry : ns.getValue().entrySet()) {
          Object copied = copyValue(live, entry.getValue(), dropExpired, now, ttlMillis);
          if (copied != null) {
            valuesCopy.put(entry.getKey(), copied);
          }
        }
        if (!valuesCopy.isEmpty()) {
          namespacesCopy.put(ns.getKey(), valuesCopy);
        }
      }
      copy.add(namespacesCopy);
    }
    this.serializers = live.duplicate();
    this.keySerializer = keySerializer.duplicate();
    this.metaInfo = live.metaInfo();
  }

  private static Object copyOne(TypeSerializer<Object> serializer, Object value) {
    HeapStateSerializers.learn(serializer, value);
    return value == null || serializer.isImmutableType() ? value : serializer.copy(value);
  }

  private static Object copyTtl(TypeSerializer<Object> serializer, Object stored, boolean dropExpired, long now,
      long ttlMillis) {
    TtlValue<?> ttl = (TtlValue<?>) stored;
    if (dropExpired && ttl.isExpired(now, ttlMillis)) {
      return null;
    }
    return new TtlValue<>(copyOne(serializer, ttl.value), ttl.lastAccess);
  }

  /** The copy of one stored value, or null if nothing of it is to be written. */
  @SuppressWarnings("unchecked")
  private static Object copyValue(HeapStateSerializers s, Object stored, boolean dropExpired, long now, long ttlMillis) {
    switch (s.kind) {
      case LIST -> {
        List<Object> list = (List<Object>) stored;
        ArrayList<Object> out = new ArrayList<>(list.size());
        for (Object element : list) {
          Object c = s.ttl ? copyTtl(s.value, element, dropExpired, now, ttlMillis) : copyOne(s.value, element);
          if (c != null) {
            out.add(c);
          }
        }
        return out.isEmpty() ? null : out;
      }
      case MAP -> {
        Map<Object, Object> map = (Map<Object, Object>) stored;
        HashMap<Object, Object> out = new HashMap<>();
        for (Map.Entry<Object, Object> e : map.entrySet()) {
          HeapStateSerializers.learn(s.userKey, e.getKey());
          if (s.ttl) {
            Object c = copyTtl(s.value, e.getValue(), dropExpired, now, ttlMillis);
            if (c != null) {
              out.put(e.getKey(), c);
            }
          } else {
            out.put(e.getKey(), copyOne(s.value, e.getValue()));
          }
        }
        return out.isEmpty() ? null : out;
      }
      default -> {
        return s.ttl ? copyTtl(s.value, stored, dropExpired, now, ttlMillis) : copyOne(s.value, stored);
      }
    }
  }

  @Override
  public KeyedStateMetaInfo metaInfo() {
    return metaInfo;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
    Map<Object, Map<Object, Object>> namespaces = copy.get(keyGroup - firstKeyGroup);
    for (Map.Entry<Object, Map<Object, Object>> ns : namespaces.entrySet()) {
      for (Map.Entry<Object, Object> entry : ns.getValue().entrySet()) {
        prefix.clear();
        keySerializer.serialize(entry.getKey(), prefix);
        serializers.namespace.serialize(ns.getKey(), prefix);
        if (serializers.kind == StateKind.MAP) {
          for (Map.Entry<Object, Object> mapEntry : ((Map<Object, Object>) entry.getValue()).entrySet()) {
            key.clear();
            key.write(prefix.getSharedBuffer(), 0, prefix.length());
            serializers.userKey.serialize(mapEntry.getKey(), key);
            value.clear();
            HeapEntryCodec.writeMapValue(serializers, mapEntry.getValue(), value);
            sink.entry(key, value);
          }
        } else {
          value.clear();
          HeapEntryCodec.writeValue(serializers, entry.getValue(), value, scratch);
          sink.entry(prefix, value);
        }
      }
    }
  }
}
