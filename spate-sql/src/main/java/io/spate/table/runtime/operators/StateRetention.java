package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.StateTtlConfig;
import java.time.Duration;

/**
 * {@code table.exec.state.ttl} on an operator's state: a value (a key's accumulators, a map entry)
 * untouched by writes for the retention time is gone, and is never read once expired.
 */
@Internal
public final class StateRetention {

  private StateRetention() {}

  /** Gives {@code descriptor}'s values a time to live of {@code retentionMillis}; 0 or less keeps them for ever. */
  public static <D extends StateDescriptor<?, ?>> D apply(D descriptor, long retentionMillis) {
    if (retentionMillis > 0) {
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(retentionMillis))
          .updateTtlOnCreateAndWrite()
          .neverReturnExpired()
          .build());
    }
    return descriptor;
  }
}
