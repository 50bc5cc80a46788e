package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code SESSION} window table function on its own: per partition, rows are held in their
 * session (which merges as rows arrive, as in {@link SessionWindowAggFunction}) until the watermark
 * passes the session's end; then each row goes out once, as an insert, with the session's
 * {@code window_start}, {@code window_end} and {@code window_time} in its last three fields. A row
 * whose session has closed is late and dropped. The input rows carry their own window [time, time +
 * gap) in those fields.
 */
@Internal
public final class SessionWindowTableFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<Row> rowType;
  // Null, or the zone whose wall-clock times the sessions of instants (TIMESTAMP_LTZ) are in.
  private final WindowZone zone;
  private transient MapState<Long, Row> sessions;

  /** Sessions of rows of {@code rowType}, whose last three fields are the window columns. */
  public SessionWindowTableFunction(TypeInformation<Row> rowType) {
    this(rowType, null);
  }

  /**
   * As {@link #SessionWindowTableFunction(TypeInformation)}, for sessions of instants in {@code zone}'s
   * wall-clock time if it is not null (the input's window columns and the watermarks are in it).
   */
  public SessionWindowTableFunction(TypeInformation<Row> rowType, WindowZone zone) {
    this.rowType = rowType;
    this.zone = zone;
  }

  @Override
  public void open(OpenContext context) {
    // A session: its end, then its rows.
    sessions = getRuntimeContext().getMapState(new MapStateDescriptor<>("session-rows", Types.LONG,
        new RowTypeInfo(Types.LONG, Types.LIST(rowType))));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("The SESSION window function takes inserts only, not " + input);
    }
    int startField = input.getArity() - 3;
    long start = EpochMillis.of(input.getField(startField));
    long end = EpochMillis.of(input.getField(startField + 1));
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
    if (end - 1 <= ctx.timerService().currentWatermark()) {
      return; // late: its session has closed
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Long, Row> old : merged) {
      sessions.remove(old.getKey());
      ctx.timerService().deleteEventTimeTimer((Long) old.getValue().getField(0) - 1);
      rows.addAll(rowsOf(old.getValue()));
    }
    rows.add(input);
    sessions.put(start, Row.of(end, rows));
    ctx.timerService().registerEventTimeTimer(end - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    Long closed = null;
    List<Row> rows = null;
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      if ((Long) session.getValue().getField(0) - 1 == timestamp) {
        closed = session.getKey();
        rows = rowsOf(session.getValue());
        break;
      }
    }
    if (closed == null) {
      return;
    }
    sessions.remove(closed);
    for (Row row : rows) {
      int startField = row.getArity() - 3;
      boolean local = zone == null && row.getField(startField) instanceof LocalDateTime;
      out.collect(SliceAssigner.withWindow(Row.project(row, range(startField)), closed, timestamp + 1, local, zone));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Row> rowsOf(Row session) {
    return (List<Row>) session.getField(1);
  }

  private static int[] range(int count) {
    int[] fields = new int[count];
    for (int i = 0; i < count; i++) {
      fields[i] = i;
    }
    return fields;
  }
}
