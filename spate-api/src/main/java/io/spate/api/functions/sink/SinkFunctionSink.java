package io.spate.api.functions.sink;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import java.util.Objects;

/**
 * Carries a {@link SinkFunction} through the graph as a {@link Sink}, so that it is a sink node like
 * any other; the runtime recognises it and calls the function with an operator of its own, which gives
 * it its runtime context, its operator state and the checkpoint notifications.
 *
 * @param <IN> the record type
 */
@Internal
public final class SinkFunctionSink<IN> implements Sink<IN> {

  private static final long serialVersionUID = 1L;

  private final SinkFunction<IN> function;

  /** Wraps {@code function}. */
  public SinkFunctionSink(SinkFunction<IN> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  /** The function. */
  public SinkFunction<IN> getFunction() {
    return function;
  }

  @Override
  public SinkWriter<IN> createWriter(WriterInitContext context) {
    throw new UnsupportedOperationException("Sink function " + function.getClass().getName()
        + " runs with the runtime's sink function operator, not with a sink writer.");
  }

  @Override
  public String toString() {
    return "SinkFunction(" + function.getClass().getName() + ")";
  }
}
