package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.dag.SideOutputTransformation;

/**
 * The records an operator emitted to one side output; made by {@link
 * SingleOutputStreamOperator#getSideOutput}.
 *
 * @param <T> the record type
 */
@Public
public class SideOutputDataStream<T> extends DataStream<T> {

  /** The side output that {@code transformation} selects, in {@code environment}. */
  @Internal
  public SideOutputDataStream(StreamExecutionEnvironment environment, SideOutputTransformation<T> transformation) {
    super(environment, transformation);
  }
}
