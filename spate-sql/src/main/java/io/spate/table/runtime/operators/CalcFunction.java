package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.Collector;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;
import java.util.List;

/**
 * A query's projection and filter in one step: a row passes when the condition is true (not false,
 * not NULL) and leaves as the projected fields, keeping its change kind.
 */
@Internal
public final class CalcFunction implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Expr condition;
  private final Expr[] projections;

  /** A calc with {@code condition} (null: every row passes) and {@code projections} (null: the row as it is). */
  public CalcFunction(Expr condition, List<Expr> projections) {
    this.condition = condition;
    this.projections = projections == null ? null : projections.toArray(new Expr[0]);
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    if (condition != null && !Boolean.TRUE.equals(condition.eval(input))) {
      return;
    }
    if (projections == null) {
      out.collect(input);
      return;
    }
    Row output = new Row(input.getKind(), projections.length);
    for (int i = 0; i < projections.length; i++) {
      output.setField(i, projections[i].eval(input));
    }
    out.collect(output);
  }
}
