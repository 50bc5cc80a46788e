package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;

/**
 * An expression whose value a generated class computes (a computed rowtime column, evaluated by a
 * source's timestamp assigner): the value the interpreted {@link Expr} of the same expression gives,
 * without interpreting it per row.
 *
 * <p>Nothing opens an expression, so the class is compiled (or taken from the cache of
 * {@link GeneratedClasses}) when it first evaluates, with the thread's context class loader, which a
 * task sets to the job's user-code class loader while it runs.
 */
@Internal
public final class GeneratedExpr implements Expr {

  private static final long serialVersionUID = 1L;

  private final GeneratedCalcCode code;
  // Two threads that race here each make an instance; either computes the same values, and the
  // generated class's fields are final, so an instance is safely published through this field.
  private transient Expr generated;

  /** The expression running {@code code}, the source of a class implementing {@link Expr}. */
  public GeneratedExpr(GeneratedCalcCode code) {
    this.code = code;
  }

  /** The generated code this expression runs. */
  public GeneratedCalcCode code() {
    return code;
  }

  @Override
  public Object eval(Row input) {
    Expr expr = generated;
    if (expr == null) {
      expr = code.newInstanceInCurrentThread(Expr.class);
      generated = expr;
    }
    return expr.eval(input);
  }
}
