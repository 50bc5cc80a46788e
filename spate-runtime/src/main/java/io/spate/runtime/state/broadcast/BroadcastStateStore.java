package io.spate.runtime.state.broadcast;

import io.spate.api.state.MapStateDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one parallel instance of an operator, one per declared descriptor name;
 * kept apart from the operator so that snapshots can take and restore them as a unit.
 */
public final class BroadcastStateStore {

  private final Map<String, HeapBroadcastState<?, ?>> states = new LinkedHashMap<>();
  private final Map<String, ReadOnlyBroadcastStateView<?, ?>> readOnlyViews = new LinkedHashMap<>();

  /** A store with one empty state per descriptor in {@code descriptors}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public BroadcastStateStore(List<MapStateDescriptor<?, ?>> descriptors) {
    for (MapStateDescriptor<?, ?> descriptor : descriptors) {
      HeapBroadcastState state = new HeapBroadcastState(descriptor);
      states.put(descriptor.getName(), state);
      readOnlyViews.put(descriptor.getName(), new ReadOnlyBroadcastStateView<>(state));
    }
  }

  /** The writable state registered under {@code descriptor}'s name. */
  @SuppressWarnings("unchecked")
  public <K, V> HeapBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    return (HeapBroadcastState<K, V>) lookup(descriptor, states);
  }

  /** The read-only view of the state registered under {@code descriptor}'s name. */
  @SuppressWarnings("unchecked")
  public <K, V> ReadOnlyBroadcastStateView<K, V> getReadOnlyBroadcastState(MapStateDescriptor<K, V> descriptor) {
    return (ReadOnlyBroadcastStateView<K, V>) lookup(descriptor, readOnlyViews);
  }

  private <T> T lookup(MapStateDescriptor<?, ?> descriptor, Map<String, T> byName) {
    if (descriptor == null) {
      throw new NullPointerException("The broadcast state descriptor must not be null.");
    }
    T state = byName.get(descriptor.getName());
    if (state == null) {
      throw new IllegalArgumentException("No broadcast state named '" + descriptor.getName()
          + "' was declared for this operator (declared: " + states.keySet()
          + "); pass its descriptor to broadcast(...) on the broadcast stream.");
    }
    return state;
  }
}
