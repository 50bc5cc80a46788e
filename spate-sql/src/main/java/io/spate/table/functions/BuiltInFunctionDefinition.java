package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/** One of Spate's built-in functions, by its name; compare with the constants of {@link BuiltInFunctionDefinitions}. */
@PublicEvolving
public final class BuiltInFunctionDefinition implements FunctionDefinition {

  private final String name;
  private final String sqlOperator;

  BuiltInFunctionDefinition(String name, String sqlOperator) {
    this.name = name;
    this.sqlOperator = sqlOperator;
  }

  /** The function's name, such as {@code equals}. */
  public String getName() {
    return name;
  }

  /** A call of this function on {@code operands}, each given as SQL text, as SQL text. */
  public String callText(List<String> operands) {
    if (this == BuiltInFunctionDefinitions.NOT) {
      return "NOT " + operands.get(0);
    }
    if (this == BuiltInFunctionDefinitions.IS_NULL || this == BuiltInFunctionDefinitions.IS_NOT_NULL) {
      return operands.get(0) + " " + sqlOperator;
    }
    return "(" + String.join(" " + sqlOperator + " ", operands) + ")";
  }

  @Override
  public String toString() {
    return name;
  }
}
