package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.Expr;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;

/**
 * Compiles calls of Flink's built-in scalar functions that have a family compiler of their own
 * (strings, conditionals, math, time, collections); the generated code hands these calls to the
 * interpreter's expressions.
 */
final class BuiltInCallCompiler {

  private final ExprCompiler compiler;

  BuiltInCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** Whether a family compiler knows the function {@code call} calls. */
  static boolean handles(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return StringCallCompiler.NAMES.contains(name) || ConditionalCallCompiler.NAMES.contains(name)
        || MathCallCompiler.NAMES.contains(name) || TimeCallCompiler.NAMES.contains(name)
        || CollectionCallCompiler.NAMES.contains(name);
  }

  /** {@code call}, which this compiler {@linkplain #handles handles}, as an expression. */
  Expr compile(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (StringCallCompiler.NAMES.contains(name)) {
      return new StringCallCompiler(compiler).compile(name, call);
    }
    if (ConditionalCallCompiler.NAMES.contains(name)) {
      return new ConditionalCallCompiler(compiler).compile(name, call);
    }
    if (MathCallCompiler.NAMES.contains(name)) {
      return new MathCallCompiler(compiler).compile(name, call);
    }
    if (TimeCallCompiler.NAMES.contains(name)) {
      return new TimeCallCompiler(compiler).compile(name, call);
    }
    return new CollectionCallCompiler(compiler).compile(name, call);
  }
}
