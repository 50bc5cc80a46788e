package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.Collector;

/**
 * An aggregate of a group's rows into any number of rows of type {@code T} (a table), kept in a
 * mutable accumulator of type {@code ACC}; the Table API applies one with {@code flatAggregate}.
 * Besides {@link #createAccumulator}, the class has public methods {@code accumulate(ACC acc,
 * args...)}, {@code retract(ACC acc, args...)} to take rows back when the input is a changelog, and
 * either {@code emitValue(ACC acc, Collector<T> out)}, which gives the group's whole result each
 * time, or {@code emitUpdateWithRetract(ACC acc, RetractableCollector<T> out)}, which gives only
 * the rows that changed since the last call (and is preferred when both exist). The generic types
 * give the result and accumulator types unless a {@link io.spate.table.annotation.FunctionHint}
 * does.
 */
@PublicEvolving
public abstract class TableAggregateFunction<T, ACC> extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;

  /** A new, empty accumulator. */
  public abstract ACC createAccumulator();

  /**
   * The collector of {@code emitUpdateWithRetract}: {@link #collect} adds a row to the group's
   * result, {@link #retract} takes back a row it added before.
   */
  @PublicEvolving
  public interface RetractableCollector<T> extends Collector<T> {

    /** Takes back {@code record}, a row emitted for this group before. */
    void retract(T record);
  }
}
