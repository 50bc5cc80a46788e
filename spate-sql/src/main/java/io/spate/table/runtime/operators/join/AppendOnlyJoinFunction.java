package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.StateRetention;

/**
 * A regular inner join of two insert-only inputs on equal keys, with an optional further condition:
 * each side appends its rows to a list in keyed state, and a row that arrives joins the other
 * side's rows of its key, emitting each joined row that satisfies the condition as an insert. It
 * emits what {@link JoinFunction} emits for such inputs, without counting equal rows, which only
 * retractions need.
 */
@Internal
public final class AppendOnlyJoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo leftType;
  private final RowTypeInfo rightType;
  private final JoinConditionCode conditionCode;
  private final long stateRetentionMillis;
  private transient JoinCondition condition;
  private transient ListState<Row> leftRows;
  private transient ListState<Row> rightRows;

  /**
   * An inner join of rows of {@code leftType} and {@code rightType}, keyed by a row of the key fields
   * or by the one key field's value; {@code condition} (null for none) must hold too; a key untouched
   * for {@code stateRetentionMillis} (0: for ever) is forgotten.
   */
  public AppendOnlyJoinFunction(RowTypeInfo leftType, RowTypeInfo rightType, JoinConditionCode condition,
      long stateRetentionMillis) {
    this.leftType = leftType;
    this.rightType = rightType;
    this.conditionCode = condition;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    condition = conditionCode == null ? null
        : conditionCode.instantiate(getRuntimeContext().getUserCodeClassLoader());
    leftRows = getRuntimeContext().getListState(StateRetention.apply(
        new ListStateDescriptor<>("left-rows", leftType), stateRetentionMillis));
    rightRows = getRuntimeContext().getListState(StateRetention.apply(
        new ListStateDescriptor<>("right-rows", rightType), stateRetentionMillis));
  }

  @Override
  public void processElement1(Row left, Context ctx, Collector<Row> out) throws Exception {
    requireInsert(left);
    for (Row right : rightRows.get()) {
      emitIfJoined(left, right, out);
    }
    leftRows.add(left);
  }

  @Override
  public void processElement2(Row right, Context ctx, Collector<Row> out) throws Exception {
    requireInsert(right);
    for (Row left : leftRows.get()) {
      emitIfJoined(left, right, out);
    }
    rightRows.add(right);
  }

  private void emitIfJoined(Row left, Row right, Collector<Row> out) {
    if (condition == null || condition.test(left, right)) {
      out.collect(Row.join(left, right));
    }
  }

  private static void requireInsert(Row row) {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This join takes inserts only, not " + row);
    }
  }
}
