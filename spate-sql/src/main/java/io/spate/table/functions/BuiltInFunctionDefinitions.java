package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;

/**
 * The built-in functions a {@code CallExpression} given to a source can call, under Flink's names: the
 * comparisons and logical operators of the filters that {@code SupportsFilterPushDown} offers.
 */
@PublicEvolving
public final class BuiltInFunctionDefinitions {

  private BuiltInFunctionDefinitions() {}

  /** {@code a = b}. */
  public static final BuiltInFunctionDefinition EQUALS = new BuiltInFunctionDefinition("equals", "=");
  /** {@code a <> b}. */
  public static final BuiltInFunctionDefinition NOT_EQUALS = new BuiltInFunctionDefinition("notEquals", "<>");
  /** {@code a > b}. */
  public static final BuiltInFunctionDefinition GREATER_THAN = new BuiltInFunctionDefinition("greaterThan", ">");
  /** {@code a >= b}. */
  public static final BuiltInFunctionDefinition GREATER_THAN_OR_EQUAL =
      new BuiltInFunctionDefinition("greaterThanOrEqual", ">=");
  /** {@code a < b}. */
  public static final BuiltInFunctionDefinition LESS_THAN = new BuiltInFunctionDefinition("lessThan", "<");
  /** {@code a <= b}. */
  public static final BuiltInFunctionDefinition LESS_THAN_OR_EQUAL =
      new BuiltInFunctionDefinition("lessThanOrEqual", "<=");
  /** {@code a IS NULL}. */
  public static final BuiltInFunctionDefinition IS_NULL = new BuiltInFunctionDefinition("isNull", "IS NULL");
  /** {@code a IS NOT NULL}. */
  public static final BuiltInFunctionDefinition IS_NOT_NULL = new BuiltInFunctionDefinition("isNotNull", "IS NOT NULL");
  /** {@code a AND b AND ...}. */
  public static final BuiltInFunctionDefinition AND = new BuiltInFunctionDefinition("and", "AND");
  /** {@code a OR b OR ...}. */
  public static final BuiltInFunctionDefinition OR = new BuiltInFunctionDefinition("or", "OR");
  /** {@code NOT a}. */
  public static final BuiltInFunctionDefinition NOT = new BuiltInFunctionDefinition("not", "NOT");

}
