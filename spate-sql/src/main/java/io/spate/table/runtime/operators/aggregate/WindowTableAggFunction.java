package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.runtime.keys.KeyFields;
import io.spate.api.types.RowKind;
import io.spate.table.api.TableException;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.functions.FunctionInvoker;

/**
 * A table aggregate ({@code flatAggregate}) per window and group of window table function rows: the
 * group's accumulator fills until the watermark passes the window's last instant, then the rows the
 * function emits go out once, as inserts, and the state is cleared. Rows of a window that already
 * fired are late and dropped, as for window aggregates.
 */
@Internal
public final class WindowTableAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int windowEndField;
  private final int[] arguments;
  private final FunctionInvoker accumulate;
  private final FunctionInvoker emit;
  private final TypeInformation<?> accumulatorType;
  private final EmittedRows emitted;
  private transient ValueState<Object> accumulator;

  /**
   * Calls {@code accumulate} with the input fields {@code arguments} and, when the window (ending at
   * input field {@code windowEndField}) closes, {@code emit}; output rows are the group's key, then the
   * emitted row as {@code emitted} converts it.
   */
  public WindowTableAggFunction(int windowEndField, int[] arguments, FunctionInvoker accumulate, FunctionInvoker emit,
      TypeInformation<?> accumulatorType, EmittedRows emitted) {
    this.windowEndField = windowEndField;
    this.arguments = arguments;
    this.accumulate = accumulate;
    this.emit = emit;
    this.accumulatorType = accumulatorType;
    this.emitted = emitted;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open(OpenContext context) {
    accumulator = getRuntimeContext().getState(new ValueStateDescriptor<>("window-table-accumulator",
        (TypeInformation) accumulatorType));
    // Opened with the job's parameters before the first row, as Flink does.
    accumulate.function().open(new FunctionContext(getRuntimeContext().getGlobalJobParameters(),
        getRuntimeContext().getUserCodeClassLoader()));
  }

  @Override
  public void close() throws Exception {
    accumulate.function().close();
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window table aggregate takes inserts only, not " + input);
    }
    long lastInstant = EpochMillis.of(input.getField(windowEndField)) - 1;
    if (lastInstant <= ctx.timerService().currentWatermark()) {
      return; // late: the window has fired
    }
    Object acc = accumulator.value();
    if (acc == null) {
      acc = ((TableAggregateFunction<?, ?>) accumulate.function().get()).createAccumulator();
      ctx.timerService().registerEventTimeTimer(lastInstant);
    }
    Object[] values = new Object[arguments.length + 1];
    values[0] = acc;
    for (int i = 0; i < arguments.length; i++) {
      values[i + 1] = input.getField(arguments[i]);
    }
    accumulate.invoke(values);
    accumulator.update(acc);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    Object acc = accumulator.value();
    if (acc == null) {
      return;
    }
    Object key = ctx.getCurrentKey();
    int keyArity = KeyFields.arity(key);
    emit.invoke(acc, new TableAggregateFunction.RetractableCollector<Object>() {
      @Override
      public void collect(Object record) {
        Row row = new Row(keyArity + 1);
        for (int i = 0; i < keyArity; i++) {
          row.setField(i, KeyFields.get(key, i));
        }
        row.setField(keyArity, emitted.convert(record));
        out.collect(row);
      }

      @Override
      public void retract(Object record) {
        throw new TableException("A window's flatAggregate emits its rows once, when the window closes, so "
            + accumulate.function().get().functionIdentifier() + " cannot retract " + record + " there");
      }
    });
    accumulator.clear();
  }
}
