package io.spate.runtime.jobmaster.failover;

import io.spate.api.configuration.Configuration;
import java.util.Random;
import java.util.function.LongSupplier;

/** SCAFFOLD (being implemented): creates the restart strategy a job's configuration asks for. */
public final class RestartBackoffTimeStrategyFactory {

  private RestartBackoffTimeStrategyFactory() {}

  /** The strategy of {@code conf}. */
  public static RestartBackoffTimeStrategy create(Configuration conf, boolean checkpointingEnabled,
      LongSupplier clockMillis, Random random) {
    int[] failures = new int[1];
    return new RestartBackoffTimeStrategy() {
      @Override
      public void notifyFailure(Throwable cause) {
        failures[0]++;
      }

      @Override
      public boolean canRestart() {
        return checkpointingEnabled && failures[0] <= 100;
      }

      @Override
      public long getBackoffTime() {
        return 50;
      }
    };
  }
}
