package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.keys.KeyFields;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import java.io.Serializable;

/**
 * The row a window aggregate emits for one window and group: the aggregate's group fields in order,
 * each either a field of the key or one of the window's columns, then the aggregates' values.
 */
@Internal
public final class WindowOutput implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A group field that is the window's {@code window_start}. */
  public static final int WINDOW_START = -1;
  /** A group field that is the window's {@code window_end}. */
  public static final int WINDOW_END = -2;
  /** A group field that is the window's {@code window_time} (its last instant). */
  public static final int WINDOW_TIME = -3;

  private final int[] groupFields;
  private final boolean localTime;
  private final WindowZone zone;
  // A window fires for many groups at once: its time objects are made once for all of them.
  private transient WindowTimes windowTimes;

  /**
   * Rows whose group fields are {@code groupFields}: an index into the key row, or one of
   * {@link #WINDOW_START}, {@link #WINDOW_END}, {@link #WINDOW_TIME}; window times are
   * {@code LocalDateTime}s if {@code localTime}, else {@code Instant}s.
   */
  public WindowOutput(int[] groupFields, boolean localTime) {
    this(groupFields, localTime, null);
  }

  /**
   * As {@link #WindowOutput(int[], boolean)}, for windows aligned in {@code zone} (null for none): their
   * starts and ends are its wall-clock times, {@code LocalDateTime}s, and their {@code window_time} an instant.
   */
  public WindowOutput(int[] groupFields, boolean localTime, WindowZone zone) {
    this.groupFields = groupFields;
    this.localTime = localTime;
    this.zone = zone;
  }

  /** The result of {@code aggs} over {@code accs} for {@code key}'s group of window [start, end). */
  public Row result(Object key, long start, long end, AggFunction[] aggs, Row accs, int accsFrom) {
    if (windowTimes == null) {
      windowTimes = new WindowTimes();
    }
    Object[] columns = windowTimes.of(start, end, localTime, zone);
    Row result = new Row(groupFields.length + aggs.length);
    for (int i = 0; i < groupFields.length; i++) {
      int field = groupFields[i];
      result.setField(i, switch (field) {
        case WINDOW_START -> columns[0];
        case WINDOW_END -> columns[1];
        case WINDOW_TIME -> columns[2];
        default -> KeyFields.get(key, field);
      });
    }
    for (int i = 0; i < aggs.length; i++) {
      result.setField(groupFields.length + i, aggs[i].getValue(accs.getField(accsFrom + i)));
    }
    return result;
  }
}
