package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks that every {@code LISTAGG(value, separator)} of a statement has a string literal as its
 * separator, as Flink requires; a column or an expression there fails naming its position.
 */
@Internal
public final class ListAggSeparators {

  private ListAggSeparators() {}

  /** {@code node}, after checking its {@code LISTAGG} calls. */
  public static SqlNode check(SqlNode node) {
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if ((call.getKind() == SqlKind.LISTAGG || "LISTAGG".equalsIgnoreCase(call.getOperator().getName()))
            && call.operandCount() > 1
            && !(call.operand(1) instanceof SqlCharStringLiteral)) {
          SqlNode separator = call.operand(1);
          throw new ValidationException("LISTAGG's separator must be a string literal, not '" + separator
              + "' (at line " + separator.getParserPosition().getLineNum() + ", column "
              + separator.getParserPosition().getColumnNum() + ")");
        }
        return super.visit(call);
      }
    });
    return node;
  }
}
