package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.runtime.keys.KeyFields;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import java.util.Objects;

/**
 * An aggregate over window table function rows, grouped by {@code window_start}, {@code window_end}
 * and other keys: each group's accumulators fill until the watermark passes the window's last
 * instant, then its result goes out once, as an insert, and its state is cleared. Rows of a window
 * that already fired are late and dropped, as in Flink.
 *
 * <p>On processing time ({@link #processingTime}), as a window aggregate over the windows of a
 * processing-time window aggregate is, a group's result goes out when the clock closes its window
 * ({@link WindowZone#closingInstant}); a row is never late, since the clock that closed its window also
 * made it, so a row that comes after its window closed goes out at once in a result of its own, as in Flink.
 */
@Internal
public final class WindowAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int windowEndField;
  private final AggFunction[] aggs;
  private final WindowZone clock; // null: event time
  private transient ValueState<Row> accumulators;

  /** Aggregates {@code aggs} per group; the group's window ends at input field {@code windowEndField}. */
  public WindowAggFunction(int windowEndField, AggFunction[] aggs) {
    this(windowEndField, aggs, null);
  }

  private WindowAggFunction(int windowEndField, AggFunction[] aggs, WindowZone clock) {
    this.windowEndField = windowEndField;
    this.aggs = aggs;
    this.clock = clock;
  }

  /**
   * Aggregates {@code aggs} per group of processing-time windows, whose ends (input field {@code windowEndField})
   * are wall-clock times of {@code clock}'s zone; a group's result goes out when that clock passes its end.
   */
  public static WindowAggFunction processingTime(int windowEndField, AggFunction[] aggs, WindowZone clock) {
    return new WindowAggFunction(windowEndField, aggs, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length];
    for (int i = 0; i < aggs.length; i++) {
      types[i] = aggs[i].accumulatorType();
    }
    accumulators = getRuntimeContext().getState(new ValueStateDescriptor<>("window-accumulators",
        new RowTypeInfo(types)));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window aggregate takes inserts only, not " + input);
    }
    long windowEnd = EpochMillis.of(input.getField(windowEndField));
    if (clock == null && windowEnd - 1 <= ctx.timerService().currentWatermark()) {
      return; // late: the window has fired
    }
    Row accs = accumulators.value();
    if (accs == null) {
      accs = new Row(aggs.length);
      for (int i = 0; i < aggs.length; i++) {
        accs.setField(i, aggs[i].createAccumulator());
      }
      if (clock == null) {
        ctx.timerService().registerEventTimeTimer(windowEnd - 1);
      } else {
        ctx.timerService().registerProcessingTimeTimer(clock.closingInstant(windowEnd) - 1);
      }
    }
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, aggs[i].accumulate(accs.getField(i), input));
    }
    accumulators.update(accs);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    Row accs = accumulators.value();
    if (accs == null) {
      return;
    }
    Object key = ctx.getCurrentKey();
    int keyArity = KeyFields.arity(key);
    Row result = new Row(keyArity + aggs.length);
    for (int i = 0; i < keyArity; i++) {
      result.setField(i, KeyFields.get(key, i));
    }
    for (int i = 0; i < aggs.length; i++) {
      result.setField(keyArity + i, aggs[i].getValue(accs.getField(i)));
    }
    accumulators.clear();
    out.collect(result);
  }
}
