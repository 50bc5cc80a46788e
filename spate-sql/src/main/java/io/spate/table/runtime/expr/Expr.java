package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.io.Serializable;

/**
 * A compiled SQL expression: evaluates to a value of its SQL type (in the Java class Flink uses for
 * that type outside its engine, {@code Long} for {@code BIGINT}, {@code LocalDateTime} for {@code
 * TIMESTAMP}, ...) or null, reading the fields of an input row. Expressions travel with the job, so
 * they are serializable.
 */
@Internal
@FunctionalInterface
public interface Expr extends Serializable {

  /** The expression's value for {@code input}; null is SQL's NULL. */
  Object eval(Row input);
}
