package io.spate.table.expressions;

import io.spate.api.annotation.PublicEvolving;

/** An expression of the Table API: a column, a literal, or a call over other expressions. */
@PublicEvolving
public interface Expression {

  /** The expression as Spate SQL text, such as {@code (`price` * 2)}. */
  String asSerializableString();

  /** A short text of the expression for messages. */
  default String asSummaryString() {
    return asSerializableString();
  }
}
