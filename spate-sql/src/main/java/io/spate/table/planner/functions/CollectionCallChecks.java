package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnnestOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Flink's rules for calls about collections, checked with messages that name the offending
 * expression and where it is: {@code LISTAGG(value, separator)} takes a string literal as its
 * separator, and {@code UNNEST} takes arrays, maps and multisets only (named with their type).
 */
@Internal
public final class CollectionCallChecks {

  private static final SqlUnnestOperator UNNEST = new CheckedUnnest(false);
  private static final SqlUnnestOperator UNNEST_WITH_ORDINALITY = new CheckedUnnest(true);

  private CollectionCallChecks() {}

  /** {@code node}, its {@code LISTAGG} calls checked and its {@code UNNEST} calls checking their arguments' types. */
  public static SqlNode check(SqlNode node) {
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if ((call.getKind() == SqlKind.LISTAGG || "LISTAGG".equalsIgnoreCase(call.getOperator().getName()))
            && call.operandCount() > 1 && !(call.operand(1) instanceof SqlCharStringLiteral)) {
          SqlNode separator = call.operand(1);
          throw new ValidationException("LISTAGG's separator must be a string literal, not '" + separator + "' ("
              + position(separator.getParserPosition()) + ")");
        }
        if (call.getOperator() instanceof SqlUnnestOperator unnest && !(unnest instanceof CheckedUnnest)
            && call instanceof SqlBasicCall basic) {
          basic.setOperator(unnest.withOrdinality ? UNNEST_WITH_ORDINALITY : UNNEST);
        }
        return super.visit(call);
      }
    });
    return node;
  }

  private static String position(SqlParserPos pos) {
    return "at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
  }

  /** Calcite's UNNEST, failing on an argument that is no collection with a message that names it and its type. */
  private static final class CheckedUnnest extends SqlUnnestOperator {
    CheckedUnnest(boolean withOrdinality) {
      super(withOrdinality);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      for (int i = 0; i < binding.getOperandCount(); i++) {
        RelDataType type = binding.getOperandType(i);
        switch (type.getSqlTypeName()) {
          case ARRAY, MAP, MULTISET, ANY:
            break;
          default:
            SqlNode operand = binding.operand(i);
            throw new ValidationException("UNNEST takes an ARRAY, a MAP or a MULTISET, but " + operand + " is of type "
                + SpateTypeFactory.toLogicalType(type).asSummaryString() + " ("
                + position(operand.getParserPosition()) + ")");
        }
      }
      return super.checkOperandTypes(binding, throwOnFailure);
    }
  }
}
