package io.spate.table.expressions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.functions.BuiltInFunctionDefinition;
import io.spate.table.functions.FunctionDefinition;
import io.spate.table.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A call of a function ({@link io.spate.table.functions.BuiltInFunctionDefinitions}) on other expressions. */
@PublicEvolving
public final class CallExpression implements ResolvedExpression {

  private final FunctionDefinition functionDefinition;
  private final List<ResolvedExpression> args;
  private final DataType dataType;

  /** A call of {@code functionDefinition} on {@code args}, whose value is of type {@code dataType}. */
  public CallExpression(FunctionDefinition functionDefinition, List<ResolvedExpression> args, DataType dataType) {
    this.functionDefinition = Objects.requireNonNull(functionDefinition, "functionDefinition");
    this.args = List.copyOf(args);
    this.dataType = Objects.requireNonNull(dataType, "dataType");
  }

  /** The function called. */
  public FunctionDefinition getFunctionDefinition() {
    return functionDefinition;
  }

  @Override
  public DataType getOutputDataType() {
    return dataType;
  }

  @Override
  public List<ResolvedExpression> getResolvedChildren() {
    return args;
  }

  @Override
  public String asSerializableString() {
    return text(Expression::asSerializableString);
  }

  @Override
  public String asSummaryString() {
    return text(Expression::asSummaryString);
  }

  private String text(Function<Expression, String> operandText) {
    List<String> operands = args.stream().map(operandText).toList();
    return functionDefinition instanceof BuiltInFunctionDefinition builtIn ? builtIn.callText(operands)
        : functionDefinition + "(" + String.join(", ", operands) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallExpression c && c.functionDefinition.equals(functionDefinition) && c.args.equals(args)
        && c.dataType.equals(dataType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(functionDefinition, args, dataType);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
