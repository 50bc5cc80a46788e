package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimerService;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.GroupAggregation;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code SESSION} window aggregate: per group, each row opens a window [time, time + gap) that
 * merges with every session of the group it overlaps or touches, so a session grows while rows keep
 * coming within the gap. When the watermark passes a session's last instant, its result goes out
 * once, as an insert, and its state is cleared. A row whose merged session has already closed (ends
 * at or behind the watermark) is late and dropped. A group's sessions are one list in keyed state,
 * ordered by start, each with its end and accumulators, so a row reads and writes its group's sessions
 * once; the input rows carry their own window's start and end in fields.
 *
 * <p>Each session has a timer at or before its last instant, not necessarily at it: a row that makes
 * a session longer leaves its timer where it is, and when the timer fires, the sessions that have not
 * closed yet set a timer at their new last instant. Rows mostly come in time order and mostly extend
 * a session, so this spares a timer deletion and a registration for nearly every row.
 *
 * <p>Over an updating input ({@link #overChangelog}) an update-before or delete row takes its row back from
 * the session its window falls in (merging sessions as a row does; a retraction never splits one), with
 * the retractable accumulators of a {@code GROUP BY}, and each session counts its rows: a session whose
 * rows were all taken back emits nothing when it closes. A retraction whose session has closed is late
 * and dropped, as a late row is. Insert-only input keeps the plain accumulators.
 *
 * <p>On processing time ({@link #processingTime}) a row's window starts at the operator's current
 * processing time (the fields give only its length, the gap), no row is late, and a session closes
 * when the processing-time clock passes its end; sessions still open when the input ends do not
 * close, as Flink quiesces pending processing-time timers then.
 */
@Internal
public final class SessionWindowAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  // The fields of a session in the list: its start, its end, then the accumulators.
  private static final int START = 0;
  private static final int END = 1;
  private static final int ACCS = 2;

  private final int startField;
  private final int endField;
  private final AggFunction[] aggs;
  private final WindowOutput output;
  private final boolean processingTime;
  // The zone whose wall clock processing-time sessions run on; null for UTC.
  private final WindowZone zone;
  // Set over an updating input: a session's accumulators and row count, in its field ACCS, which rows add
  // to or take back from.
  private final GroupAggregation changelog;
  private transient ValueState<List<Row>> sessions;
  // The last start and end read, as objects and in milliseconds: consecutive rows often share their
  // window's times (the assigner reuses them), and reading a LocalDateTime back costs more than comparing.
  private transient Object lastStart;
  private transient long lastStartMillis;
  private transient Object lastEnd;
  private transient long lastEndMillis;

  /**
   * Aggregates {@code aggs} per session; input fields {@code startField} and {@code endField} are the
   * row's own window (its time and its time plus the gap).
   */
  public SessionWindowAggFunction(int startField, int endField, AggFunction[] aggs, WindowOutput output) {
    this(startField, endField, aggs, output, false);
  }

  private SessionWindowAggFunction(int startField, int endField, AggFunction[] aggs, WindowOutput output,
      boolean processingTime) {
    this(startField, endField, aggs, output, processingTime, null, false);
  }

  private SessionWindowAggFunction(int startField, int endField, AggFunction[] aggs, WindowOutput output,
      boolean processingTime, WindowZone zone, boolean updatingInput) {
    this.startField = startField;
    this.endField = endField;
    this.aggs = aggs;
    this.output = output;
    this.processingTime = processingTime;
    this.zone = processingTime ? zone : null;
    this.changelog = updatingInput ? new GroupAggregation(new int[0], aggs) : null;
  }

  /**
   * Aggregates {@code aggs} (whose accumulators take rows back) per session of an updating input: inserts
   * and update-after rows add to their session, update-before and delete rows take back from it. On
   * {@code processingTime} a row's window starts at the current processing time, on {@code zone}'s wall
   * clock (null: UTC).
   */
  public static SessionWindowAggFunction overChangelog(int startField, int endField, AggFunction[] aggs,
      WindowOutput output, boolean processingTime, WindowZone zone) {
    return new SessionWindowAggFunction(startField, endField, aggs, output, processingTime, zone, true);
  }

  /**
   * Aggregates {@code aggs} per session of processing time: each row opens a window at the current
   * processing time, as long as the gap its fields {@code startField} and {@code endField} span, and
   * a session closes on a processing-time timer at its end; on {@code zone}'s wall clock (null: UTC),
   * where a session closes at its end's {@link WindowZone#closingInstant}.
   */
  public static SessionWindowAggFunction processingTime(int startField, int endField, AggFunction[] aggs,
      WindowOutput output, WindowZone zone) {
    return new SessionWindowAggFunction(startField, endField, aggs, output, true, zone, false);
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<?>[] types = new TypeInformation<?>[changelog == null ? aggs.length + ACCS : ACCS + 1];
    types[START] = Types.LONG;
    types[END] = Types.LONG;
    if (changelog != null) {
      types[ACCS] = changelog.accumulatorType();
    } else {
      for (int i = 0; i < aggs.length; i++) {
        types[ACCS + i] = aggs[i].accumulatorType();
      }
    }
    sessions = getRuntimeContext().getState(new ValueStateDescriptor<>("sessions",
        Types.LIST(new RowTypeInfo(types))));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT && changelog == null) {
      throw new IllegalStateException("A window aggregate takes inserts only, not " + input);
    }
    Object startTime = input.getField(startField);
    if (startTime != lastStart) {
      lastStartMillis = EpochMillis.of(startTime);
      lastStart = startTime;
    }
    Object endTime = input.getField(endField);
    if (endTime != lastEnd) {
      lastEndMillis = EpochMillis.of(endTime);
      lastEnd = endTime;
    }
    long start = lastStartMillis;
    long end = lastEndMillis;
    TimerService timers = ctx.timerService();
    if (processingTime) {
      long gap = end - start;
      start = zone == null ? timers.currentProcessingTime() : zone.toLocal(timers.currentProcessingTime());
      end = start + gap;
    }
    List<Row> list = sessions.value();
    if (list == null) {
      list = new ArrayList<>(2);
    }
    // The sessions the row's window overlaps or touches are neighbours in the list: from first to last.
    int first = -1;
    int last = -1;
    for (int i = 0; i < list.size(); i++) {
      Row session = list.get(i);
      long sessionStart = (Long) session.getField(START);
      if (sessionStart > end) {
        break;
      }
      long sessionEnd = (Long) session.getField(END);
      if (sessionEnd >= start) {
        if (first < 0) {
          first = i;
        }
        last = i;
        start = Math.min(start, sessionStart);
        end = Math.max(end, sessionEnd);
      }
    }
    if (!processingTime && end - 1 <= timers.currentWatermark()) {
      return; // late: its session has closed
    }
    Row session;
    if (first < 0) {
      session = newSession();
      int at = 0;
      while (at < list.size() && (Long) list.get(at).getField(START) < start) {
        at++;
      }
      list.add(at, session);
      registerTimer(timers, end - 1);
    } else {
      session = list.get(first);
      // The later sessions it bridges merge into it, in time order; their timers fire early and find
      // nothing of their own to close.
      for (int i = first + 1; i <= last; i++) {
        Row later = list.get(i);
        if (changelog != null) {
          changelog.merge((Row) session.getField(ACCS), (Row) later.getField(ACCS), 0);
          continue;
        }
        for (int a = 0; a < aggs.length; a++) {
          session.setField(ACCS + a, aggs[a].merge(session.getField(ACCS + a), later.getField(ACCS + a)));
        }
      }
      if (last > first) {
        list.subList(first + 1, last + 1).clear();
      }
    }
    session.setField(START, start);
    session.setField(END, end);
    if (changelog != null) {
      changelog.fold((Row) session.getField(ACCS), input);
    } else {
      for (int a = 0; a < aggs.length; a++) {
        session.setField(ACCS + a, aggs[a].accumulate(session.getField(ACCS + a), input));
      }
    }
    sessions.update(list);
  }

  private Row newSession() {
    if (changelog != null) {
      Row session = new Row(ACCS + 1);
      session.setField(ACCS, changelog.createAccumulators());
      return session;
    }
    Row session = new Row(ACCS + aggs.length);
    for (int a = 0; a < aggs.length; a++) {
      session.setField(ACCS + a, aggs[a].createAccumulator());
    }
    return session;
  }

  private void registerTimer(TimerService timers, long time) {
    if (processingTime) {
      timers.registerProcessingTimeTimer(zone == null ? time : zone.closingInstant(time + 1) - 1);
    } else {
      timers.registerEventTimeTimer(time);
    }
  }

  /**
   * Closes the group's sessions whose last instant is this timer's and sets the timer of each session
   * that a row made longer since its timer was set. Sessions close at their own timer's time, not
   * at the watermark's, so that sessions of all groups come out in the order of their ends, as they
   * would with a timer always at a session's end: a timer set at or behind the watermark fires within
   * the same advance of it, in time order.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Row> list = sessions.value();
    if (list == null) {
      return;
    }
    // On a zone's clock: the sessions whose ends it has reached, which a skipped hour makes several at once.
    long closedUpTo = zone == null ? timestamp : zone.toLocal(timestamp + 1) - 1;
    boolean changed = false;
    for (int i = 0; i < list.size(); ) {
      Row session = list.get(i);
      long end = (Long) session.getField(END);
      if (end - 1 <= closedUpTo) {
        list.remove(i);
        changed = true;
        if (changelog == null) {
          out.collect(output.result(ctx.getCurrentKey(), (Long) session.getField(START), end, aggs, session, ACCS));
        } else {
          Row accs = (Row) session.getField(ACCS);
          if (changelog.rows(accs) > 0) { // a session whose rows were all taken back has no result
            out.collect(output.result(ctx.getCurrentKey(), (Long) session.getField(START), end, aggs, accs, 0));
          }
        }
      } else {
        if (end - 1 > closedUpTo) {
          registerTimer(ctx.timerService(), end - 1); // set once: a session's timer may be set already
        }
        i++;
      }
    }
    if (list.isEmpty()) {
      sessions.clear();
    } else if (changed) {
      sessions.update(list);
    }
  }
}
