package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes a {@link ReducingState}.
 *
 * @param <T> the value type
 */
@PublicEvolving
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {

  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  /** A reducing state named {@code name} combining values of {@code type} with {@code reduceFunction}. */
  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    super(name, type);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "The reduce function must not be null.");
  }

  /** A reducing state named {@code name} combining values of {@code type} with {@code reduceFunction}. */
  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> type) {
    super(name, type);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "The reduce function must not be null.");
  }

  /** A reducing state named {@code name} combining values that {@code serializer} writes with {@code reduceFunction}. */
  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
    super(name, serializer);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "The reduce function must not be null.");
  }

  /** The function that combines values. */
  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  public Type getType() {
    return Type.REDUCING;
  }
}
