package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimerService;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code SESSION} window aggregate: per group, each row opens a window [time, time + gap) that
 * merges with every session of the group it overlaps or touches, so a session grows while rows keep
 * coming within the gap. When the watermark passes a session's last instant, its result goes out
 * once, as an insert, and its state is cleared. A row whose merged session has already closed (ends
 * at or behind the watermark) is late and dropped. Sessions are kept in keyed state by start, each
 * with its end and accumulators; the input rows carry their own window's start and end in fields.
 *
 * <p>On processing time ({@link #processingTime}) a row's window starts at the operator's current
 * processing time (the fields give only its length, the gap), no row is late, and a session closes
 * when the processing-time clock passes its end; sessions still open when the input ends do not
 * close, as Flink quiesces pending processing-time timers then.
 */
@Internal
public final class SessionWindowAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int startField;
  private final int endField;
  private final AggFunction[] aggs;
  private final WindowOutput output;
  private final boolean processingTime;
  private transient MapState<Long, Row> sessions;

  /**
   * Aggregates {@code aggs} per session; input fields {@code startField} and {@code endField} are the
   * row's own window (its time and its time plus the gap).
   */
  public SessionWindowAggFunction(int startField, int endField, AggFunction[] aggs, WindowOutput output) {
    this(startField, endField, aggs, output, false);
  }

  private SessionWindowAggFunction(int startField, int endField, AggFunction[] aggs, WindowOutput output,
      boolean processingTime) {
    this.startField = startField;
    this.endField = endField;
    this.aggs = aggs;
    this.output = output;
    this.processingTime = processingTime;
  }

  /**
   * Aggregates {@code aggs} per session of processing time: each row opens a window at the current
   * processing time, as long as the gap its fields {@code startField} and {@code endField} span, and
   * a session closes on a processing-time timer at its end.
   */
  public static SessionWindowAggFunction processingTime(int startField, int endField, AggFunction[] aggs,
      WindowOutput output) {
    return new SessionWindowAggFunction(startField, endField, aggs, output, true);
  }

  @Override
  public void open(OpenContext context) {
    // A session: its end, then the accumulators.
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length + 1];
    types[0] = Types.LONG;
    for (int i = 0; i < aggs.length; i++) {
      types[i + 1] = aggs[i].accumulatorType();
    }
    sessions = getRuntimeContext().getMapState(new MapStateDescriptor<>("sessions", Types.LONG,
        new RowTypeInfo(types)));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window aggregate takes inserts only, not " + input);
    }
    long start = EpochMillis.of(input.getField(startField));
    long end = EpochMillis.of(input.getField(endField));
    TimerService timers = ctx.timerService();
    if (processingTime) {
      long gap = end - start;
      start = timers.currentProcessingTime();
      end = start + gap;
    }
    List<Map.Entry<Long, Row>> merged = new ArrayList<>();
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      long sessionStart = session.getKey();
      long sessionEnd = (Long) session.getValue().getField(0);
      if (sessionStart <= end && sessionEnd >= start) {
        merged.add(Map.entry(sessionStart, session.getValue()));
        start = Math.min(start, sessionStart);
        end = Math.max(end, sessionEnd);
      }
    }
    if (!processingTime && end - 1 <= timers.currentWatermark()) {
      return; // late: its session has closed
    }
    if (merged.size() == 1 && merged.get(0).getKey() == start) {
      extend(merged.get(0).getValue(), start, end, input, timers);
      return;
    }
    Row session = new Row(aggs.length + 1);
    for (int i = 0; i < aggs.length; i++) {
      session.setField(i + 1, aggs[i].createAccumulator());
    }
    for (Map.Entry<Long, Row> old : merged) {
      sessions.remove(old.getKey());
      long oldTimer = (Long) old.getValue().getField(0) - 1;
      if (processingTime) {
        timers.deleteProcessingTimeTimer(oldTimer);
      } else {
        timers.deleteEventTimeTimer(oldTimer);
      }
      for (int i = 0; i < aggs.length; i++) {
        session.setField(i + 1, aggs[i].merge(session.getField(i + 1), old.getValue().getField(i + 1)));
      }
    }
    for (int i = 0; i < aggs.length; i++) {
      session.setField(i + 1, aggs[i].accumulate(session.getField(i + 1), input));
    }
    session.setField(0, end);
    sessions.put(start, session);
    if (processingTime) {
      timers.registerProcessingTimeTimer(end - 1);
    } else {
      timers.registerEventTimeTimer(end - 1);
    }
  }

  /**
   * Adds {@code input} to the one session it overlaps, which it does not make start earlier: the
   * common case of rows coming in time order, done in place, without a new session to merge into.
   */
  private void extend(Row session, long start, long end, Row input, TimerService timers) throws Exception {
    for (int i = 0; i < aggs.length; i++) {
      session.setField(i + 1, aggs[i].accumulate(session.getField(i + 1), input));
    }
    long oldEnd = (Long) session.getField(0);
    if (oldEnd != end) {
      session.setField(0, end);
      if (processingTime) {
        timers.deleteProcessingTimeTimer(oldEnd - 1);
        timers.registerProcessingTimeTimer(end - 1);
      } else {
        timers.deleteEventTimeTimer(oldEnd - 1);
        timers.registerEventTimeTimer(end - 1);
      }
    }
    sessions.put(start, session);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    Long closed = null;
    Row accs = null;
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      if ((Long) session.getValue().getField(0) - 1 == timestamp) {
        closed = session.getKey();
        accs = session.getValue();
        break;
      }
    }
    if (closed == null) {
      return;
    }
    sessions.remove(closed);
    out.collect(output.result(ctx.getCurrentKey(), closed, timestamp + 1, aggs, accs, 1));
  }
}
