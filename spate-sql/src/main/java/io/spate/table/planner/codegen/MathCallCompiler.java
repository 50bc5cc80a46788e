package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.rex.RexCall;

/** Compiles calls of Flink's {@code LOG}, {@code LOG2} and {@code TRUNCATE}. */
final class MathCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final java.util.Set<String> NAMES = java.util.Set.of("LOG", "LOG2", "TRUNCATE");

  private final ExprCompiler compiler;

  MathCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** {@code call} as an expression, or null if it is not a call of one of these functions. */
  Expr compile(String name, RexCall call) {
    List<Expr> args = compiler.compileAll(call.getOperands());
    switch (name) {
      case "LOG":
        if (args.size() == 1) {
          return Calls.nullIfAny(args, a -> Math.log(((Number) a[0]).doubleValue()));
        }
        return Calls.nullIfAny(args, a -> Math.log(((Number) a[1]).doubleValue())
            / Math.log(((Number) a[0]).doubleValue()));
      case "LOG2":
        return Calls.nullIfAny(args, a -> Math.log(((Number) a[0]).doubleValue()) / Math.log(2));
      case "TRUNCATE": {
        ValueType type = ValueTypes.of(call.getType());
        return Calls.nullIfAny(args, a -> truncate((Number) a[0], a.length > 1 ? Calls.intOf(a[1]) : 0, type));
      }
      default:
        return null;
    }
  }

  /** {@code value} cut (towards zero) to {@code digits} decimal places, negative ones left of the point. */
  private static Object truncate(Number value, int digits, ValueType type) {
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return value;
      }
    }
    BigDecimal cut = Numbers.toBigDecimal(value).setScale(digits, RoundingMode.DOWN);
    return Numbers.convert(cut, type);
  }
}
