package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An event-time interval join: a left row at time {@code l} joins the right rows of its key at times
 * {@code r} with {@code lower <= l - r <= upper}. Each side keeps its rows by time until the watermark
 * shows that no row of the other side can match them any more; then they are dropped, and in an outer
 * join those that matched nothing go out padded with NULLs. Pairs go out as soon as both rows are
 * there, so the watermark is held back by the larger of the two bounds.
 */
@Internal
public final class IntervalJoinOperator extends TimedJoinOperator {

  private static final long serialVersionUID = 1L;

  private final int leftTime;
  private final int rightTime;
  private final long lower;
  private final long upper;
  private transient MapState<Long, List<Row>> leftRows;
  private transient MapState<Long, List<Row>> rightRows;

  /**
   * Joins rows whose time fields ({@code leftTime}, {@code rightTime}) satisfy
   * {@code lower <= l - r <= upper} (milliseconds) and {@code condition} (null for none).
   */
  public IntervalJoinOperator(RowTypeInfo leftType, RowTypeInfo rightType, int leftTime, int rightTime, long lower,
      long upper, JoinConditionCode condition, boolean leftOuter, boolean rightOuter) {
    super(leftType, rightType, condition, leftOuter, rightOuter, Math.max(0, Math.max(-lower, upper)));
    this.leftTime = leftTime;
    this.rightTime = rightTime;
    this.lower = lower;
    this.upper = upper;
  }

  @Override
  public void open() throws Exception {
    super.open();
    leftRows = getPartitionedState(new MapStateDescriptor<>("interval-join-left", Types.LONG,
        Types.LIST(withMatchedFlag(leftType))));
    rightRows = getPartitionedState(new MapStateDescriptor<>("interval-join-right", Types.LONG,
        Types.LIST(withMatchedFlag(rightType))));
  }

  @Override
  public void processElement1(Row value, long timestamp) throws Exception {
    checkInsert(value, "left");
    arrive(value, true);
  }

  @Override
  public void processElement2(Row value, long timestamp) throws Exception {
    checkInsert(value, "right");
    arrive(value, false);
  }

  private void arrive(Row row, boolean left) throws Exception {
    Long time = millis(row.getField(left ? leftTime : rightTime));
    boolean outer = left ? leftOuter : rightOuter;
    if (time == null) {
      if (outer) {
        emit(left ? joined(row, null) : joined(null, row), Long.MIN_VALUE);
      }
      return; // a row without a time matches nothing
    }
    // The other side's times this row matches: l - upper <= r <= l - lower, or r + lower <= l <= r + upper.
    long from = left ? time - upper : time + lower;
    long to = left ? time - lower : time + upper;
    MapState<Long, List<Row>> other = left ? rightRows : leftRows;
    boolean otherOuter = left ? rightOuter : leftOuter;
    boolean matched = false;
    Map<Long, List<Row>> flaggedNow = new HashMap<>();
    for (Map.Entry<Long, List<Row>> entry : other.entries()) {
      long otherTime = entry.getKey();
      if (otherTime < from || otherTime > to) {
        continue;
      }
      List<Row> rows = entry.getValue();
      boolean changed = false;
      for (int i = 0; i < rows.size(); i++) {
        Row stored = rows.get(i);
        Row otherRow = unflagged(stored);
        Row l = left ? row : otherRow;
        Row r = left ? otherRow : row;
        if (holds(l, r)) {
          matched = true;
          emit(joined(l, r), Math.max(time, otherTime));
          if (otherOuter && !matched(stored)) {
            rows.set(i, flagged(otherRow, true));
            changed = true;
          }
        }
      }
      if (changed) {
        flaggedNow.put(otherTime, rows);
      }
    }
    for (Map.Entry<Long, List<Row>> entry : flaggedNow.entrySet()) {
      other.put(entry.getKey(), entry.getValue());
    }
    // This row can match rows of the other side until the watermark passes the end of its interval.
    long expiry = left ? time - lower : time + upper;
    if (expiry > currentWatermark()) {
      MapState<Long, List<Row>> mine = left ? leftRows : rightRows;
      List<Row> rows = mine.get(time);
      rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
      rows.add(flagged(row, matched));
      mine.put(time, rows);
      registerTimer(expiry);
    } else if (outer && !matched) {
      emit(left ? joined(row, null) : joined(null, row), time);
    }
  }

  @Override
  public void onEventTime(InternalTimer<Row, VoidNamespace> timer) throws Exception {
    long watermark = timer.getTimestamp();
    expire(leftRows, true, watermark);
    expire(rightRows, false, watermark);
  }

  /** Drops the rows of a side whose interval ended at or before {@code watermark}, padding unmatched ones if outer. */
  private void expire(MapState<Long, List<Row>> side, boolean left, long watermark) throws Exception {
    boolean outer = left ? leftOuter : rightOuter;
    List<Long> expired = new ArrayList<>();
    for (Iterator<Map.Entry<Long, List<Row>>> it = side.iterator(); it.hasNext(); ) {
      Map.Entry<Long, List<Row>> entry = it.next();
      long time = entry.getKey();
      long expiry = left ? time - lower : time + upper;
      if (expiry > watermark) {
        continue;
      }
      expired.add(time);
      if (outer) {
        for (Row stored : entry.getValue()) {
          if (!matched(stored)) {
            Row row = unflagged(stored);
            emit(left ? joined(row, null) : joined(null, row), time);
          }
        }
      }
    }
    for (Long time : expired) {
      side.remove(time);
    }
  }
}
