package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.Collector;

/**
 * A function from values to any number of rows, joined to the row that called it with
 * {@code LATERAL TABLE(f(...))}: its public {@code eval} methods (chosen by argument types, as for a
 * {@link ScalarFunction}) give rows with {@link #collect}. The generic type {@code T} gives the
 * rows' type: a SQL-typed class for one column {@code f0}, or a {@code Row} whose fields a
 * {@link io.spate.table.annotation.FunctionHint#output()} names.
 */
@PublicEvolving
public abstract class TableFunction<T> extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;

  private transient Collector<T> collector;

  /** Where {@link #collect} sends rows; set by the operator that calls the function. */
  public final void setCollector(Collector<T> collector) {
    this.collector = collector;
  }

  /** Gives one row of the function's result for the current call. */
  protected final void collect(T row) {
    collector.collect(row);
  }
}
