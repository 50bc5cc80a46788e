package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;

/**
 * A function from values to a value, written as one or more public methods named {@code eval}: their
 * parameter and return classes give the SQL types (or a {@link io.spate.table.annotation.DataTypeHint}
 * does), a call picks the method its argument types fit, and a varargs method takes any number of
 * arguments. An {@code eval} that returns null gives SQL's NULL.
 *
 * <pre>{@code
 * public static class Twice extends ScalarFunction {
 *   public Long eval(Long n) {
 *     return n == null ? null : n * 2;
 *   }
 * }
 * }</pre>
 */
@PublicEvolving
public abstract class ScalarFunction extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;
}
