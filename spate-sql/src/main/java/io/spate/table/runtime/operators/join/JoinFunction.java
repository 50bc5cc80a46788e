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
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.StateRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regular join of two changelogs on equal keys (the key both inputs are partitioned by), with an
 * optional further condition: each side keeps its rows (with how often each occurs) in keyed state;
 * a row that arrives joins the other side's rows and emits the joined rows as inserts, a row that is
 * taken back emits them as deletes. Outer joins pad a row that matches nothing with NULLs, and take
 * the padded row back once it finds a match (and emit it again once its last match is gone). A row
 * with a NULL in a key compared with {@code =} matches nothing: it takes no state, and goes out padded
 * (or is taken back padded) if its side is outer, else nowhere.
 */
@Internal
public final class JoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo leftType;
  private final RowTypeInfo rightType;
  private final JoinConditionCode conditionCode;
  private final boolean leftOuter;
  private final long stateRetentionMillis;
  private final boolean rightOuter;
  private final int[] leftNullExcluding;
  private final int[] rightNullExcluding;
  private transient JoinCondition condition;
  private transient MapState<Row, Integer> leftRows;
  private transient MapState<Row, Integer> rightRows;

  /**
   * A join of rows of {@code leftType} and {@code rightType}; {@code condition} (generated or
   * interpreted, null for none) must hold too; {@code leftOuter}/{@code rightOuter} keep unmatched rows of that side; a
   * row untouched for {@code stateRetentionMillis} (0: for ever) is forgotten.
   */
  public JoinFunction(RowTypeInfo leftType, RowTypeInfo rightType, JoinConditionCode condition, boolean leftOuter,
      boolean rightOuter, long stateRetentionMillis) {
    this(leftType, rightType, condition, leftOuter, rightOuter, stateRetentionMillis, new int[0], new int[0]);
  }

  /**
   * As above, where the left fields {@code leftNullExcluding} and the right fields {@code
   * rightNullExcluding} are keys compared with {@code =}, so that a row with a NULL in one matches nothing.
   */
  public JoinFunction(RowTypeInfo leftType, RowTypeInfo rightType, JoinConditionCode condition, boolean leftOuter,
      boolean rightOuter, long stateRetentionMillis, int[] leftNullExcluding, int[] rightNullExcluding) {
    this.leftNullExcluding = leftNullExcluding.clone();
    this.rightNullExcluding = rightNullExcluding.clone();
    this.stateRetentionMillis = stateRetentionMillis;
    this.leftType = leftType;
    this.rightType = rightType;
    this.conditionCode = condition;
    this.leftOuter = leftOuter;
    this.rightOuter = rightOuter;
  }

  @Override
  public void open(OpenContext context) {
    condition = conditionCode == null ? null
        : conditionCode.instantiate(getRuntimeContext().getUserCodeClassLoader());
    leftRows = getRuntimeContext().getMapState(StateRetention.apply(
        new MapStateDescriptor<>("left-rows", leftType, Types.INT), stateRetentionMillis));
    rightRows = getRuntimeContext().getMapState(StateRetention.apply(
        new MapStateDescriptor<>("right-rows", rightType, Types.INT), stateRetentionMillis));
  }

  @Override
  public void processElement1(Row value, Context ctx, Collector<Row> out) throws Exception {
    arrive(value, true, out);
  }

  @Override
  public void processElement2(Row value, Context ctx, Collector<Row> out) throws Exception {
    arrive(value, false, out);
  }

  private void arrive(Row input, boolean left, Collector<Row> out) throws Exception {
    Row row = Row.copy(input);
    row.setKind(RowKind.INSERT);
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    MapState<Row, Integer> mine = left ? leftRows : rightRows;
    MapState<Row, Integer> other = left ? rightRows : leftRows;
    boolean myOuter = left ? leftOuter : rightOuter;
    boolean otherOuter = left ? rightOuter : leftOuter;
    if (hasNullKey(row, left ? leftNullExcluding : rightNullExcluding)) {
      if (myOuter) {
        emit(pad(row, left), adds ? RowKind.INSERT : RowKind.DELETE, 1, out);
      }
      return;
    }
    Integer count = mine.get(row);
    if (!adds && count == null) {
      return; // a retraction of a row this side no longer holds
    }
    List<Map.Entry<Row, Integer>> matches = new ArrayList<>();
    for (Map.Entry<Row, Integer> entry : other.entries()) {
      if (holds(left, row, entry.getKey())) {
        matches.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    if (adds) {
      for (Map.Entry<Row, Integer> match : matches) {
        if (otherOuter && matchesIn(mine, match.getKey(), !left) == 0) {
          emit(pad(match.getKey(), !left), RowKind.DELETE, match.getValue(), out);
        }
        emit(joined(left, row, match.getKey()), RowKind.INSERT, match.getValue(), out);
      }
      if (matches.isEmpty() && myOuter) {
        emit(pad(row, left), RowKind.INSERT, 1, out);
      }
      mine.put(row, count == null ? 1 : count + 1);
    } else {
      if (count == 1) {
        mine.remove(row);
      } else {
        mine.put(row, count - 1);
      }
      for (Map.Entry<Row, Integer> match : matches) {
        emit(joined(left, row, match.getKey()), RowKind.DELETE, match.getValue(), out);
        if (otherOuter && matchesIn(mine, match.getKey(), !left) == 0) {
          emit(pad(match.getKey(), !left), RowKind.INSERT, match.getValue(), out);
        }
      }
      if (matches.isEmpty() && myOuter) {
        emit(pad(row, left), RowKind.DELETE, 1, out);
      }
    }
  }

  private static boolean hasNullKey(Row row, int[] fields) {
    for (int field : fields) {
      if (row.getField(field) == null) {
        return true;
      }
    }
    return false;
  }

  /** How many of {@code side}'s rows join {@code row}, a row of the other side ({@code rowIsLeft}). */
  private int matchesIn(MapState<Row, Integer> side, Row row, boolean rowIsLeft) throws Exception {
    int matches = 0;
    for (Map.Entry<Row, Integer> entry : side.entries()) {
      if (holds(rowIsLeft, row, entry.getKey())) {
        matches += entry.getValue();
      }
    }
    return matches;
  }

  private boolean holds(boolean firstIsLeft, Row first, Row second) {
    return condition == null || (firstIsLeft ? condition.test(first, second) : condition.test(second, first));
  }

  private Row joined(boolean firstIsLeft, Row first, Row second) {
    Row leftRow = firstIsLeft ? first : second;
    Row rightRow = firstIsLeft ? second : first;
    Row joined = new Row(leftRow.getArity() + rightRow.getArity());
    for (int i = 0; i < leftRow.getArity(); i++) {
      joined.setField(i, leftRow.getField(i));
    }
    for (int i = 0; i < rightRow.getArity(); i++) {
      joined.setField(leftRow.getArity() + i, rightRow.getField(i));
    }
    return joined;
  }

  /** {@code row} of one side, with NULLs for the other side's fields. */
  private Row pad(Row row, boolean rowIsLeft) {
    int leftArity = leftType.getArity();
    int rightArity = rightType.getArity();
    Row padded = new Row(leftArity + rightArity);
    int offset = rowIsLeft ? 0 : leftArity;
    for (int i = 0; i < row.getArity(); i++) {
      padded.setField(offset + i, row.getField(i));
    }
    return padded;
  }

  private static void emit(Row row, RowKind kind, int times, Collector<Row> out) {
    for (int i = 0; i < times; i++) {
      Row copy = Row.copy(row);
      copy.setKind(kind);
      out.collect(copy);
    }
  }
}
