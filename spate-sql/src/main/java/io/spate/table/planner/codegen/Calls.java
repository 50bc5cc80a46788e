package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.Expr;
import java.io.Serializable;
import java.util.List;

/** Shapes of built-in function calls as expressions: evaluate the arguments, then apply a function. */
final class Calls {

  private Calls() {}

  /** A function of the non-NULL values of a call's arguments that travels with the job. */
  @FunctionalInterface
  interface Body extends Serializable {
    Object apply(Object[] arguments);
  }

  /** NULL if any argument is NULL (evaluating the arguments in order and stopping there), else {@code body}. */
  static Expr nullIfAny(List<Expr> args, Body body) {
    Expr[] all = args.toArray(new Expr[0]);
    return row -> {
      Object[] values = new Object[all.length];
      for (int i = 0; i < all.length; i++) {
        values[i] = all[i].eval(row);
        if (values[i] == null) {
          return null;
        }
      }
      return body.apply(values);
    };
  }

  /** {@code body} of the arguments' values, NULLs included. */
  static Expr ofAll(List<Expr> args, Body body) {
    Expr[] all = args.toArray(new Expr[0]);
    return row -> {
      Object[] values = new Object[all.length];
      for (int i = 0; i < all.length; i++) {
        values[i] = all[i].eval(row);
      }
      return body.apply(values);
    };
  }

  /** An integer argument as an {@code int}, saturating a {@code BIGINT} beyond its range. */
  static int intOf(Object value) {
    long v = ((Number) value).longValue();
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
