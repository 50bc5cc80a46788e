package io.spate.table.runtime.operators.sort;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimeDomain;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.rank.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ORDER BY} a time attribute (ascending) and further keys, over inserts: each row waits in
 * state under its time until that time has passed, then goes out with the other rows of the same
 * time, sorted by the further keys. On event time a row's time passes when the watermark reaches it
 * (a row at or behind the watermark when it arrives is late and dropped, as in Flink); on processing
 * time the rows that arrived within one millisecond go out together once the clock moves on, and
 * the rows still waiting when a bounded input ends go out then.
 */
@Internal
public final class TemporalSortFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int rowtimeField;
  private final SortOrder furtherKeys;
  private final RowTypeInfo inputType;
  private transient MapState<Long, List<Row>> waiting;

  /**
   * Sorts rows of {@code inputType} by the event time in {@code rowtimeField} (or by processing
   * time if it is -1), then by {@code furtherKeys}.
   */
  public TemporalSortFunction(int rowtimeField, SortOrder furtherKeys, RowTypeInfo inputType) {
    this.rowtimeField = rowtimeField;
    this.furtherKeys = furtherKeys;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("sort-waiting-rows", Types.LONG,
        Types.LIST(inputType)));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A sort on a time attribute takes inserts only, not " + input);
    }
    long time;
    if (rowtimeField >= 0) {
      Object rowtime = input.getField(rowtimeField);
      if (rowtime == null) {
        return;
      }
      time = EpochMillis.of(rowtime);
      if (time <= ctx.timerService().currentWatermark()) {
        return; // late: rows of this time went out already
      }
      ctx.timerService().registerEventTimeTimer(time);
    } else {
      time = ctx.timerService().currentProcessingTime() + 1;
      ctx.timerService().registerProcessingTimeTimer(time);
      // The final watermark of a bounded input fires this, so no row waits for a clock that stopped.
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    List<Row> rows = waiting.get(time);
    if (rows == null) {
      rows = new ArrayList<>();
    }
    rows.add(input);
    waiting.put(time, rows);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (rowtimeField < 0 && ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      List<Long> times = new ArrayList<>();
      waiting.keys().forEach(times::add);
      times.sort(null);
      for (long time : times) {
        emit(time, out);
      }
      return;
    }
    emit(timestamp, out);
  }

  private void emit(long timestamp, Collector<Row> out) throws Exception {
    List<Row> rows = waiting.get(timestamp);
    if (rows == null) {
      return;
    }
    waiting.remove(timestamp);
    rows.sort(furtherKeys);
    for (Row row : rows) {
      out.collect(row);
    }
  }
}
