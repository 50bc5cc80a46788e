/** User-defined functions: scalar, table and aggregate functions written in Java, with Flink's names. */
package io.spate.table.functions;
