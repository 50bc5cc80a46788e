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

  // ---------------------------------------------------------------- Flink's constructors

  /**
   * The stream that {@code source} reads, named {@code sourceName}, with records of {@code
   * outTypeInfo} (inferred if null) and {@code watermarkStrategy}: as {@code
   * environment.fromSource(source, watermarkStrategy, sourceName, outTypeInfo)}.
   */
  public DataStreamSource(StreamExecutionEnvironment environment,
      io.spate.api.connector.source.Source<T, ?, ?> source,
      io.spate.api.eventtime.WatermarkStrategy<T> watermarkStrategy,
      io.spate.api.typeinfo.TypeInformation<T> outTypeInfo, String sourceName) {
    super(environment, environment.fromSource(source, watermarkStrategy, sourceName, outTypeInfo).getTransformation());
  }

  /** The stream of {@code operator}, seen as a source stream (Flink's wrapper of legacy sources). */
  public DataStreamSource(SingleOutputStreamOperator<T> operator) {
    super(operator.getExecutionEnvironment(), operator.getTransformation());
  }
}
