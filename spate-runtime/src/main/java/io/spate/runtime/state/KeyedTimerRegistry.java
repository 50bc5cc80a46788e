package io.spate.runtime.state;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotReader;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.RawKeyedState;
import io.spate.runtime.state.snapshot.keyed.StateKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The timer services of one keyed operator instance, as its keyed state backend snapshots and
 * restores them; the timers themselves live in the queues the backend gave the service (heap or
 * RocksDB), and are written in the same format either way. Timers restored under a
 * name that no service registered (yet) are kept and written into later snapshots.
 */
public final class KeyedTimerRegistry {

  private final Map<String, SnapshottableTimers> services = new LinkedHashMap<>();
  private final Map<String, RawKeyedState> restored = new LinkedHashMap<>();

  private static String id(String name, StateKind kind) {
    return kind + "/" + name;
  }

  /** Where the restored timers of a snapshot's timer queue go. */
  public KeyedSnapshotReader.EntryConsumer restore(KeyedStateMetaInfo metaInfo) {
    return restored.computeIfAbsent(id(metaInfo.name(), metaInfo.kind()), k -> new RawKeyedState(metaInfo));
  }

  /**
   * Registers the timer service {@code name} and sets in it the restored timers of that name, whose
   * keys {@code keySerializer} reads.
   *
   * @throws IllegalStateException if a service of that name is registered already
   */
  public void register(String name, SnapshottableTimers timers, TypeSerializer<?> keySerializer) {
    if (services.putIfAbsent(name, timers) != null) {
      throw new IllegalStateException("A timer service named '" + name + "' is registered already.");
    }
    for (StateKind kind : new StateKind[] {StateKind.EVENT_TIMERS, StateKind.PROCESSING_TIMERS}) {
      RawKeyedState raw = restored.remove(id(name, kind));
      if (raw != null) {
        restoreInto(timers, raw, kind == StateKind.EVENT_TIMERS, keySerializer);
      }
    }
  }

  private static void restoreInto(SnapshottableTimers timers, RawKeyedState raw, boolean eventTime,
      TypeSerializer<?> keySerializer) {
    TypeSerializer<?> namespaceSerializer = raw.metaInfo().namespaceSerializer().restoreSerializer();
    DataInputDeserializer in = new DataInputDeserializer();
    for (Map.Entry<Integer, List<RawKeyedState.Entry>> group : raw.entriesByKeyGroup().entrySet()) {
      for (RawKeyedState.Entry entry : group.getValue()) {
        try {
          in.setBuffer(entry.key());
          Object key = keySerializer.deserialize(in);
          Object namespace = namespaceSerializer.deserialize(in);
          in.setBuffer(entry.value());
          timers.restoreTimer(eventTime, key, namespace, in.readLong());
        } catch (IOException e) {
          throw new UncheckedIOException("Could not restore a timer of timer service '" + raw.metaInfo().name()
              + "' in key group " + group.getKey() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * The synchronous part of a snapshot: the timers of every service, taken as references and
   * serialized with {@code keySerializer} by key group ({@code keyGroupOf}) when the snapshot is
   * written, and the restored timers no service took.
   */
  public List<KeyedSnapshotWriter.StateSource> snapshot(ToIntFunction<Object> keyGroupOf, TypeSerializer<?> keySerializer)
      throws IOException {
    List<KeyedSnapshotWriter.StateSource> sources = new ArrayList<>();
    for (Map.Entry<String, SnapshottableTimers> service : services.entrySet()) {
      TimerQueueSnapshot event = new TimerQueueSnapshot(service.getKey(), StateKind.EVENT_TIMERS, keyGroupOf,
          keySerializer);
      TimerQueueSnapshot processing = new TimerQueueSnapshot(service.getKey(), StateKind.PROCESSING_TIMERS,
          keyGroupOf, keySerializer);
      service.getValue().forEachTimer((eventTime, k, ns, ts) -> (eventTime ? event : processing).capture(k, ns, ts));
      for (TimerQueueSnapshot queue : List.of(event, processing)) {
        if (!queue.isEmpty()) {
          sources.add(queue);
        }
      }
    }
    sources.addAll(restored.values());
    return sources;
  }
}
