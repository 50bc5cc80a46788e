package io.spate.api.operators.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.KeyedStateFunction;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import java.util.stream.Stream;

/**
 * The keyed state of one operator's parallel instance, as the operator sees it: states by name, each
 * holding a value per key and namespace, read and written for the current key. The runtime creates
 * it for operators on keyed streams, snapshots, restores and disposes it.
 *
 * @param <K> the key type
 */
@PublicEvolving
public interface KeyedStateBackend<K> {

  /** Makes {@code key} the current key of every state of this backend. */
  void setCurrentKey(K key);

  /** The current key. */
  K getCurrentKey();

  /**
   * The state described by {@code descriptor}, created on first use; the returned object is also an
   * {@link InternalKvState} whose namespace the caller sets.
   *
   * @throws IllegalStateException if the name was registered before as another kind of state
   */
  <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor);

  /** The state described by {@code descriptor}, pointed at {@code namespace}. */
  default <N, S extends State> S getPartitionedState(N namespace, StateDescriptor<S, ?> descriptor) {
    S state = getOrCreateState(descriptor);
    @SuppressWarnings("unchecked")
    InternalKvState<N> kv = (InternalKvState<N>) state;
    kv.setCurrentNamespace(namespace);
    return state;
  }

  /** The keys that have a value in state {@code stateName} under {@code namespace}. */
  <N> Stream<K> getKeys(String stateName, N namespace);

  /**
   * Calls {@code function} with each key that has a value of the state under {@code namespace},
   * with that key current and the state pointed at {@code namespace}. The function may change or
   * clear the state.
   */
  <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception;

  /**
   * As {@link #applyToAllKeys(Object, StateDescriptor, KeyedStateFunction)}, in Flink's shape: Spate
   * stores namespaces its own way, so the namespace serializer is not used.
   */
  default <N, S extends State, T> void applyToAllKeys(N namespace, TypeSerializer<N> namespaceSerializer,
      StateDescriptor<S, T> descriptor, KeyedStateFunction<K, S> function) throws Exception {
    applyToAllKeys(namespace, descriptor, function);
  }
}
