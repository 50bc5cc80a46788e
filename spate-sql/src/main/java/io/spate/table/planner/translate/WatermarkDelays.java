package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Recognizes the usual watermark expressions, {@code ts} and {@code ts - INTERVAL 'n' unit}, whose
 * watermark is the row's timestamp less a constant: those need no evaluation per row.
 */
@Internal
final class WatermarkDelays {

  private WatermarkDelays() {}

  /** How many milliseconds {@code expression} trails field {@code rowtime} by, or -1 if it is no such expression. */
  static long of(RexNode expression, int rowtime) {
    if (isField(expression, rowtime)) {
      return 0;
    }
    if (expression instanceof RexCall call && call.getKind() == SqlKind.MINUS && call.getOperands().size() == 2
        && isField(call.getOperands().get(0), rowtime)
        && call.getOperands().get(1) instanceof RexLiteral literal
        && literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
      BigDecimal millis = literal.getValueAs(BigDecimal.class);
      return millis == null || millis.signum() < 0 ? -1 : millis.longValueExact();
    }
    return -1;
  }

  private static boolean isField(RexNode expression, int field) {
    RexNode stripped = expression;
    while (stripped instanceof RexCall cast && cast.getKind() == SqlKind.CAST
        && cast.getType().getSqlTypeName() == cast.getOperands().get(0).getType().getSqlTypeName()) {
      stripped = cast.getOperands().get(0);
    }
    return stripped instanceof RexInputRef ref && ref.getIndex() == field;
  }
}
