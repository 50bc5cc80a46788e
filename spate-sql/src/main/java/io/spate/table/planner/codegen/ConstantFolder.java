package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Folds constant expressions while planning with Spate's own evaluation, so that a constant gives the
 * value it would give at run time (Calcite's executor has its own semantics and knows none of
 * Flink's functions). An expression it cannot fold, or whose value it cannot write as a literal,
 * stays as it is and is evaluated at run time.
 */
@Internal
public final class ConstantFolder implements RexExecutor {

  private static final Row NO_INPUT = new Row(0);

  private final Supplier<ZoneId> zone;

  /** A folder that evaluates in the session's time zone, as {@code zone} gives it when planning. */
  public ConstantFolder(Supplier<ZoneId> zone) {
    this.zone = zone;
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    ExprCompiler compiler = new ExprCompiler(rexBuilder, zone.get());
    for (RexNode expression : constExps) {
      RexNode folded;
      try {
        folded = literal(rexBuilder, compiler.compile(expression).eval(NO_INPUT), expression.getType());
      } catch (RuntimeException e) {
        folded = null; // fails at run time instead, with the row's context
      }
      reducedValues.add(folded == null ? expression : folded);
    }
  }

  /** {@code value} as a literal of {@code type}, or null if it has no literal form here. */
  private static RexNode literal(RexBuilder rexBuilder, Object value, RelDataType type) {
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    SqlTypeName name = type.getSqlTypeName();
    Object literal;
    if (value instanceof LocalDateTime t && name == SqlTypeName.TIMESTAMP) {
      literal = timestamp(t);
    } else if (value instanceof Instant i && name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      literal = timestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    } else if (value instanceof LocalDate d && name == SqlTypeName.DATE) {
      literal = new DateString(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    } else if (value instanceof LocalTime t && name == SqlTypeName.TIME) {
      literal = new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(t.getNano());
    } else if (value instanceof Number n && SqlTypeName.NUMERIC_TYPES.contains(name)) {
      literal = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    } else if (value instanceof String || value instanceof Boolean) {
      literal = value;
    } else {
      return null;
    }
    return rexBuilder.makeLiteral(literal, type, false);
  }

  private static TimestampString timestamp(LocalDateTime t) {
    return new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
        t.getSecond()).withNanos(t.getNano());
  }
}
