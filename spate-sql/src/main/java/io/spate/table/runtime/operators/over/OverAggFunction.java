package io.spate.table.runtime.operators.over;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimeDomain;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.IdleKeyCleanup;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * An OVER aggregate ordered by a time attribute, per partition key; each row goes out with its
 * aggregates over its frame appended. Frames end at the current row and start {@code n} rows or an
 * interval before it, or at the partition's first row. In event time each row waits in state until
 * the watermark passes its time; then the rows go out in time order (rows of one time in the order
 * they came), and in a RANGE frame the rows of one time are peers: each sees all of them. A row not
 * later than the watermark when it arrives is dropped, as in Flink. In processing time each row goes
 * out when it arrives, its time being the time it is processed.
 */
@Internal
public final class OverAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final boolean processingTime;
  private final boolean rowsFrame;
  private final long preceding;
  private final AggFunction[] aggs;
  private final RowTypeInfo inputType;
  private final IdleKeyCleanup cleanup;
  private transient MapState<Long, List<Row>> pending;
  private transient MapState<Long, List<Row>> frameRows;
  private transient ValueState<Row> accumulators;

  /**
   * Aggregates {@code aggs} over rows of {@code inputType} ordered by the event time in field
   * {@code timeField}, or by processing time if {@code timeField} is negative; the frame is
   * {@code preceding} rows ({@code rowsFrame}) or milliseconds before the current row, or unbounded if
   * {@code preceding} is negative. A partition without input for {@code stateRetentionMillis} (0: for
   * ever) is forgotten, unless rows of it still wait for the watermark.
   */
  public OverAggFunction(int timeField, boolean rowsFrame, long preceding, AggFunction[] aggs,
      RowTypeInfo inputType, long stateRetentionMillis) {
    this.cleanup = new IdleKeyCleanup(stateRetentionMillis);
    this.timeField = timeField;
    this.processingTime = timeField < 0;
    this.rowsFrame = rowsFrame;
    this.preceding = preceding;
    this.aggs = aggs;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<List<Row>> rowList = Types.LIST(inputType);
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("over-pending-rows", Types.LONG, rowList));
    frameRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("over-frame-rows", Types.LONG, rowList));
    // The accumulators, then how many rows the frame holds.
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length + 1];
    for (int i = 0; i < aggs.length; i++) {
      types[i] = aggs[i].accumulatorType();
    }
    types[aggs.length] = Types.LONG;
    accumulators = getRuntimeContext().getState(new ValueStateDescriptor<>("over-accumulators",
        new RowTypeInfo(types)));
    cleanup.open(getRuntimeContext(), "over");
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("An OVER aggregate takes inserts only, not " + input);
    }
    cleanup.touch(ctx.timerService());
    if (processingTime) {
      emit(ctx.timerService().currentProcessingTime(), new ArrayList<>(List.of(input)), out);
      return;
    }
    Object time = input.getField(timeField);
    if (time == null) {
      return;
    }
    long timestamp = EpochMillis.of(time);
    if (timestamp <= ctx.timerService().currentWatermark()) {
      return; // late: rows of this time or later already went out
    }
    List<Row> rows = pending.get(timestamp);
    if (rows == null) {
      rows = new ArrayList<>();
      ctx.timerService().registerEventTimeTimer(timestamp);
    }
    rows.add(input);
    pending.put(timestamp, rows);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (cleanup.isDue(timestamp, ctx.timerService())) {
        if (pending.isEmpty()) {
          frameRows.clear();
          accumulators.clear();
          cleanup.cleared();
        } else {
          cleanup.postpone(timestamp, ctx.timerService());
        }
      }
      return;
    }
    List<Row> rows = pending.get(timestamp);
    if (rows == null) {
      return;
    }
    pending.remove(timestamp);
    emit(timestamp, rows, out);
  }

  /** Adds {@code rows}, all of time {@code timestamp}, to the frame and emits each with its aggregates. */
  private void emit(long timestamp, List<Row> rows, Collector<Row> out) throws Exception {
    Row accs = accumulators.value();
    if (accs == null) {
      accs = new Row(aggs.length + 1);
      for (int i = 0; i < aggs.length; i++) {
        accs.setField(i, aggs[i].createAccumulator());
      }
      accs.setField(aggs.length, 0L);
    }
    if (rowsFrame) {
      emitRowsFrames(timestamp, rows, accs, out);
    } else {
      emitRangeFrames(timestamp, rows, accs, out);
    }
    accumulators.update(accs);
  }

  private void emitRowsFrames(long timestamp, List<Row> rows, Row accs, Collector<Row> out) throws Exception {
    for (Row row : rows) {
      accumulate(accs, row, true);
      if (preceding >= 0) {
        List<Row> atTime = frameRows.get(timestamp);
        if (atTime == null) {
          atTime = new ArrayList<>();
        }
        atTime.add(row);
        frameRows.put(timestamp, atTime);
        if ((Long) accs.getField(aggs.length) > preceding + 1) {
          retractOldest(accs);
        }
      }
      out.collect(result(row, accs));
    }
  }

  /** Takes the first row of the earliest time in the frame out of it. */
  private void retractOldest(Row accs) throws Exception {
    long oldest = Long.MAX_VALUE;
    for (Long time : frameRows.keys()) {
      oldest = Math.min(oldest, time);
    }
    List<Row> atOldest = frameRows.get(oldest);
    accumulate(accs, atOldest.remove(0), false);
    if (atOldest.isEmpty()) {
      frameRows.remove(oldest);
    } else {
      frameRows.put(oldest, atOldest);
    }
  }

  private void emitRangeFrames(long timestamp, List<Row> rows, Row accs, Collector<Row> out) throws Exception {
    if (preceding >= 0) {
      List<Long> expired = new ArrayList<>();
      for (Long time : frameRows.keys()) {
        if (time < timestamp - preceding) {
          expired.add(time);
        }
      }
      for (Long time : expired) {
        for (Row row : frameRows.get(time)) {
          accumulate(accs, row, false);
        }
        frameRows.remove(time);
      }
      List<Row> atTime = frameRows.get(timestamp);
      if (atTime == null) {
        atTime = new ArrayList<>();
      }
      atTime.addAll(rows);
      frameRows.put(timestamp, atTime);
    }
    for (Row row : rows) {
      accumulate(accs, row, true);
    }
    for (Row row : rows) {
      out.collect(result(row, accs));
    }
  }

  private void accumulate(Row accs, Row row, boolean add) {
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, add ? aggs[i].accumulate(accs.getField(i), row) : aggs[i].retract(accs.getField(i), row));
    }
    accs.setField(aggs.length, (Long) accs.getField(aggs.length) + (add ? 1 : -1));
  }

  private Row result(Row input, Row accs) {
    Row result = new Row(RowKind.INSERT, input.getArity() + aggs.length);
    for (int i = 0; i < input.getArity(); i++) {
      result.setField(i, input.getField(i));
    }
    for (int i = 0; i < aggs.length; i++) {
      result.setField(input.getArity() + i, aggs[i].getValue(accs.getField(i)));
    }
    return result;
  }
}
