package io.spate.table.annotation;

import io.spate.api.annotation.PublicEvolving;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL type of a function's parameter, result or accumulator where its Java class does not say
 * it (a {@code BigDecimal}'s precision, a {@code Row}'s fields): a type string such as
 * {@code "DECIMAL(12, 2)"} or {@code "ROW<name STRING, n INT>"}.
 */
@PublicEvolving
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface DataTypeHint {

  /** The type, as SQL's DDL writes it. */
  String value() default "";
}
