package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.OperatorStateStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states that a broadcast process operator declared, one per descriptor name, with
 * their read-only views. The states themselves live in the operator's state store, which
 * checkpoints and restores them. Internal.
 */
@Internal
public final class BroadcastStateStore {

  private final Map<String, BroadcastState<?, ?>> states = new LinkedHashMap<>();
  private final Map<String, ReadOnlyBroadcastStateView<?, ?>> readOnlyViews = new LinkedHashMap<>();

  /** Registers one state per descriptor in {@code descriptors} with {@code store} (restored ones come back filled). */
  public BroadcastStateStore(OperatorStateStore store, List<MapStateDescriptor<?, ?>> descriptors) throws Exception {
    for (MapStateDescriptor<?, ?> descriptor : descriptors) {
      register(store, descriptor);
    }
  }

  private <K, V> void register(OperatorStateStore store, MapStateDescriptor<K, V> descriptor) throws Exception {
    BroadcastState<K, V> state = store.getBroadcastState(descriptor);
    states.put(descriptor.getName(), state);
    readOnlyViews.put(descriptor.getName(), new ReadOnlyBroadcastStateView<>(descriptor.getName(), state));
  }

  /** The writable state registered under {@code descriptor}'s name. */
  @SuppressWarnings("unchecked")
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    return (BroadcastState<K, V>) lookup(descriptor, states);
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
