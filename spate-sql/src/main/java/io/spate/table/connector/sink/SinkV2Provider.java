package io.spate.table.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.sink.Sink;
import io.spate.api.types.Row;

/** A table sink that runs a {@link Sink} of rows. */
@PublicEvolving
public final class SinkV2Provider implements DynamicTableSink.SinkRuntimeProvider {

  private final Sink<Row> sink;

  private SinkV2Provider(Sink<Row> sink) {
    this.sink = sink;
  }

  /** A table sink that runs {@code sink}. */
  public static SinkV2Provider of(Sink<Row> sink) {
    return new SinkV2Provider(sink);
  }

  /** The sink. */
  public Sink<Row> createSink() {
    return sink;
  }
}
