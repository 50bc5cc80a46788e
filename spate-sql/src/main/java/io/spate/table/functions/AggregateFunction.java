package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;

/**
 * An aggregate of a group's rows into one value of type {@code T}, kept in a mutable accumulator of
 * type {@code ACC}. Besides {@link #createAccumulator} and {@link #getValue}, the class has public
 * methods {@code accumulate(ACC acc, args...)}, and {@code retract(ACC acc, args...)} to take rows back
 * when the input is a changelog (a query that needs it and lacks it is refused); the generic types
 * give the SQL result and accumulator types unless a {@link io.spate.table.annotation.FunctionHint}
 * does.
 */
@PublicEvolving
public abstract class AggregateFunction<T, ACC> extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;

  /** A new, empty accumulator. */
  public abstract ACC createAccumulator();

  /** The aggregate's value for {@code accumulator}; null gives SQL's NULL. */
  public abstract T getValue(ACC accumulator);
}
