package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.FlinkStringTimeFunctions;
import io.spate.table.runtime.expr.PatternCache;
import io.spate.table.runtime.expr.builtin.TimeBuiltIns;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** Compiles calls of Flink's {@code TO_DATE}, {@code CONVERT_TZ}, {@code CURRENT_ROW_TIMESTAMP} and {@code CURRENT_TIME}. */
final class TimeCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final Set<String> NAMES = Set.of("TO_DATE", "CONVERT_TZ", "CURRENT_ROW_TIMESTAMP", "CURRENT_TIME",
      "LOCALTIME");

  private final ExprCompiler compiler;

  TimeCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** {@code call} as an expression, or null if it is not a call of one of these functions. */
  Expr compile(String name, RexCall call) {
    List<Expr> args = compiler.compileAll(call.getOperands());
    switch (name) {
      case "TO_DATE": {
        PatternCache<DateTimeFormatter> formats = formats(call, 1);
        return Calls.nullIfAny(args, a -> TimeBuiltIns.toDate((String) a[0],
            formats.apply(a.length > 1 ? a[1] : TimeBuiltIns.DEFAULT_DATE_PATTERN)));
      }
      case "CONVERT_TZ":
        return Calls.nullIfAny(args, a -> TimeBuiltIns.convertTz((String) a[0], (String) a[1], (String) a[2]));
      case "CURRENT_ROW_TIMESTAMP":
        return row -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
      case "CURRENT_TIME":
      case "LOCALTIME": {
        ZoneId zone = compiler.zone();
        return row -> LocalTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
      }
      default:
        return null;
    }
  }

  /** The formatters of operand {@code index}'s patterns, cached; a bad constant pattern fails the planning. */
  private PatternCache<DateTimeFormatter> formats(RexCall call, int index) {
    PatternCache<DateTimeFormatter> cache = new PatternCache<>(p -> FlinkStringTimeFunctions.formatter((String) p));
    if (call.getOperands().size() > index) {
      RexNode operand = call.getOperands().get(index);
      if (operand instanceof RexLiteral literal && !literal.isNull()) {
        cache.apply(compiler.literalValue(literal));
      }
    }
    return cache;
  }
}
