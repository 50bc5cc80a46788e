package io.spate.runtime.state.snapshot.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Restored entries of one state, still as bytes: the state of a snapshot that the restored code has
 * not (yet) registered. It is written into later snapshots as it is, and turned into objects once the
 * code registers the state.
 */
public final class RawKeyedState implements KeyedSnapshotWriter.StateSource, KeyedSnapshotReader.EntryConsumer {

  /** One entry: the serialized key and namespace (and user key), and the value. */
  public record Entry(byte[] key, byte[] value) {}

  private final KeyedStateMetaInfo metaInfo;
  private final TreeMap<Integer, List<Entry>> byKeyGroup = new TreeMap<>();

  /** An empty state described by {@code metaInfo}. */
  public RawKeyedState(KeyedStateMetaInfo metaInfo) {
    this.metaInfo = metaInfo;
  }

  @Override
  public KeyedStateMetaInfo metaInfo() {
    return metaInfo;
  }

  @Override
  public void entry(int keyGroup, byte[] key, byte[] value) {
    byKeyGroup.computeIfAbsent(keyGroup, k -> new ArrayList<>()).add(new Entry(key, value));
  }

  /** The entries by key group. */
  public Map<Integer, List<Entry>> entriesByKeyGroup() {
    return byKeyGroup;
  }

  @Override
  public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) throws IOException {
    List<Entry> entries = byKeyGroup.get(keyGroup);
    if (entries != null) {
      for (Entry e : entries) {
        sink.entry(e.key(), 0, e.key().length, e.value(), 0, e.value().length);
      }
    }
  }
}
