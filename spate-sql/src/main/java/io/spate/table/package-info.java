/**
 * Spate SQL and the Table API: Flink SQL parsed, validated and optimized with Apache Calcite, planned
 * into DataStream jobs on Spate's operators and keyed state.
 */
package io.spate.table;
