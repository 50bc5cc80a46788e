package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.TableFunction;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedJoinedCalc;
import io.spate.table.runtime.generated.GeneratedTableCall;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LATERAL TABLE(f(...))}: calls a user's table function for each input row and emits the input
 * row joined with each row the function gives (keeping the input's change kind); a left join emits
 * the input row with NULLs when the function gives none.
 *
 * <p>With generated code, a generated class evaluates the arguments and calls {@code eval} directly
 * (instead of a reflective call with arrays of arguments), and the filter and projections of a calc
 * above the join run on the input row and the function's row as they are, without a joined row.
 */
@Internal
public final class TableFunctionJoin extends RichFlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final FunctionInvoker eval;
  private final Expr[] arguments;
  private final GeneratedCalcCode callCode;
  private final GeneratedCalcCode calcCode;
  private final OpenedFunction[] functions;
  private final boolean atomic;
  private final int functionArity;
  private final boolean leftOuter;
  private transient List<Object> produced;
  private transient GeneratedTableCall call;
  private transient GeneratedJoinedCalc calc;
  private transient Row atomicRow;
  private transient Row nullRow;

  /**
   * Calls {@code eval} with {@code arguments} (over the input row); {@code atomic} if the function's
   * rows are single values; {@code functionArity} columns per function row; {@code leftOuter} for a
   * LEFT JOIN.
   */
  public TableFunctionJoin(FunctionInvoker eval, List<Expr> arguments, boolean atomic, int functionArity,
      boolean leftOuter) {
    this(eval, arguments, null, null, List.of(), atomic, functionArity, leftOuter);
  }

  /**
   * As above, with {@code callCode} (or null) the generated class of the call, which replaces
   * {@code eval} and {@code arguments}, and {@code calcCode} (or null) the generated calc over the input
   * row and the function's row whose results this join emits instead of the joined rows; both may call
   * the user's scalar {@code functions}, which this join opens and closes.
   */
  public TableFunctionJoin(FunctionInvoker eval, List<Expr> arguments, GeneratedCalcCode callCode,
      GeneratedCalcCode calcCode, List<OpenedFunction> functions, boolean atomic, int functionArity,
      boolean leftOuter) {
    this.eval = eval;
    this.arguments = arguments.toArray(new Expr[0]);
    this.callCode = callCode;
    this.calcCode = calcCode;
    this.functions = functions.toArray(new OpenedFunction[0]);
    this.atomic = atomic;
    this.functionArity = functionArity;
    this.leftOuter = leftOuter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    ClassLoader classLoader = getRuntimeContext().getUserCodeClassLoader();
    FunctionContext context = new FunctionContext(getRuntimeContext().getGlobalJobParameters(), classLoader);
    TableFunction<Object> function = (TableFunction<Object>) eval.function().open(context);
    for (OpenedFunction scalar : functions) {
      scalar.open(context);
    }
    produced = new ArrayList<>();
    // The function's rows are buffered and emitted after eval returns, so that a failure downstream
    // is never reported as the function's.
    function.setCollector(new Collector<>() {
      @Override
      public void collect(Object record) {
        produced.add(record);
      }

      @Override
      public void close() {}
    });
    call = callCode == null ? null : callCode.newInstance(classLoader, GeneratedTableCall.class);
    calc = calcCode == null ? null : calcCode.newInstance(classLoader, GeneratedJoinedCalc.class);
    atomicRow = new Row(1);
    nullRow = new Row(functionArity);
  }

  @Override
  public void close() throws Exception {
    eval.function().close();
    for (OpenedFunction scalar : functions) {
      scalar.close();
    }
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    produced.clear();
    if (call != null) {
      call.call(input);
    } else {
      Object[] values = new Object[arguments.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments[i].eval(input);
      }
      eval.invoke(values);
    }
    int count = produced.size();
    for (int i = 0; i < count; i++) {
      emit(input, produced.get(i), out);
    }
    if (count == 0 && leftOuter) {
      emit(input, null, out);
    }
  }

  private void emit(Row input, Object record, Collector<Row> out) {
    if (calc == null) {
      out.collect(joined(input, record));
      return;
    }
    Row right;
    if (record == null) {
      right = nullRow;
    } else if (atomic) {
      // The generated calc only reads the function's row, so one row serves every record.
      atomicRow.setField(0, record);
      right = atomicRow;
    } else {
      right = (Row) record;
    }
    Row output = calc.process(input, right);
    if (output != null) {
      out.collect(output);
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
