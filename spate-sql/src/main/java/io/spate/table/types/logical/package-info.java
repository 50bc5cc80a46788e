/**
 * Spate SQL's logical types, Flink's: what a column or expression holds ({@code INT}, {@code VARCHAR(10)},
 * {@code ROW<...>}) independent of its Java representation, which {@link io.spate.table.types.DataType} adds.
 */
package io.spate.table.types.logical;
