package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.operators.StateRetention;

/**
 * A table aggregate ({@code flatAggregate}) over a changelog, per key: the key's accumulator and row
 * count live in keyed state; inserts and update-afters accumulate, deletes and update-befores
 * retract. With {@code emitValue}, each change deletes the rows the key emitted last (by emitting
 * them again from the accumulator before the change) and inserts what it emits after it; with
 * {@code emitUpdateWithRetract}, only the rows the function collects (inserts) and retracts
 * (deletes). A key whose last row is taken back leaves no state.
 */
@Internal
public final class GroupTableAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[] keyFields;
  private final int[] arguments;
  private final FunctionInvoker accumulate;
  private final FunctionInvoker retract;
  private final FunctionInvoker emit;
  private final boolean incremental;
  private final TypeInformation<?> accumulatorType;
  private final EmittedRows emitted;
  private final long stateRetentionMillis;
  private transient ValueState<Row> state;
  private transient Emitter emitter;

  /**
   * Calls {@code accumulate} (and {@code retract}, null if the input is insert-only) with the input
   * fields {@code arguments}, and {@code emit}, the function's {@code emitUpdateWithRetract} if
   * {@code incremental}, else its {@code emitValue}; output rows are the key's fields ({@code
   * keyFields} of the input), then the emitted row as {@code emitted} converts it. A key without
   * input for {@code stateRetentionMillis} (0: for ever) starts afresh.
   */
  public GroupTableAggFunction(int[] keyFields, int[] arguments, FunctionInvoker accumulate, FunctionInvoker retract,
      FunctionInvoker emit, boolean incremental, TypeInformation<?> accumulatorType, EmittedRows emitted,
      long stateRetentionMillis) {
    this.keyFields = keyFields;
    this.arguments = arguments;
    this.accumulate = accumulate;
    this.retract = retract;
    this.emit = emit;
    this.incremental = incremental;
    this.accumulatorType = accumulatorType;
    this.emitted = emitted;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    RowTypeInfo type = new RowTypeInfo(accumulatorType, Types.LONG);
    state = getRuntimeContext().getState(StateRetention.apply(new ValueStateDescriptor<>("table-accumulator", type),
        stateRetentionMillis));
    emitter = new Emitter();
    openUserFunction();
  }

  /** Opens the table aggregate function with the job's parameters before the first row, as Flink does. */
  private void openUserFunction() {
    accumulate.function().open(new FunctionContext(getRuntimeContext().getGlobalJobParameters(),
        getRuntimeContext().getUserCodeClassLoader()));
  }

  @Override
  public void close() throws Exception {
    accumulate.function().close();
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    Row current = state.value();
    emitter.reset(input, out);
    if (current == null) {
      if (!adds) {
        return; // a retraction of a key whose state expired
      }
      current = Row.of(tableAggregate().createAccumulator(), 0L);
    } else if (!incremental) {
      emitter.deleting = true;
      emit.invoke(current.getField(0), emitter);
      emitter.deleting = false;
    }
    Object accumulator = current.getField(0);
    call(adds ? accumulate : retract, accumulator, input);
    long rows = (Long) current.getField(1) + (adds ? 1 : -1);
    current.setField(1, rows);
    if (rows > 0 || incremental) {
      emit.invoke(accumulator, emitter);
    }
    if (rows > 0) {
      state.update(current);
    } else {
      state.clear();
    }
  }

  private void call(FunctionInvoker method, Object accumulator, Row input) {
    Object[] values = new Object[arguments.length + 1];
    values[0] = accumulator;
    for (int i = 0; i < arguments.length; i++) {
      values[i + 1] = input.getField(arguments[i]);
    }
    method.invoke(values);
  }

  private TableAggregateFunction<?, ?> tableAggregate() {
    return (TableAggregateFunction<?, ?>) accumulate.function().get();
  }

  /** The collector the function emits into: each row becomes an output row with the key's fields. */
  private final class Emitter implements TableAggregateFunction.RetractableCollector<Object> {
    private Row keySource;
    private Collector<Row> out;
    private boolean deleting;

    void reset(Row keySource, Collector<Row> out) {
      this.keySource = keySource;
      this.out = out;
    }

    @Override
    public void collect(Object record) {
      out.collect(row(record, deleting ? RowKind.DELETE : RowKind.INSERT));
    }

    @Override
    public void retract(Object record) {
      out.collect(row(record, RowKind.DELETE));
    }

    private Row row(Object record, RowKind kind) {
      Row row = new Row(kind, keyFields.length + 1);
      for (int i = 0; i < keyFields.length; i++) {
        row.setField(i, keySource.getField(keyFields[i]));
      }
      row.setField(keyFields.length, emitted.convert(record));
      return row;
    }
  }
}
