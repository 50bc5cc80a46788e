package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.Source;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.source.SourceFunctionSource;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * A source of the graph.
 *
 * @param <T> the record type
 */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {

  private final Source<T, ?, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;
  private final boolean parallel;

  /** Creates a source node; a non-parallel source always runs with parallelism 1. */
  public SourceTransformation(
      int id, String name, Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy,
      TypeInformation<T> outputType, int parallelism, boolean parallel) {
    super(id, name, outputType, parallel ? parallelism : 1);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
    this.parallel = parallel;
  }

  /** The source. */
  public Source<T, ?, ?> getSource() {
    return source;
  }

  /** How timestamps and watermarks are generated at the source. */
  public WatermarkStrategy<T> getWatermarkStrategy() {
    return watermarkStrategy;
  }

  /** Whether the source may run with a parallelism above 1. */
  public boolean isParallel() {
    return parallel;
  }

  @Override
  public void setParallelism(int parallelism) {
    if (!parallel && parallelism != 1 && source instanceof SourceFunctionSource<?> legacy) {
      throw new IllegalArgumentException("The parallelism of non parallel operator must be 1: source " + describe()
          + " runs " + legacy.getFunction().getClass().getName() + ", which is no ParallelSourceFunction, and got"
          + " parallelism " + parallelism + ". Implement ParallelSourceFunction (or extend"
          + " RichParallelSourceFunction) to read in parallel.");
    }
    if (!parallel && parallelism != 1) {
      throw new io.spate.api.common.InvalidProgramException(
          "Source " + describe() + " reads a collection in order and cannot run in parallel: "
              + "its parallelism must be 1, got " + parallelism + ".");
    }
    super.setParallelism(parallelism);
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
