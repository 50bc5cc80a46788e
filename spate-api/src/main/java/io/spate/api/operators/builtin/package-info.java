/**
 * Operators that Spate's own DataStream methods create ({@code map}, {@code flatMap}, {@code
 * filter}). Internal: use the DataStream methods, or write an operator on the SPI.
 */
package io.spate.api.operators.builtin;
