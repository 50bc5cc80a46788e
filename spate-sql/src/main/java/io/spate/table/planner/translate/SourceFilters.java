package io.spate.table.planner.translate;

import io.spate.table.expressions.CallExpression;
import io.spate.table.expressions.FieldReferenceExpression;
import io.spate.table.expressions.ResolvedExpression;
import io.spate.table.expressions.ValueLiteralExpression;
import io.spate.table.functions.BuiltInFunctionDefinition;
import io.spate.table.functions.BuiltInFunctionDefinitions;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The filters a table's source is offered ({@code SupportsFilterPushDown}): of the conditions its
 * readers apply straight over it ({@link ReadFields#conditionsOf}), what every row some reader keeps
 * meets, over the table's physical columns. Each condition gives up the parts that cannot be said that
 * way (a computed column, a function call): the result is weaker than the readers' conditions, never
 * stronger, so a source that applies it drops no row a reader keeps.
 */
final class SourceFilters {

  private static final Map<SqlKind, BuiltInFunctionDefinition> COMPARISONS = Map.of(
      SqlKind.EQUALS, BuiltInFunctionDefinitions.EQUALS,
      SqlKind.NOT_EQUALS, BuiltInFunctionDefinitions.NOT_EQUALS,
      SqlKind.GREATER_THAN, BuiltInFunctionDefinitions.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL, BuiltInFunctionDefinitions.GREATER_THAN_OR_EQUAL,
      SqlKind.LESS_THAN, BuiltInFunctionDefinitions.LESS_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, BuiltInFunctionDefinitions.LESS_THAN_OR_EQUAL);

  private static final DataType BOOLEAN = TypeConversions.fromLogicalToDataType(
      new io.spate.table.types.logical.BooleanType());

  private final List<RexNode> columns;
  private final RowType physical;
  private final RexBuilder rex;

  /**
   * Filters over {@code physical}, the table's physical columns; {@code columns} are the table's
   * columns as expressions over rows of its physical fields (then its metadata columns).
   */
  SourceFilters(List<RexNode> columns, RowType physical, RexBuilder rex) {
    this.columns = columns;
    this.physical = physical;
    this.rex = rex;
  }

  /**
   * The filters to offer for readers with {@code conditions} (over the table's columns): the conjuncts
   * of the one reader's condition, or one disjunction of the readers' conditions; empty if some reader's
   * condition says nothing of the physical columns, so that every row may be kept.
   */
  List<ResolvedExpression> of(List<RexNode> conditions) {
    Set<ResolvedExpression> perReader = new LinkedHashSet<>();
    for (RexNode condition : conditions) {
      ResolvedExpression weakened = convert(RexUtil.expandSearch(rex, null, condition), true);
      if (weakened == null) {
        return List.of();
      }
      perReader.add(weakened);
    }
    if (perReader.size() > 1) {
      return List.of(new CallExpression(BuiltInFunctionDefinitions.OR, new ArrayList<>(perReader), BOOLEAN));
    }
    ResolvedExpression only = perReader.iterator().next();
    if (only instanceof CallExpression call && call.getFunctionDefinition() == BuiltInFunctionDefinitions.AND) {
      return call.getResolvedChildren();
    }
    return List.of(only);
  }

  /**
   * {@code node} as an expression over the physical columns, or null if it cannot be one. Where {@code
   * weaken}, a conjunction keeps the conjuncts that can (the expression may then hold for more rows);
   * under a {@code NOT} the expression must be exact.
   */
  private ResolvedExpression convert(RexNode node, boolean weaken) {
    if (node instanceof RexInputRef ref) {
      RexNode column = columns.get(ref.getIndex());
      if (column instanceof RexInputRef field && field.getIndex() < physical.getFieldCount()) {
        return new FieldReferenceExpression(physical.getFieldNames().get(field.getIndex()),
            TypeConversions.fromLogicalToDataType(physical.getTypeAt(field.getIndex())), 0, field.getIndex());
      }
      return null;
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    BuiltInFunctionDefinition comparison = COMPARISONS.get(kind);
    if (comparison != null || kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL || kind == SqlKind.NOT) {
      List<ResolvedExpression> operands = new ArrayList<>();
      for (RexNode operand : call.getOperands()) {
        ResolvedExpression converted = convert(operand, false);
        if (converted == null) {
          return null;
        }
        operands.add(converted);
      }
      BuiltInFunctionDefinition function = comparison != null ? comparison
          : kind == SqlKind.IS_NULL ? BuiltInFunctionDefinitions.IS_NULL
          : kind == SqlKind.IS_NOT_NULL ? BuiltInFunctionDefinitions.IS_NOT_NULL : BuiltInFunctionDefinitions.NOT;
      return new CallExpression(function, operands, BOOLEAN);
    }
    if (kind == SqlKind.AND) {
      List<ResolvedExpression> conjuncts = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(call)) {
        ResolvedExpression converted = convert(conjunct, weaken);
        if (converted == null && !weaken) {
          return null;
        }
        if (converted != null) {
          conjuncts.add(converted);
        }
      }
      return conjuncts.isEmpty() ? null
          : conjuncts.size() == 1 ? conjuncts.get(0) : new CallExpression(BuiltInFunctionDefinitions.AND, conjuncts, BOOLEAN);
    }
    if (kind == SqlKind.OR) {
      List<ResolvedExpression> disjuncts = new ArrayList<>();
      for (RexNode disjunct : RelOptUtil.disjunctions(call)) {
        ResolvedExpression converted = convert(disjunct, weaken);
        if (converted == null) {
          return null;
        }
        disjuncts.add(converted);
      }
      return new CallExpression(BuiltInFunctionDefinitions.OR, disjuncts, BOOLEAN);
    }
    return null;
  }

  private static ResolvedExpression literal(RexLiteral literal) {
    DataType type = TypeConversions.fromLogicalToDataType(SpateTypeFactory.toLogicalType(literal.getType()));
    if (literal.isNull()) {
      return new ValueLiteralExpression(null, type);
    }
    Object value = switch (literal.getType().getSqlTypeName()) {
      case TINYINT -> literal.getValueAs(Byte.class);
      case SMALLINT -> literal.getValueAs(Short.class);
      case INTEGER -> literal.getValueAs(Integer.class);
      case BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case DOUBLE, FLOAT -> literal.getValueAs(Double.class);
      case REAL -> literal.getValueAs(Float.class);
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      default -> null;
    };
    return value == null ? null : new ValueLiteralExpression(value, type);
  }
}
