package io.spate.testing;

import io.spate.api.connector.sink.Sink;
import io.spate.runtime.operators.SinkWriterOperator;

/** Test harnesses around a sink's writer operator (the harness constructor is package-private). */
public final class SinkHarnesses {

  private SinkHarnesses() {}

  /** A harness running {@code sink}'s writer and committer. */
  public static <T> OneInputTestHarness<T, Object> forSink(Sink<T> sink) {
    return new OneInputTestHarness<>(new SinkWriterOperator<>(sink), "sink");
  }
}
