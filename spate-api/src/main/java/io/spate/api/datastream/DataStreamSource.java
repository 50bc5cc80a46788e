package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.dag.SourceTransformation;

/**
 * The stream read by a source.
 *
 * @param <T> the record type
 */
@Public
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

  /** Wraps {@code transformation}. */
  @Internal
  public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
    super(environment, transformation);
  }
}
