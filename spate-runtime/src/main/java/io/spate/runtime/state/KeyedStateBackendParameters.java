package io.spate.runtime.state;

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
 * @param <K> the key type
 */
public record KeyedStateBackendParameters<K>(
    TypeInformation<K> keyType,
    int maxParallelism,
    KeyGroupRange keyGroupRange,
    Configuration configuration,
    String owner,
    LongSupplier clock) {}
