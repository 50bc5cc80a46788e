package io.spate.table.runtime.operators.setop;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.StateRetention;

/**
 * A set operation ({@code UNION}, {@code INTERSECT [ALL]}, {@code EXCEPT [ALL]}) of two changelogs
 * keyed by the whole row: per distinct row it keeps how often each input has it, and when a change
 * of either input changes how often the result has the row, it emits the difference, as inserts or
 * deletes of the row. In batch mode ({@code bounded}) it emits each row's final count once the
 * input has ended (the final watermark fires its timer), as inserts only.
 */
@Internal
public final class SetOperationFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SetOperation operation;
  private final boolean bounded;
  private final long stateRetentionMillis;
  private transient ValueState<Long> leftCount;
  private transient ValueState<Long> rightCount;

  /**
   * The {@code operation}, emitting changes as they happen or, if {@code bounded}, the final rows at
   * the end; a row untouched for {@code stateRetentionMillis} (0: for ever) is forgotten.
   */
  public SetOperationFunction(SetOperation operation, boolean bounded, long stateRetentionMillis) {
    this.operation = operation;
    this.bounded = bounded;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    leftCount = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("left-count", Types.LONG), stateRetentionMillis));
    rightCount = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("right-count", Types.LONG), stateRetentionMillis));
  }

  @Override
  public void processElement1(Row value, Context ctx, Collector<Row> out) throws Exception {
    arrive(value, leftCount, ctx, out);
  }

  @Override
  public void processElement2(Row value, Context ctx, Collector<Row> out) throws Exception {
    arrive(value, rightCount, ctx, out);
  }

  private void arrive(Row input, ValueState<Long> side, Context ctx, Collector<Row> out) throws Exception {
    long left = valueOf(leftCount);
    long right = valueOf(rightCount);
    long before = operation.count(left, right);
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    long now = valueOf(side) + (adds ? 1 : -1);
    if (side == leftCount) {
      left = now;
    } else {
      right = now;
    }
    store(side, now);
    if (bounded) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      return;
    }
    emit(input, operation.count(left, right) - before, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    emit(ctx.getCurrentKey(), operation.count(valueOf(leftCount), valueOf(rightCount)), out);
    leftCount.clear();
    rightCount.clear();
  }

  private static void emit(Row row, long difference, Collector<Row> out) {
    RowKind kind = difference > 0 ? RowKind.INSERT : RowKind.DELETE;
    for (long i = 0; i < Math.abs(difference); i++) {
      Row change = Row.copy(row);
      change.setKind(kind);
      out.collect(change);
    }
  }

  private static long valueOf(ValueState<Long> count) throws Exception {
    Long value = count.value();
    return value == null ? 0 : value;
  }

  private static void store(ValueState<Long> count, long value) throws Exception {
    if (value == 0) {
      count.clear();
    } else {
      count.update(value);
    }
  }
}
