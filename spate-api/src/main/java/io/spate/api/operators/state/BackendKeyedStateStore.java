package io.spate.api.operators.state;

import io.spate.api.annotation.Internal;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.util.function.Supplier;

/**
 * The {@link KeyedStateStore} that functions see: the backend's states, in a fixed namespace (the
 * key only) or in one that the operator sets (the current window).
 */
@Internal
public final class BackendKeyedStateStore implements KeyedStateStore {

  private final KeyedStateBackend<?> backend;
  private final Supplier<Object> namespace;

  /** A store of key-scoped state. */
  public BackendKeyedStateStore(KeyedStateBackend<?> backend) {
    this(backend, () -> VoidNamespace.INSTANCE);
  }

  /** A store whose states are scoped to the namespace that {@code namespace} gives at access time. */
  public BackendKeyedStateStore(KeyedStateBackend<?> backend, Supplier<Object> namespace) {
    this.backend = backend;
    this.namespace = namespace;
  }

  private <S extends State> S state(StateDescriptor<S, ?> descriptor) {
    if (descriptor == null) {
      throw new NullPointerException("The state descriptor must not be null.");
    }
    return backend.getPartitionedState(namespace.get(), descriptor);
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return state(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return state(descriptor);
  }
}
