package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import java.io.Serializable;

/**
 * What a job carries of a join condition: the source of a generated {@link JoinCondition}, or, with
 * code generation switched off, the interpreted expression over the joined row. Either gives the
 * same answer for every pair of rows.
 */
@Internal
public final class JoinConditionCode implements Serializable {

  private static final long serialVersionUID = 1L;

  private final GeneratedCalcCode generated;
  private final Expr interpreted;

  private JoinConditionCode(GeneratedCalcCode generated, Expr interpreted) {
    this.generated = generated;
    this.interpreted = interpreted;
  }

  /** A condition run by the generated class of {@code code}. */
  public static JoinConditionCode generated(GeneratedCalcCode code) {
    return new JoinConditionCode(code, null);
  }

  /** A condition run by evaluating {@code condition} over each joined row. */
  public static JoinConditionCode interpreted(Expr condition) {
    return new JoinConditionCode(null, condition);
  }

  /** The generated code, or null when the condition runs interpreted. */
  public GeneratedCalcCode generatedCode() {
    return generated;
  }

  /** The condition to test pairs with, its class compiled (or taken from the cache) with {@code classLoader}. */
  public JoinCondition instantiate(ClassLoader classLoader) {
    if (generated != null) {
      return generated.newInstance(classLoader, JoinCondition.class);
    }
    Expr condition = interpreted;
    return (left, right) -> Boolean.TRUE.equals(condition.eval(Row.join(left, right)));
  }
}
