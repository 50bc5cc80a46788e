package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.TableFunction;
import io.spate.table.runtime.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LATERAL TABLE(f(...))}: calls a user's table function for each input row and emits the input
 * row joined with each row the function gives (keeping the input's change kind); a left join emits
 * the input row with NULLs when the function gives none.
 */
@Internal
public final class TableFunctionJoin extends RichFlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final FunctionInvoker eval;
  private final Expr[] arguments;
  private final boolean atomic;
  private final int functionArity;
  private final boolean leftOuter;
  private transient List<Object> produced;

  /**
   * Calls {@code eval} with {@code arguments} (over the input row); {@code atomic} if the function's
   * rows are single values; {@code functionArity} columns per function row; {@code leftOuter} for a
   * LEFT JOIN.
   */
  public TableFunctionJoin(FunctionInvoker eval, List<Expr> arguments, boolean atomic, int functionArity,
      boolean leftOuter) {
    this.eval = eval;
    this.arguments = arguments.toArray(new Expr[0]);
    this.atomic = atomic;
    this.functionArity = functionArity;
    this.leftOuter = leftOuter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    TableFunction<Object> function = (TableFunction<Object>) eval.function().open(new FunctionContext(
        getRuntimeContext().getGlobalJobParameters(), getRuntimeContext().getUserCodeClassLoader()));
    produced = new ArrayList<>();
    function.setCollector(new Collector<>() {
      @Override
      public void collect(Object record) {
        produced.add(record);
      }

      @Override
      public void close() {}
    });
  }

  @Override
  public void close() throws Exception {
    eval.function().close();
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = arguments[i].eval(input);
    }
    produced.clear();
    eval.invoke(values);
    for (Object record : produced) {
      out.collect(joined(input, record));
    }
    if (produced.isEmpty() && leftOuter) {
      out.collect(joined(input, null));
    }
  }

  private Row joined(Row input, Object record) {
    Row row = new Row(input.getKind(), input.getArity() + functionArity);
    for (int i = 0; i < input.getArity(); i++) {
      row.setField(i, input.getField(i));
    }
    if (record != null) {
      if (atomic) {
        row.setField(input.getArity(), record);
      } else {
        Row fields = (Row) record;
        for (int i = 0; i < functionArity; i++) {
          row.setField(input.getArity() + i, fields.getField(i));
        }
      }
    }
    return row;
  }
}
