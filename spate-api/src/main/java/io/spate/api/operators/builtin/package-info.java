/**
 * Operators that Spate's own DataStream methods create ({@code map}, {@code process}, the operators
 * of connected and broadcast streams...), and the factories describing those that the runtime
 * implements. Internal: use the DataStream methods, or write an operator on the SPI.
 */
package io.spate.api.operators.builtin;
