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

  // ---------------------------------------------------------------- Flink's return type

  /**
   * Sets the source's parallelism; a source that cannot run in parallel (a {@code SourceFunction} that
   * is no {@code ParallelSourceFunction}, a collection) takes only 1.
   */
  @Override
  public DataStreamSource<T> setParallelism(int parallelism) {
    super.setParallelism(parallelism);
    return this;
  }
}
