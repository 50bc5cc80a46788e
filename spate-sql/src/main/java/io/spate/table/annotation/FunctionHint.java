package io.spate.table.annotation;

import io.spate.api.annotation.PublicEvolving;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The result and accumulator types of a user-defined function, for a class whose generic types do
 * not say them; {@code @FunctionHint(output = @DataTypeHint("DECIMAL(12, 2)"))}.
 */
@PublicEvolving
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionHint {

  /** The type of the function's result (of a table function: of its rows). */
  DataTypeHint output() default @DataTypeHint;

  /** The type of an aggregate function's accumulator. */
  DataTypeHint accumulator() default @DataTypeHint;
}
