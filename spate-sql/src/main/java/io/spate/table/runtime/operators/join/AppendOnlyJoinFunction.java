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
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.operators.StateRetention;

/**
 * A regular inner join of two insert-only inputs on equal keys, with an optional further condition:
 * each side appends its rows to a list in keyed state, and a row that arrives joins the other
 * side's rows of its key, emitting each joined row that satisfies the condition as an insert. It
 * emits what {@link JoinFunction} emits for such inputs, without counting equal rows, which only
 * retractions need.
 */
@Internal
public final class AppendOnlyJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo leftType;
  private final RowTypeInfo rightType;
  private final Expr condition;
  private final long stateRetentionMillis;
  private transient ListState<Row> leftRows;
  private transient ListState<Row> rightRows;

  /**
   * An inner join of rows of {@code leftType} and {@code rightType}; {@code condition} (over the
   * joined row, null for none) must hold too; a key untouched for {@code stateRetentionMillis} (0: for
   * ever) is forgotten.
   */
  public AppendOnlyJoinFunction(RowTypeInfo leftType, RowTypeInfo rightType, Expr condition,
      long stateRetentionMillis) {
    this.leftType = leftType;
    this.rightType = rightType;
    this.condition = condition;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
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
    int leftArity = left.getArity();
    Row joined = new Row(leftArity + right.getArity());
    for (int i = 0; i < leftArity; i++) {
      joined.setField(i, left.getField(i));
    }
    for (int i = 0; i < right.getArity(); i++) {
      joined.setField(leftArity + i, right.getField(i));
    }
    if (condition == null || Boolean.TRUE.equals(condition.eval(joined))) {
      out.collect(joined);
    }
  }

  private static void requireInsert(Row row) {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This join takes inserts only, not " + row);
    }
  }
}
