package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;
import java.util.List;

/** The key of a row computed by expressions over it (a join key such as {@code o.id % 2 + 1}), as a row of its own. */
@Internal
public final class ExprKeyProjection implements KeySelector<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Expr[] keys;

  /** The key of the values of {@code keys}. */
  public ExprKeyProjection(List<Expr> keys) {
    this.keys = keys.toArray(new Expr[0]);
  }

  @Override
  public Row getKey(Row value) {
    Row key = new Row(keys.length);
    for (int i = 0; i < keys.length; i++) {
      key.setField(i, keys[i].eval(value));
    }
    return key;
  }
}
