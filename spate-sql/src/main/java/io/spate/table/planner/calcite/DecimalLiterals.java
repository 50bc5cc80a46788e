package io.spate.table.planner.calcite;

import io.spate.api.annotation.Internal;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Gives exact decimal literals Flink's types: {@code 0.908} is a {@code DECIMAL(3, 3)} (its digits
 * without the leading zero), where Calcite's parser counts the zero ({@code DECIMAL(4, 3)}), which
 * widened every product with it by one digit ({@code 0.908 * price} for a {@code BIGINT} price must
 * be a {@code DECIMAL(23, 3)}).
 */
@Internal
public final class DecimalLiterals extends SqlShuttle {

  private static final DecimalLiterals INSTANCE = new DecimalLiterals();

  private DecimalLiterals() {}

  /** {@code node} with its decimal literals typed as Flink types them. */
  public static SqlNode rewrite(SqlNode node) {
    return node.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral numeric && numeric.isExact()) {
      BigDecimal value = numeric.getValueAs(BigDecimal.class);
      if (value.scale() > 0) {
        int precision = Math.max(value.precision(), value.scale());
        if (numeric.getPrec() == null || numeric.getPrec() != precision) {
          return new FlinkDecimalLiteral(value, precision, value.scale(), numeric.getParserPosition());
        }
      }
    }
    return literal;
  }

  /** A decimal literal with the precision Flink gives it. */
  private static final class FlinkDecimalLiteral extends SqlNumericLiteral {
    FlinkDecimalLiteral(BigDecimal value, int precision, int scale, SqlParserPos position) {
      super(value, precision, scale, true, position);
    }
  }
}
