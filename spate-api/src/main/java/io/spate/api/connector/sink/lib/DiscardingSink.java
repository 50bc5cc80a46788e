package io.spate.api.connector.sink.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.functions.sink.SinkFunction;

/**
 * Drops every record; for benchmarks and for jobs whose effects happen elsewhere. It is both a {@link
 * Sink} for {@code sinkTo} and a {@link SinkFunction} for {@code addSink}, as Flink has a class of
 * this name for each.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class DiscardingSink<T> implements Sink<T>, SinkFunction<T> {

  private static final long serialVersionUID = 1L;

  /** A sink that drops everything. */
  public DiscardingSink() {}

  @Override
  @SuppressWarnings("unchecked")
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return (SinkWriter<T>) DiscardingWriter.INSTANCE;
  }

  @Override
  public void invoke(T value) {}

  /** Stateless, so one instance serves every subtask. */
  private enum DiscardingWriter implements SinkWriter<Object> {
    INSTANCE;

    @Override
    public void write(Object element, Context context) {}

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}
