package io.spate.table.planner.codegen;

import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.expr.Comparisons;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.types.logical.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import io.spate.table.api.TableException;

/** Compiles calls of Flink's {@code IF}, {@code IFNULL}, {@code GREATEST}, {@code LEAST} and {@code TYPEOF}. */
final class ConditionalCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final java.util.Set<String> NAMES = java.util.Set.of("IF", "IFNULL", "GREATEST", "LEAST", "TYPEOF");

  private final ExprCompiler compiler;

  ConditionalCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** {@code call} as an expression, or null if it is not a call of one of these functions. */
  Expr compile(String name, RexCall call) {
    ValueType type = ValueTypes.of(call.getType());
    switch (name) {
      case "IF": {
        List<Expr> args = compiler.compileAll(call.getOperands());
        Expr condition = args.get(0);
        Expr then = args.get(1);
        Expr otherwise = args.get(2);
        // Only the branch taken is evaluated, as CASE does.
        return row -> convert(Boolean.TRUE.equals(condition.eval(row)) ? then.eval(row) : otherwise.eval(row), type);
      }
      case "IFNULL": {
        List<Expr> args = compiler.compileAll(call.getOperands());
        Expr value = args.get(0);
        Expr replacement = args.get(1);
        return row -> {
          Object v = value.eval(row);
          return convert(v != null ? v : replacement.eval(row), type);
        };
      }
      case "GREATEST":
      case "LEAST": {
        int sign = name.equals("GREATEST") ? 1 : -1;
        List<Expr> args = compiler.compileAll(call.getOperands());
        return Calls.nullIfAny(args, a -> {
          Object best = a[0];
          for (int i = 1; i < a.length; i++) {
            if (Comparisons.compare(a[i], best) * sign > 0) {
              best = a[i];
            }
          }
          return convert(best, type);
        });
      }
      case "TYPEOF":
        return typeOf(call);
      default:
        return null;
    }
  }

  /** The argument's type as text: known while planning, so a constant. */
  private Expr typeOf(RexCall call) {
    boolean serializable = false;
    if (call.getOperands().size() > 1) {
      RexNode flag = call.getOperands().get(1);
      if (!(flag instanceof RexLiteral literal) || literal.isNull()) {
        throw new TableException("TYPEOF(input, force_serializable) takes TRUE or FALSE as a literal, not " + flag);
      }
      serializable = Boolean.TRUE.equals(compiler.literalValue(literal));
    }
    LogicalType type = SpateTypeFactory.toLogicalType(call.getOperands().get(0).getType());
    String text = serializable ? type.asSerializableString() : type.asSummaryString();
    return row -> text;
  }

  /** A value in the call's type: numbers of a narrower type widened, as Flink casts the arguments to their common type. */
  static Object convert(Object value, ValueType type) {
    if (value instanceof Number n && type.kind().isNumeric()) {
      return Numbers.convert(n, type);
    }
    return value;
  }
}
