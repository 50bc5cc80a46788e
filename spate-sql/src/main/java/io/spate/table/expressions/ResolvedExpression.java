package io.spate.table.expressions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.List;

/**
 * An expression whose columns, functions and types are known, as the planner hands it to a connector
 * (the filters of {@code SupportsFilterPushDown}): a {@link FieldReferenceExpression}, a {@link
 * ValueLiteralExpression} or a {@link CallExpression}.
 */
@PublicEvolving
public interface ResolvedExpression extends Expression {

  /** The type of the expression's value. */
  DataType getOutputDataType();

  /** The expressions this one is made of; empty for a column or a literal. */
  List<ResolvedExpression> getResolvedChildren();
}
