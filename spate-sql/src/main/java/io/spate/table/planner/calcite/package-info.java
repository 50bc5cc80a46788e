/** Spate SQL's bridge to Apache Calcite's types: the type factory and the type system with Flink's rules. */
package io.spate.table.planner.calcite;
