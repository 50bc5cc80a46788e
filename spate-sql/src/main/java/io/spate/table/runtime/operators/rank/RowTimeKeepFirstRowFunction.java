package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.StateRetention;

/**
 * Deduplication that keeps each key's first row in event time ({@code ROW_NUMBER() OVER (PARTITION
 * BY k ORDER BY rowtime ASC) = 1}), as an insert only: the key's earliest row so far waits until the
 * watermark passes its time and then goes out once; rows of the key after that, and rows behind the
 * watermark when they arrive, are dropped (Flink's insert-only keep-first deduplication on event time).
 */
@Internal
public final class RowTimeKeepFirstRowFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<Row> earliest;
  private transient ValueState<Boolean> emitted;

  /**
   * Keeps the row of rows of {@code inputType} whose field {@code timeField} is first.
   * A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public RowTimeKeepFirstRowFunction(int timeField, RowTypeInfo inputType, long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.timeField = timeField;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    earliest = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("earliest-row", inputType), stateRetentionMillis));
    emitted = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("first-row-emitted", Types.BOOLEAN), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This deduplication takes inserts only, not " + input);
    }
    if (Boolean.TRUE.equals(emitted.value()) || input.getField(timeField) == null) {
      return;
    }
    long time = EpochMillis.of(input.getField(timeField));
    if (time < ctx.timerService().currentWatermark()) {
      return; // late
    }
    Row current = earliest.value();
    if (current == null || time < EpochMillis.of(current.getField(timeField))) {
      earliest.update(input);
      ctx.timerService().registerEventTimeTimer(time);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    Row first = earliest.value();
    if (first == null || EpochMillis.of(first.getField(timeField)) > timestamp) {
      return;
    }
    earliest.clear();
    emitted.update(true);
    Row result = Row.copy(first);
    result.setKind(RowKind.INSERT);
    out.collect(result);
  }
}
