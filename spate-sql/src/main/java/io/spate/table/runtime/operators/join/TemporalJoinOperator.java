package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event-time temporal join ({@code FOR SYSTEM_TIME AS OF}) against a versioned table: the right
 * side's rows are versions of its key, each valid from its time until the next one; a left row joins
 * the version valid at its own time. Left rows wait until the watermark reaches their time (so the
 * versions up to it are known), then go out joined, or padded with NULLs in a left join when no
 * version was valid or the version does not satisfy the condition. Versions the watermark has made
 * obsolete (older than the one valid at the watermark) are dropped.
 */
@Internal
public final class TemporalJoinOperator extends TimedJoinOperator {

  private static final long serialVersionUID = 1L;

  private final int leftTime;
  private final int rightTime;
  private transient MapState<Long, List<Row>> leftRows;
  /** The versions of the key by time; a version's flag is false where the key was deleted at that time. */
  private transient MapState<Long, Row> versions;

  /**
   * Joins each left row (time in field {@code leftTime}) with the right version (time in field
   * {@code rightTime}) valid at its time, if {@code condition} (null for none) holds for the pair.
   */
  public TemporalJoinOperator(RowTypeInfo leftType, RowTypeInfo rightType, int leftTime, int rightTime,
      JoinConditionCode condition, boolean leftOuter) {
    super(leftType, rightType, condition, leftOuter, false, 0);
    this.leftTime = leftTime;
    this.rightTime = rightTime;
  }

  @Override
  public void open() throws Exception {
    super.open();
    leftRows = getPartitionedState(new MapStateDescriptor<>("temporal-join-left", Types.LONG,
        Types.LIST(leftType)));
    versions = getPartitionedState(new MapStateDescriptor<>("temporal-join-versions", Types.LONG,
        withMatchedFlag(rightType)));
  }

  @Override
  public void processElement1(Row value, long timestamp) throws Exception {
    checkInsert(value, "left");
    Long time = millis(value.getField(leftTime));
    if (time == null) {
      if (leftOuter) {
        emit(joined(value, null), Long.MIN_VALUE);
      }
      return;
    }
    List<Row> rows = leftRows.get(time);
    rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    Row row = Row.copy(value);
    row.setKind(RowKind.INSERT);
    rows.add(row);
    leftRows.put(time, rows);
    registerTimer(time);
  }

  @Override
  public void processElement2(Row value, long timestamp) throws Exception {
    Long time = millis(value.getField(rightTime));
    if (time == null || value.getKind() == RowKind.UPDATE_BEFORE) {
      return; // an update-before is followed by the update-after that is the new version
    }
    versions.put(time, flagged(value, value.getKind() != RowKind.DELETE));
    registerTimer(time);
  }

  @Override
  public void onEventTime(InternalTimer<Row, VoidNamespace> timer) throws Exception {
    long watermark = timer.getTimestamp();
    TreeMap<Long, Row> byTime = new TreeMap<>();
    for (Map.Entry<Long, Row> entry : versions.entries()) {
      byTime.put(entry.getKey(), entry.getValue());
    }
    TreeMap<Long, List<Row>> due = new TreeMap<>();
    for (Map.Entry<Long, List<Row>> entry : leftRows.entries()) {
      if (entry.getKey() <= watermark) {
        due.put(entry.getKey(), entry.getValue());
      }
    }
    for (Map.Entry<Long, List<Row>> entry : due.entrySet()) {
      Map.Entry<Long, Row> valid = byTime.floorEntry(entry.getKey());
      Row version = valid == null || !matched(valid.getValue()) ? null : unflagged(valid.getValue());
      for (Row left : entry.getValue()) {
        if (version != null && holds(left, version)) {
          emit(joined(left, version), entry.getKey());
        } else if (leftOuter) {
          emit(joined(left, null), entry.getKey());
        }
      }
      leftRows.remove(entry.getKey());
    }
    // Left rows to come are at or after the watermark: the version valid at it is the oldest they need.
    Long current = byTime.floorKey(watermark);
    if (current != null) {
      for (Long time : byTime.headMap(current, false).keySet()) {
        versions.remove(time);
      }
      if (!matched(byTime.get(current))) {
        versions.remove(current);
      }
    }
  }
}
