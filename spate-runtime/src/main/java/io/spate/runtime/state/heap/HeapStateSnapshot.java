package io.spate.runtime.state.heap;

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.serialization.LearnedTypeSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One heap state's part of a snapshot. The synchronous part takes the entries array of every key
 * group's {@link CopyOnWriteStateMap}, which the task no longer changes from then on (it copies
 * first); the asynchronous part serializes the entries in them, leaving out expired TTL values when
 * the state cleans up in full snapshots.
 */
final class HeapStateSnapshot implements KeyedSnapshotWriter.StateSource {

  private final HeapStateSerializers serializers;
  private final TypeSerializer<Object> keySerializer;
  private final KeyedStateMetaInfo metaInfo;
  private final int firstKeyGroup;
  private final CopyOnWriteStateMap.Entry<Object, Object, Object>[][] frozen;
  private final boolean dropExpired;
  private final long now;
  private final long ttlMillis;
  private final DataOutputSerializer prefix = new DataOutputSerializer(64);
  private final DataOutputSerializer key = new DataOutputSerializer(64);
  private final DataOutputSerializer value = new DataOutputSerializer(128);
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);

  /** Takes the state as it is now; the caller has started a new snapshot version just before. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  HeapStateSnapshot(AbstractHeapState<?, ?, ?> state, HeapStateSerializers live, TypeSerializer<Object> keySerializer,
      long now) {
    StateTable<Object, Object, Object> table = (StateTable) state.table;
    if (!learned(live)) {
      learnFromSamples(live, table);
    }
    this.firstKeyGroup = table.range().startKeyGroup();
    this.frozen = new CopyOnWriteStateMap.Entry[table.range().size()][];
    for (int i = 0; i < frozen.length; i++) {
      frozen[i] = table.keyGroupAt(i).frozenEntries();
    }
    this.dropExpired = live.ttl && live.ttlCleanupInSnapshot;
    this.now = now;
    this.ttlMillis = state instanceof AbstractTtlHeapState<?, ?, ?> ttl ? ttl.ttlMillis : Long.MAX_VALUE;
    this.serializers = live.duplicate();
    this.keySerializer = keySerializer.duplicate();
    this.metaInfo = live.metaInfo();
  }

  private static boolean learned(HeapStateSerializers s) {
    return learned(s.namespace) && learned(s.value) && (s.userKey == null || learned(s.userKey));
  }

  private static boolean learned(TypeSerializer<Object> serializer) {
    return !(serializer instanceof LearnedTypeSerializer<Object> learned) || learned.hasLearned();
  }

  /**
   * Lets serializers that take their type from the data learn it before the header is written, from
   * the first entries that have a sample; usually one entry, and only until they have learned.
   */
  @SuppressWarnings("unchecked")
  private static void learnFromSamples(HeapStateSerializers s, StateTable<Object, Object, Object> table) {
    for (int i = 0; i < table.range().size() && !learned(s); i++) {
      table.keyGroupAt(i).forEachLive(entry -> {
        if (learned(s)) {
          return;
        }
        HeapStateSerializers.learn(s.namespace, entry.namespace);
        switch (s.kind) {
          case LIST -> {
            for (Object element : (List<Object>) entry.value) {
              learnValue(s, element);
            }
          }
          case MAP -> {
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) entry.value).entrySet()) {
              HeapStateSerializers.learn(s.userKey, e.getKey());
              learnValue(s, e.getValue());
            }
          }
          default -> learnValue(s, entry.value);
        }
      });
    }
  }

  private static void learnValue(HeapStateSerializers s, Object stored) {
    HeapStateSerializers.learn(s.value, s.ttl ? ((TtlValue<?>) stored).value : stored);
  }

  @Override
  public KeyedStateMetaInfo metaInfo() {
    return metaInfo;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
    for (CopyOnWriteStateMap.Entry<Object, Object, Object> entry : frozen[keyGroup - firstKeyGroup]) {
      if (entry != null) {
        writeEntry(entry, sink);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void writeEntry(CopyOnWriteStateMap.Entry<Object, Object, Object> entry, KeyedSnapshotWriter.EntrySink sink)
      throws IOException {
    Object stored = entry.value;
    if (serializers.kind != StateKind.MAP && serializers.kind != StateKind.LIST && dropped(stored)) {
      return;
    }
    prefix.clear();
    keySerializer.serialize(entry.key, prefix);
    serializers.namespace.serialize(entry.namespace, prefix);
    if (serializers.kind == StateKind.MAP) {
      for (Map.Entry<Object, Object> mapEntry : ((Map<Object, Object>) stored).entrySet()) {
        if (dropped(mapEntry.getValue())) {
          continue;
        }
        key.clear();
        key.write(prefix.getSharedBuffer(), 0, prefix.length());
        serializers.userKey.serialize(mapEntry.getKey(), key);
        value.clear();
        HeapEntryCodec.writeMapValue(serializers, mapEntry.getValue(), value);
        sink.entry(key, value);
      }
    } else if (serializers.kind == StateKind.LIST) {
      value.clear();
      int written = 0;
      for (Object element : (List<Object>) stored) {
        if (!dropped(element)) {
          HeapEntryCodec.writeListElement(serializers, element, value, scratch);
          written++;
        }
      }
      if (written > 0) {
        sink.entry(prefix, value);
      }
    } else {
      value.clear();
      HeapEntryCodec.writeValue(serializers, stored, value, scratch);
      sink.entry(prefix, value);
    }
  }

  /** Whether a value, list element or map value is an expired TTL value that this snapshot leaves out. */
  private boolean dropped(Object stored) {
    return dropExpired && ((TtlValue<?>) stored).isExpired(now, ttlMillis);
  }
}
