package io.spate.runtime.operators;

import io.spate.runtime.state.KeyedStateBackendFactory;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.HashMapStateBackend;
import io.spate.runtime.state.heap.HeapKeyedStateBackendFactory;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link KeyedStateBackendFactory} that a job's configuration names. */
public final class KeyedStateBackends {

  private static final KeyedStateBackendFactory HEAP = new HeapKeyedStateBackendFactory();

  private KeyedStateBackends() {}

  /**
   * The factory named by {@code state.backend.type} in {@code configuration}, looked up with the
   * job's class loader and the runtime's own.
   *
   * @throws IllegalConfigurationException if no backend of that name is on the class path
   */
  public static KeyedStateBackendFactory factoryFor(Configuration configuration, ClassLoader userClassLoader) {
    String name = configuration.get(StateBackendOptions.STATE_BACKEND).trim().toLowerCase(Locale.ROOT);
    if (name.equals(HashMapStateBackend.NAME)) {
      return HEAP; // the default needs no class path scan
    }
    Map<String, KeyedStateBackendFactory> available = available(userClassLoader);
    KeyedStateBackendFactory factory = available.get(name);
    if (factory != null) {
      return factory;
    }
    String hint = "rocksdb".equals(name)
        ? " The RocksDB backend is in the spate-state-rocksdb module: add it (io.spate:spate-state-rocksdb) to the"
            + " job's or the cluster's class path."
        : "";
    throw new IllegalConfigurationException("State backend '" + name + "' (" + StateBackendOptions.STATE_BACKEND.key()
        + ") is not on the class path; available: " + String.join(", ", available.keySet()) + "." + hint);
  }

  private static Map<String, KeyedStateBackendFactory> available(ClassLoader userClassLoader) {
    Map<String, KeyedStateBackendFactory> byName = new TreeMap<>();
    byName.put(HEAP.name(), HEAP);
    for (ClassLoader loader : new ClassLoader[] {KeyedStateBackends.class.getClassLoader(), userClassLoader}) {
      if (loader == null) {
        continue;
      }
      for (KeyedStateBackendFactory factory : ServiceLoader.load(KeyedStateBackendFactory.class, loader)) {
        byName.putIfAbsent(factory.name().toLowerCase(Locale.ROOT), factory);
      }
    }
    return byName;
  }
}
