package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.EmbeddedRocksDBStateBackend;
import io.spate.api.state.RocksDBOptions;
import io.spate.runtime.FileNames;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendFactory;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/** Creates {@link RocksDBKeyedStateBackend}s under the name {@code rocksdb}; found by ServiceLoader. */
public final class RocksDBKeyedStateBackendFactory implements KeyedStateBackendFactory {

  @Override
  public String name() {
    return EmbeddedRocksDBStateBackend.NAME;
  }

  @Override
  public <K> CheckpointableKeyedStateBackend<K> create(KeyedStateBackendParameters<K> parameters) throws Exception {
    Configuration conf = parameters.configuration();
    long managed = parseMemorySize(conf.get(RocksDBOptions.MANAGED_MEMORY_SIZE));
    Path base = workingDirectoryBase(conf);
    Path directory = base.resolve(sanitize(parameters.owner()) + "-" + UUID.randomUUID());
    RocksDBOpener opener = RocksDBOpener.of(conf);
    if (RocksDBIncrementalRestore.opensDirectly(parameters.restoreState(), parameters.keyGroupRange())) {
      try {
        RocksDBIncrementalRestore.download((IncrementalKeyedStateHandle) parameters.restoreState().get(0), directory);
        if (RocksDBOpener.holdsTtlDb(directory) != opener.isTtlDb()) {
          // The configuration changed the kind of database: its rows are copied into a new one instead.
          RocksDBKeyedStateBackend.deleteDirectory(directory);
        }
      } catch (IOException e) {
        RocksDBKeyedStateBackend.deleteDirectory(directory);
        throw new IOException("Could not restore the keyed state of " + parameters.owner() + ": " + e.getMessage(), e);
      }
    }
    RocksDBSharedResources.Lease lease = RocksDBSharedResources.acquire(managed);
    RocksDBKeyedStateBackend<K> backend = new RocksDBKeyedStateBackend<>(parameters.keyType(),
        parameters.maxParallelism(), parameters.keyGroupRange(), directory, lease, parameters.owner(),
        parameters.clock(), opener);
    backend.setTimerQueueType(conf.get(RocksDBOptions.TIMER_SERVICE_FACTORY));
    RocksDBNativeMetrics nativeMetrics = RocksDBNativeMetrics.of(conf, parameters.metricGroup(), backend::nativeProperty);
    if (nativeMetrics != null) {
      backend.enableNativeMetrics(nativeMetrics);
    }
    backend.setWriteBackCacheEntries(writeBackCacheEntries(conf));
    if (conf.get(StateBackendOptions.INCREMENTAL_CHECKPOINTS)) {
      backend.enableIncrementalCheckpoints();
    }
    if (!parameters.restoreState().isEmpty()) {
      try {
        backend.restore(parameters.restoreState(), parameters.userClassLoader());
      } catch (Exception e) {
        backend.dispose();
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException("Could not restore the keyed state of " + parameters.owner() + ": " + e.getMessage(), e);
      }
    }
    return backend;
  }

  /**
   * The configured write-back cache size.
   *
   * @throws IllegalConfigurationException naming the option if it is negative
   */
  static int writeBackCacheEntries(Configuration conf) {
    int entries = conf.get(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES);
    if (entries < 0) {
      throw new IllegalConfigurationException(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES.key() + " is "
          + entries + "; it must be 0 (no cache) or a positive number of entries per state.");
    }
    return entries;
  }

  /** The directory under which backends create their working directories. */
  public static Path workingDirectoryBase(Configuration conf) {
    return conf.getOptional(RocksDBOptions.LOCAL_DIRECTORY)
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "spate-rocksdb"));
  }

  private static String sanitize(String owner) {
    String s = FileNames.safe(owner);
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  /**
   * Parses a memory size such as {@code 268435456}, {@code 256mb} or {@code 1 gb}.
   *
   * @throws IllegalConfigurationException naming the option if the value is malformed or too small
   */
  public static long parseMemorySize(String text) {
    long bytes;
    try {
      bytes = MemorySize.parse(text).getBytes();
    } catch (IllegalArgumentException e) {
      throw new IllegalConfigurationException("Malformed " + RocksDBOptions.MANAGED_MEMORY_SIZE.key() + ": '"
          + text + "'; use bytes or a number with kb, mb or gb, such as 256mb. " + e.getMessage());
    }
    if (bytes < 8L << 20) {
      throw new IllegalConfigurationException(RocksDBOptions.MANAGED_MEMORY_SIZE.key() + " is " + text
          + "; RocksDB needs at least 8mb.");
    }
    return bytes;
  }
}
