package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import java.util.List;

import io.spate.api.configuration.Configuration;
import io.spate.api.typeinfo.TypeInformation;
import java.util.function.LongSupplier;

/**
 * What a {@link KeyedStateBackendFactory} needs to create the backend of one keyed operator instance.
 *
 * @param keyType the key type; null (in some operator tests) means derived from the first key
 * @param maxParallelism the number of key groups
 * @param keyGroupRange the key groups this instance owns
 * @param configuration the job's configuration
 * @param owner names the job, operator and subtask, for working directories and error messages
 * @param clock the processing-time clock that state time-to-live is measured on
 * @param restoreState the snapshots to restore from (several after a rescale); empty for a fresh start
 * @param userClassLoader the class loader of the job's code, for restoring serializers
 * @param metricGroup the operator's metric group, where a backend registers its own metrics (RocksDB's
 *     native metrics, when asked for)
 * @param <K> the key type
 */
public record KeyedStateBackendParameters<K>(
    TypeInformation<K> keyType,
    int maxParallelism,
    KeyGroupRange keyGroupRange,
    Configuration configuration,
    String owner,
    LongSupplier clock,
    List<KeyedStateHandle> restoreState,
    ClassLoader userClassLoader,
    io.spate.api.metrics.MetricGroup metricGroup) {

  /** Parameters whose backend registers no metrics. */
  public KeyedStateBackendParameters(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange,
      Configuration configuration, String owner, LongSupplier clock, List<KeyedStateHandle> restoreState,
      ClassLoader userClassLoader) {
    this(keyType, maxParallelism, keyGroupRange, configuration, owner, clock, restoreState, userClassLoader,
        new io.spate.api.metrics.groups.UnregisteredMetricsGroup());
  }

  /** Parameters for a fresh start, with nothing to restore. */
  public KeyedStateBackendParameters(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange keyGroupRange,
      Configuration configuration, String owner, LongSupplier clock) {
    this(keyType, maxParallelism, keyGroupRange, configuration, owner, clock, List.of(),
        KeyedStateBackendParameters.class.getClassLoader());
  }

  /** Copies the restore list. */
  public KeyedStateBackendParameters {
    restoreState = List.copyOf(restoreState);
  }
}
