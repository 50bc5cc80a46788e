package io.spate.table.planner.calcite;

import io.spate.api.annotation.Internal;
import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's expression builder, except that an interval literal cast to another interval type of its kind is a
 * literal of that type: Spate holds every day-time interval in milliseconds and every year-month one in months, so
 * the value stays, and a {@code VALUES} (such as the rows of a {@code UNION ALL} of constant selects, widened to
 * a common interval type) can only hold literals, not the CAST Calcite would leave.
 */
@Internal
public final class SpateRexBuilder extends RexBuilder {

  /** A builder of expressions of {@code typeFactory}'s types. */
  public SpateRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
      RexLiteral format) {
    if (exp instanceof RexLiteral literal && !literal.isNull()
        && sameIntervalKind(literal.getType().getSqlTypeName(), type.getSqlTypeName())) {
      return makeIntervalLiteral(literal.getValueAs(BigDecimal.class), type.getIntervalQualifier());
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  /** Whether both are year-month or both are day-time interval types, which Spate holds alike. */
  static boolean sameIntervalKind(SqlTypeName from, SqlTypeName to) {
    return SqlTypeName.YEAR_INTERVAL_TYPES.contains(from) && SqlTypeName.YEAR_INTERVAL_TYPES.contains(to)
        || SqlTypeName.DAY_INTERVAL_TYPES.contains(from) && SqlTypeName.DAY_INTERVAL_TYPES.contains(to);
  }
}
