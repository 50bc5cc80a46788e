package io.spate.runtime.state.heap;

import io.spate.api.operators.state.InternalKvState;

/**
 * The base of heap states: reads and writes the value of the backend's current key in the current
 * namespace.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the stored value type
 */
abstract class AbstractHeapState<K, N, V> implements InternalKvState<N> {

  private final String name;
  final HeapKeyedStateBackend<K> backend;
  final StateTable<K, N, V> table;
  N namespace;

  AbstractHeapState(String name, HeapKeyedStateBackend<K> backend) {
    this(name, backend, false);
  }

  /** A state whose table tells each value apart from earlier ones of its key and namespace if {@code tracksBirths}. */
  AbstractHeapState(String name, HeapKeyedStateBackend<K> backend, boolean tracksBirths) {
    this.name = name;
    this.backend = backend;
    this.table = new StateTable<>(backend.getKeyGroupRange(), backend.snapshotVersions(), tracksBirths);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
  }

  @Override
  public String name() {
    return name;
  }

  final V getInternal() {
    return get(currentKey(), namespace);
  }

  final V getInternal(N ns) {
    return get(currentKey(), ns);
  }

  /** The current key's value as stored, for reading only: a running snapshot may still hold it. */
  final V peekInternal() {
    K key = currentKey();
    return table.peek(backend.getCurrentKeyGroup(), key, namespace);
  }

  final void putInternal(V value) {
    put(currentKey(), namespace, value);
  }

  final void putInternal(N ns, V value) {
    put(currentKey(), ns, value);
  }

  final V removeInternal(N ns) {
    return remove(currentKey(), ns);
  }

  /** Removes the current key's value in {@code ns} without handing it out, so nothing is copied for it. */
  final void deleteInternal(N ns) {
    table.delete(backend.getCurrentKeyGroup(), currentKey(), ns);
  }

  private V get(K key, N ns) {
    return table.get(backend.getCurrentKeyGroup(), key, ns);
  }

  private void put(K key, N ns, V value) {
    table.put(backend.getCurrentKeyGroup(), key, ns, value);
  }

  private V remove(K key, N ns) {
    return table.remove(backend.getCurrentKeyGroup(), key, ns);
  }

  final K currentKey() {
    K key = backend.getCurrentKey();
    if (key == null) {
      throw new IllegalStateException("State '" + name + "' was accessed with no current key: keyed state "
          + "can only be used while a keyed record or timer is being processed.");
    }
    return key;
  }

  @Override
  public void clear() {
    deleteInternal(namespace);
  }
}
