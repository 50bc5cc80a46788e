package io.spate.runtime.state;

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.serialization.TimerNamespaceSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.RawKeyedState;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * One timer queue's part of a keyed snapshot. The synchronous part only takes references to the
 * timers' keys, namespaces and times ({@link #capture}); the asynchronous part serializes them. That
 * is safe because neither changes once a timer is set: a key must never change while it keys state,
 * and namespaces (windows) are values. Serializing on the task's thread took 25 to 50 ms per subtask
 * for the ~100 000 window timers of a Nexmark q7 or q8 checkpoint, during which the task stood still.
 */
final class TimerQueueSnapshot implements KeyedSnapshotWriter.StateSource {

  private final String name;
  private final StateKind kind;
  private final ToIntFunction<Object> keyGroupOf;
  private final TypeSerializer<Object> keySerializer;
  private Object[] keys = new Object[16];
  private Object[] namespaces = new Object[16];
  private long[] timestamps = new long[16];
  private int size;
  private RawKeyedState serialized;

  /** An empty snapshot of the queue {@code name} of {@code kind}, whose keys {@code keySerializer} writes. */
  @SuppressWarnings("unchecked")
  TimerQueueSnapshot(String name, StateKind kind, ToIntFunction<Object> keyGroupOf, TypeSerializer<?> keySerializer) {
    this.name = name;
    this.kind = kind;
    this.keyGroupOf = keyGroupOf;
    // the task keeps using its own instance while this one writes on the snapshot thread
    this.keySerializer = (TypeSerializer<Object>) keySerializer.duplicate();
  }

  /** Task thread: takes a timer of {@code key} in {@code namespace} at {@code timestamp}. */
  void capture(Object key, Object namespace, long timestamp) {
    if (size == keys.length) {
      int capacity = size * 2;
      keys = Arrays.copyOf(keys, capacity);
      namespaces = Arrays.copyOf(namespaces, capacity);
      timestamps = Arrays.copyOf(timestamps, capacity);
    }
    keys[size] = key;
    namespaces[size] = namespace;
    timestamps[size] = timestamp;
    size++;
  }

  /** Whether no timer was captured. */
  boolean isEmpty() {
    return size == 0;
  }

  @Override
  public KeyedStateMetaInfo metaInfo() {
    return serialized().metaInfo();
  }

  @Override
  public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
    serialized().writeKeyGroup(keyGroup, sink);
  }

  /** Snapshot thread: the captured timers, serialized by key group on first use. */
  private RawKeyedState serialized() {
    if (serialized == null) {
      try {
        serialized = serialize();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write the timers of timer service '" + name + "': "
            + e.getMessage(), e);
      }
      keys = null; // the references are no longer needed once written out
      namespaces = null;
      timestamps = null;
    }
    return serialized;
  }

  private RawKeyedState serialize() throws IOException {
    TimerNamespaceSerializer namespaceSerializer = new TimerNamespaceSerializer();
    DataOutputSerializer key = new DataOutputSerializer(32);
    DataOutputSerializer value = new DataOutputSerializer(8);
    byte[][] keyBytes = new byte[size][];
    byte[][] valueBytes = new byte[size][];
    for (int i = 0; i < size; i++) {
      key.clear();
      keySerializer.serialize(keys[i], key);
      namespaceSerializer.serialize(namespaces[i], key);
      value.clear();
      value.writeLong(timestamps[i]);
      keyBytes[i] = key.getCopyOfBuffer();
      valueBytes[i] = value.getCopyOfBuffer();
    }
    // The namespace serializer learned while serializing, so the header's snapshot is taken after.
    RawKeyedState raw = new RawKeyedState(new KeyedStateMetaInfo(name, kind, false,
        namespaceSerializer.snapshotConfiguration(), LongSerializer.INSTANCE.snapshotConfiguration(), null));
    for (int i = 0; i < size; i++) {
      raw.entry(keyGroupOf.applyAsInt(keys[i]), keyBytes[i], valueBytes[i]);
    }
    return raw;
  }
}
