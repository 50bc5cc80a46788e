package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}; the stored value is the accumulator.
 *
 * @param <IN> the type of added values
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
@PublicEvolving
public class AggregatingStateDescriptor<IN, ACC, OUT>
    extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {

  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  /** An aggregating state named {@code name} with accumulators of {@code accumulatorType}. */
  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "The aggregate function must not be null.");
  }

  /** An aggregating state named {@code name} with accumulators of {@code accumulatorType}. */
  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInformation<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "The aggregate function must not be null.");
  }

  /** An aggregating state named {@code name} whose accumulators {@code accumulatorSerializer} writes. */
  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeSerializer<ACC> accumulatorSerializer) {
    super(name, accumulatorSerializer);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "The aggregate function must not be null.");
  }

  /** The aggregation. */
  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  public Type getType() {
    return Type.AGGREGATING;
  }
}
