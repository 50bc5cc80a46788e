package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.StateRetention;
import io.spate.api.types.RowKind;
import java.util.Map;

/**
 * A streaming semi join ({@code IN}, {@code EXISTS}) or anti join ({@code NOT IN}, {@code NOT EXISTS})
 * of two changelogs: a left row goes out while at least one right row matches it (semi) or while none
 * does (anti). Both sides keep their rows, with how often each occurs, in keyed state; when a right
 * row arrives or is taken back, the left rows whose first match came or whose last match went are
 * emitted or retracted, so an anti join's row is retracted when a match arrives.
 */
@Internal
public final class SemiAntiJoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo leftType;
  private final RowTypeInfo rightType;
  private final JoinConditionCode conditionCode;
  private final boolean anti;
  private final long stateRetentionMillis;
  private transient JoinCondition condition;
  private transient MapState<Row, Integer> leftRows;
  private transient MapState<Row, Integer> rightRows;

  /**
   * A semi join (an anti join if {@code anti}) of rows of {@code leftType} with rows of
   * {@code rightType} of the same key that satisfy {@code condition} (generated or interpreted; null for none).
   * A row untouched for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public SemiAntiJoinFunction(RowTypeInfo leftType, RowTypeInfo rightType, JoinConditionCode condition,
      boolean anti,
      long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.leftType = leftType;
    this.rightType = rightType;
    this.conditionCode = condition;
    this.anti = anti;
  }

  @Override
  public void open(OpenContext context) {
    condition = conditionCode == null ? null
        : conditionCode.instantiate(getRuntimeContext().getUserCodeClassLoader());
    leftRows = getRuntimeContext().getMapState(StateRetention.apply(
        new MapStateDescriptor<>("semi-left-rows", leftType, Types.INT), stateRetentionMillis));
    rightRows = getRuntimeContext().getMapState(StateRetention.apply(
        new MapStateDescriptor<>("semi-right-rows", rightType, Types.INT), stateRetentionMillis));
  }

  @Override
  public void processElement1(Row value, Context ctx, Collector<Row> out) throws Exception {
    Row row = insert(value);
    boolean adds = adds(value);
    Integer count = leftRows.get(row);
    if (!adds && count == null) {
      return; // a retraction of a row this side no longer holds
    }
    boolean matched = matches(row) > 0;
    if (matched != anti) {
      emit(row, adds ? RowKind.INSERT : RowKind.DELETE, 1, out);
    }
    update(leftRows, row, count, adds);
  }

  @Override
  public void processElement2(Row value, Context ctx, Collector<Row> out) throws Exception {
    Row row = insert(value);
    boolean adds = adds(value);
    Integer count = rightRows.get(row);
    if (!adds && count == null) {
      return;
    }
    for (Map.Entry<Row, Integer> left : leftRows.entries()) {
      if (!holds(left.getKey(), row)) {
        continue;
      }
      int before = matches(left.getKey());
      // The left row's first match arrived, or its last one went.
      if (adds ? before == 0 : before == 1) {
        boolean nowMatched = adds;
        emit(left.getKey(), nowMatched != anti ? RowKind.INSERT : RowKind.DELETE, left.getValue(), out);
      }
    }
    update(rightRows, row, count, adds);
  }

  /** How many right rows (with repetitions) match {@code left}. */
  private int matches(Row left) throws Exception {
    int matches = 0;
    for (Map.Entry<Row, Integer> right : rightRows.entries()) {
      if (holds(left, right.getKey())) {
        matches += right.getValue();
      }
    }
    return matches;
  }

  private boolean holds(Row left, Row right) {
    return condition == null || condition.test(left, right);
  }

  private static void update(MapState<Row, Integer> side, Row row, Integer count, boolean adds) throws Exception {
    if (adds) {
      side.put(row, count == null ? 1 : count + 1);
    } else if (count == 1) {
      side.remove(row);
    } else {
      side.put(row, count - 1);
    }
  }

  private static boolean adds(Row row) {
    return row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
  }

  private static Row insert(Row row) {
    Row copy = Row.copy(row);
    copy.setKind(RowKind.INSERT);
    return copy;
  }

  private static void emit(Row row, RowKind kind, int times, Collector<Row> out) {
    for (int i = 0; i < times; i++) {
      Row copy = Row.copy(row);
      copy.setKind(kind);
      out.collect(copy);
    }
  }
}
