package io.spate.api.util;

/**
 * Rethrows from code that cannot declare checked exceptions, as Flink's {@code unchecked} adapters
 * do: errors and runtime exceptions as they are, anything else wrapped in a {@link RuntimeException}.
 */
final class Rethrow {

  private Rethrow() {}

  /** Throws {@code t} unchecked; declared to return so that callers can write {@code throw unchecked(t)}. */
  static RuntimeException unchecked(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    throw new RuntimeException(t);
  }
}
