package io.spate.api.operators.builtin;

import io.spate.api.functions.TimeDomain;

/** What the contexts of process functions report, as the built-in operators hold it. */
final class ContextValues {

  private ContextValues() {}

  /** A record timestamp as a context reports it: null when there is none. */
  static Long timestampOrNull(long timestamp) {
    return timestamp == Long.MIN_VALUE ? null : timestamp;
  }

  /** The time domain of the firing timer; {@code domain} is null outside {@code onTimer}. */
  static TimeDomain timerDomain(TimeDomain domain) {
    if (domain == null) {
      throw new IllegalStateException("timeDomain() is only available in onTimer.");
    }
    return domain;
  }
}
