package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.sink.Sink;
import java.util.List;

/**
 * A sink of the graph.
 *
 * @param <T> the record type
 */
@Internal
public final class SinkTransformation<T> extends Transformation<Object> {

  private final Transformation<T> input;
  private final Sink<T> sink;

  /** Creates the node. */
  public SinkTransformation(int id, Transformation<T> input, String name, Sink<T> sink, int parallelism) {
    super(id, name, null, parallelism);
    this.input = input;
    this.sink = sink;
  }

  /** The input. */
  public Transformation<T> getInput() {
    return input;
  }

  /** The sink. */
  public Sink<T> getSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
