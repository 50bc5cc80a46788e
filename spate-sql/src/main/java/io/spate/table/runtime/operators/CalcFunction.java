package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.functions.FunctionContext;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.functions.OpenedFunction;
import java.util.List;

/**
 * A query's projection and filter in one step: a row passes when the condition is true (not false,
 * not NULL) and leaves as the projected fields, keeping its change kind.
 */
@Internal
public final class CalcFunction extends RichFlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Expr condition;
  private final Expr[] projections;
  private final OpenedFunction[] functions;

  /** A calc with {@code condition} (null: every row passes) and {@code projections} (null: the row as it is). */
  public CalcFunction(Expr condition, List<Expr> projections) {
    this(condition, projections, List.of());
  }

  /** A calc as above whose expressions call the user-defined {@code functions}, which it opens and closes. */
  public CalcFunction(Expr condition, List<Expr> projections, List<OpenedFunction> functions) {
    this.condition = condition;
    this.projections = projections == null ? null : projections.toArray(new Expr[0]);
    this.functions = functions.toArray(new OpenedFunction[0]);
  }

  @Override
  public void open(OpenContext openContext) {
    FunctionContext context = new FunctionContext(getRuntimeContext().getGlobalJobParameters(),
        getRuntimeContext().getUserCodeClassLoader());
    for (OpenedFunction function : functions) {
      function.open(context);
    }
  }

  @Override
  public void close() throws Exception {
    for (OpenedFunction function : functions) {
      function.close();
    }
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
