package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.ValueType.Kind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The order in which generated code evaluates the operands of an {@code AND} or {@code OR}: cheap
 * operands first, so that a costly one (a regular expression, an interpreted call) is skipped when a
 * cheap one decides. SQL's three-valued {@code AND} and {@code OR} give the same value in any order,
 * so the order is only visible through a failure (an operand evaluated that the written order would
 * have skipped could throw) or a side effect; operands are therefore reordered only when every one of
 * them is deterministic and made of parts that cannot fail.
 */
final class CheapFirst {

  /** Functions, by name, whose typed code or interpreted implementation cannot throw for any value of their operands' types. */
  private static final Set<String> SAFE_FUNCTIONS = Set.of("LOWER", "UPPER", "CHAR_LENGTH", "CHARACTER_LENGTH");

  private static final int COSTLY = 20;

  private CheapFirst() {}

  /** {@code operands} in the order to evaluate them: by cost if all are safe to evaluate in any order, else as written. */
  static List<RexNode> ordered(List<RexNode> operands) {
    if (operands.size() < 2 || !operands.stream().allMatch(o -> RexUtil.isDeterministic(o) && cannotFail(o))) {
      return operands;
    }
    return operands.stream().sorted(Comparator.comparingInt(CheapFirst::cost)).toList();
  }

  /** Whether evaluating {@code node} cannot throw, whatever the row holds. */
  static boolean cannotFail(RexNode node) {
    if (node instanceof RexInputRef || node instanceof RexLiteral) {
      return true;
    }
    if (node instanceof RexFieldAccess access) {
      return cannotFail(access.getReferenceExpr());
    }
    if (!(node instanceof RexCall call) || !call.getOperands().stream().allMatch(CheapFirst::cannotFail)) {
      return false;
    }
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case AND:
      case OR:
      case NOT:
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return true;
      case CAST:
        // Between strings (padding or cutting to a length) or between Java's primitive numbers (converting as Java does).
        return kind(operands.get(0)).isString() && kind(call).isString()
            || primitiveNumber(kind(operands.get(0))) && primitiveNumber(kind(call));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparable(kind(operands.get(0)), kind(operands.get(1)));
      default:
        break;
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (SAFE_FUNCTIONS.contains(name)) {
      return operands.size() == 1 && kind(operands.get(0)).isString();
    }
    // A constant pattern is compiled when the query is planned (a bad one fails there); a group beyond the
    // pattern's gives NULL.
    return name.equals("REGEXP_EXTRACT") && operands.size() >= 2 && kind(operands.get(0)).isString()
        && operands.get(1) instanceof RexLiteral pattern && !pattern.isNull()
        && operands.stream().skip(2).allMatch(o -> o instanceof RexLiteral);
  }

  /** Whether generated code compares values of these kinds with Java's operators or {@code String.compareTo}. */
  private static boolean comparable(Kind left, Kind right) {
    return primitiveNumber(left) && primitiveNumber(right) || left.isString() && right.isString()
        || left == Kind.BOOLEAN && right == Kind.BOOLEAN;
  }

  private static boolean primitiveNumber(Kind kind) {
    return kind.isNumeric() && kind != Kind.DECIMAL;
  }

  private static Kind kind(RexNode node) {
    return ValueTypes.of(node.getType()).kind();
  }

  /** A rough cost of evaluating {@code node}: its size, and much more for calls that typed code does not make. */
  static int cost(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return node instanceof RexFieldAccess access ? 1 + cost(access.getReferenceExpr()) : 0;
    }
    int cost = switch (call.getKind()) {
      case AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, EQUALS, NOT_EQUALS,
          LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, PLUS, MINUS, TIMES, CAST -> 1;
      default -> SAFE_FUNCTIONS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT)) ? 2 : COSTLY;
    };
    for (RexNode operand : call.getOperands()) {
      cost += cost(operand);
    }
    return cost;
  }
}
