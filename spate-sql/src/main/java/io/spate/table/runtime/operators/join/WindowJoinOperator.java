package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * A window join: both sides are rows of window table functions, keyed by their window and the join's
 * keys; each side's rows of a window wait in keyed state until the watermark passes the window's end,
 * then the window's pairs go out (and, in outer joins, its rows that found no partner, padded with
 * NULLs) and the window's state is cleared. Rows of a window that has fired are late and dropped.
 */
@Internal
public final class WindowJoinOperator extends TimedJoinOperator {

  private static final long serialVersionUID = 1L;

  private final int leftWindowEnd;
  private final int rightWindowEnd;
  private transient ListState<Row> leftRows;
  private transient ListState<Row> rightRows;

  /**
   * Joins the rows of a window; {@code window_end} is field {@code leftWindowEnd} on the left and
   * {@code rightWindowEnd} on the right.
   */
  public WindowJoinOperator(RowTypeInfo leftType, RowTypeInfo rightType, int leftWindowEnd, int rightWindowEnd,
      JoinConditionCode condition, boolean leftOuter, boolean rightOuter) {
    super(leftType, rightType, condition, leftOuter, rightOuter, 0);
    this.leftWindowEnd = leftWindowEnd;
    this.rightWindowEnd = rightWindowEnd;
  }

  @Override
  public void open() throws Exception {
    super.open();
    leftRows = getPartitionedState(new ListStateDescriptor<>("window-join-left", leftType));
    rightRows = getPartitionedState(new ListStateDescriptor<>("window-join-right", rightType));
  }

  @Override
  public void processElement1(Row value, long timestamp) throws Exception {
    checkInsert(value, "left");
    add(value, leftRows, leftWindowEnd);
  }

  @Override
  public void processElement2(Row value, long timestamp) throws Exception {
    checkInsert(value, "right");
    add(value, rightRows, rightWindowEnd);
  }

  private void add(Row row, ListState<Row> side, int windowEnd) throws Exception {
    long lastInstant = millis(row.getField(windowEnd)) - 1;
    if (lastInstant <= currentWatermark()) {
      return; // late: the window has fired
    }
    side.add(row);
    registerTimer(lastInstant);
  }

  @Override
  public void onEventTime(InternalTimer<Row, VoidNamespace> timer) throws Exception {
    long time = timer.getTimestamp();
    List<Row> lefts = list(leftRows.get());
    List<Row> rights = list(rightRows.get());
    boolean[] rightMatched = new boolean[rights.size()];
    for (Row left : lefts) {
      boolean matched = false;
      for (int i = 0; i < rights.size(); i++) {
        if (holds(left, rights.get(i))) {
          emit(joined(left, rights.get(i)), time);
          matched = true;
          rightMatched[i] = true;
        }
      }
      if (!matched && leftOuter) {
        emit(joined(left, null), time);
      }
    }
    for (int i = 0; rightOuter && i < rights.size(); i++) {
      if (!rightMatched[i]) {
        emit(joined(null, rights.get(i)), time);
      }
    }
    leftRows.clear();
    rightRows.clear();
  }

  private static List<Row> list(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    if (rows != null) {
      rows.forEach(list::add);
    }
    return list;
  }
}
