package io.spate.runtime.jobmaster.failover;

import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RestartStrategy;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.util.Random;
import java.util.function.LongSupplier;

/** Creates a job's {@link RestartBackoffTimeStrategy} from its {@code restart-strategy.*} options. */
public final class RestartBackoffTimeStrategyFactory {

  private RestartBackoffTimeStrategyFactory() {}

  /**
   * The strategy of a job with configuration {@code conf}, on a monotonic clock; checkpointing is
   * enabled as {@link CheckpointingOptions#isCheckpointingEnabled} says.
   */
  public static RestartBackoffTimeStrategy create(Configuration conf) {
    return create(conf, CheckpointingOptions.isCheckpointingEnabled(conf),
        () -> System.nanoTime() / 1_000_000, new Random());
  }

  /**
   * The strategy that {@code conf} selects: the one named by {@code restart-strategy.type}, or
   * when that is unset, exponential-delay if {@code checkpointingEnabled} and no restart otherwise.
   *
   * @param clockMillis the time in milliseconds; only differences are used, so a monotonic clock fits
   * @param random the source of exponential-delay's jitter
   * @throws IllegalConfigurationException naming the option and value if one is malformed or out of range
   */
  public static RestartBackoffTimeStrategy create(
      Configuration conf, boolean checkpointingEnabled, LongSupplier clockMillis, Random random) {
    return create(RestartStrategies.fromConfiguration(conf, checkpointingEnabled), clockMillis, random);
  }

  /** The strategy that implements {@code settings}. */
  public static RestartBackoffTimeStrategy create(RestartStrategy settings, LongSupplier clockMillis, Random random) {
    if (settings instanceof RestartStrategy.FixedDelay fixed) {
      return new FixedDelayRestartBackoffTimeStrategy(fixed);
    }
    if (settings instanceof RestartStrategy.FailureRate rate) {
      return new FailureRateRestartBackoffTimeStrategy(rate, clockMillis);
    }
    if (settings instanceof RestartStrategy.ExponentialDelay exponential) {
      return new ExponentialDelayRestartBackoffTimeStrategy(exponential, clockMillis, random);
    }
    return NoRestartBackoffTimeStrategy.INSTANCE;
  }
}
