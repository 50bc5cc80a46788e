package io.spate.table.planner.codegen;

import io.spate.table.api.ValidationException;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** Compiles calls of Flink's {@code LOG}, {@code LOG2}, {@code TRUNCATE}, {@code RAND} and {@code RAND_INTEGER}. */
final class MathCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final java.util.Set<String> NAMES = java.util.Set.of("LOG", "LOG2", "TRUNCATE", "RAND", "RAND_INTEGER");

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
      case "RAND": {
        if (args.isEmpty()) {
          return row -> ThreadLocalRandom.current().nextDouble();
        }
        Random random = new Random(seed(call));
        return row -> random.nextDouble();
      }
      case "RAND_INTEGER": {
        if (args.size() == 1) {
          return Calls.nullIfAny(args, a -> ThreadLocalRandom.current().nextInt(bound(a[0])));
        }
        Random random = new Random(seed(call));
        Expr bound = args.get(1);
        return Calls.nullIfAny(List.of(bound), a -> random.nextInt(bound(a[0])));
      }
      default:
        return null;
    }
  }

  /**
   * The seed of a seeded {@code RAND}/{@code RAND_INTEGER}: its first operand, which must be a
   * constant, as in Flink, so that each parallel instance repeats the same sequence.
   */
  private long seed(RexCall call) {
    RexNode operand = call.getOperands().get(0);
    Object value = operand instanceof RexLiteral literal ? compiler.literalValue(literal) : null;
    if (!(value instanceof Number number)) {
      throw new ValidationException(call.getOperator().getName() + "'s seed must be an integer literal, not '"
          + operand + "'");
    }
    return number.longValue();
  }

  private static int bound(Object value) {
    int bound = Calls.intOf(value);
    if (bound <= 0) {
      throw new IllegalArgumentException("RAND_INTEGER's bound must be positive, but is " + bound);
    }
    return bound;
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
