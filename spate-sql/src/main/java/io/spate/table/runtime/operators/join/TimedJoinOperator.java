package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;

/**
 * The base of the SQL joins that wait for event time (interval, window and temporal joins): keyed
 * two-input operators whose rows wait in keyed state for event-time timers. It forwards each watermark
 * held back by a fixed delay, so that the rows it emits late (a pair found when the second row of it
 * arrives) are not late for the time-based operators after it.
 */
@Internal
public abstract class TimedJoinOperator extends AbstractStreamOperator<Row>
    implements TwoInputStreamOperator<Row, Row, Row>, Triggerable<Row, VoidNamespace> {

  private static final long serialVersionUID = 1L;

  /** The row types of the two sides. */
  protected final RowTypeInfo leftType;
  /** The row type of the right side. */
  protected final RowTypeInfo rightType;
  /** The further join condition (generated or interpreted); null for none. */
  private final JoinConditionCode conditionCode;
  /** Whether rows of the left side that match nothing go out padded with NULLs. */
  protected final boolean leftOuter;
  /** Whether rows of the right side that match nothing go out padded with NULLs. */
  protected final boolean rightOuter;
  private final long watermarkDelay;
  private transient JoinCondition condition;
  private transient InternalTimerService<VoidNamespace> timers;

  /** A join of {@code leftType} and {@code rightType} rows that holds watermarks back by {@code watermarkDelay} ms. */
  protected TimedJoinOperator(RowTypeInfo leftType, RowTypeInfo rightType, JoinConditionCode condition,
      boolean leftOuter, boolean rightOuter, long watermarkDelay) {
    this.leftType = leftType;
    this.rightType = rightType;
    this.conditionCode = condition;
    this.leftOuter = leftOuter;
    this.rightOuter = rightOuter;
    this.watermarkDelay = watermarkDelay;
  }

  @Override
  public void open() throws Exception {
    timers = getInternalTimerService("join-timers", this);
    condition = conditionCode == null ? null : conditionCode.instantiate(getUserCodeClassloader());
    super.open();
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    long watermark = mark.getTimestamp();
    getStateContext().advanceWatermark(watermark);
    boolean extreme = watermark == Long.MAX_VALUE || watermark == Long.MIN_VALUE;
    output.emitWatermark(new Watermark(extreme ? watermark : watermark - watermarkDelay));
  }

  @Override
  public final void onProcessingTime(InternalTimer<Row, VoidNamespace> timer) {
    throw new IllegalStateException("A SQL time join registers no processing-time timers");
  }

  /** The watermark the operator has seen last (not the delayed one it forwarded). */
  protected final long currentWatermark() {
    return timers.currentWatermark();
  }

  /** Calls {@link #onEventTime} for the current key once the watermark reaches {@code time}. */
  protected final void registerTimer(long time) {
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  /** Whether {@code left} and {@code right} (each of its side's arity) satisfy the further condition. */
  protected final boolean holds(Row left, Row right) {
    return condition == null || condition.test(left, right);
  }

  /** The joined row: {@code left}'s fields, then {@code right}'s; either may be null for NULL padding. */
  protected final Row joined(Row left, Row right) {
    int leftArity = leftType.getArity();
    Row joined = new Row(RowKind.INSERT, leftArity + rightType.getArity());
    for (int i = 0; left != null && i < leftArity; i++) {
      joined.setField(i, left.getField(i));
    }
    for (int i = 0; right != null && i < rightType.getArity(); i++) {
      joined.setField(leftArity + i, right.getField(i));
    }
    return joined;
  }

  /** Emits {@code row} as an insert stamped with {@code timestamp}. */
  protected final void emit(Row row, long timestamp) {
    output.collect(row, timestamp);
  }

  /** The type of a side's stored rows: the side's fields and a BOOLEAN telling whether the row found a match. */
  protected static RowTypeInfo withMatchedFlag(RowTypeInfo type) {
    TypeInformation<?>[] fields = new TypeInformation<?>[type.getArity() + 1];
    System.arraycopy(type.getFieldTypes(), 0, fields, 0, type.getArity());
    fields[type.getArity()] = Types.BOOLEAN;
    return new RowTypeInfo(fields);
  }

  /** {@code row} with the matched flag appended, as a side stores it. */
  protected static Row flagged(Row row, boolean matched) {
    Row stored = new Row(RowKind.INSERT, row.getArity() + 1);
    for (int i = 0; i < row.getArity(); i++) {
      stored.setField(i, row.getField(i));
    }
    stored.setField(row.getArity(), matched);
    return stored;
  }

  /** A stored row without its matched flag. */
  protected static Row unflagged(Row stored) {
    Row row = new Row(RowKind.INSERT, stored.getArity() - 1);
    for (int i = 0; i < row.getArity(); i++) {
      row.setField(i, stored.getField(i));
    }
    return row;
  }

  /** Whether a stored row found a match. */
  protected static boolean matched(Row stored) {
    return Boolean.TRUE.equals(stored.getField(stored.getArity() - 1));
  }

  /** A time attribute's value ({@code TIMESTAMP} as UTC, or {@code TIMESTAMP_LTZ}) in epoch milliseconds, or null. */
  protected static Long millis(Object time) {
    if (time == null) {
      return null;
    }
    return EpochMillis.of(time);
  }

  /** Fails on a change other than an insert: these joins take append-only inputs. */
  protected static void checkInsert(Row row, String side) {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A time-based join takes inserts only on its " + side + " input, not " + row);
    }
  }
}
