package io.spate.runtime.state;

/**
 * Creates the keyed state backends of one kind; implementations are found with {@link
 * java.util.ServiceLoader} and chosen by {@link #name()} (the {@code state.backend.type} option), so
 * that a backend module can sit above the runtime.
 */
public interface KeyedStateBackendFactory {

  /** The name users choose this backend by, such as {@code hashmap} or {@code rocksdb}. */
  String name();

  /**
   * A new, empty backend for one keyed operator instance; the caller disposes it when the operator
   * closes.
   */
  <K> CheckpointableKeyedStateBackend<K> create(KeyedStateBackendParameters<K> parameters) throws Exception;
}
