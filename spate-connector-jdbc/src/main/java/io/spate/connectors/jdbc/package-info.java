/**
 * JDBC connectors with Flink's names: {@link io.spate.connectors.jdbc.JdbcSink} (batched at-least-once,
 * or exactly-once with XA transactions), {@link io.spate.connectors.jdbc.JdbcSource} (a bounded query
 * split into parallel numeric ranges) and {@link io.spate.connectors.jdbc.JdbcAsyncLookupFunction}
 * (asynchronous, cached lookups for enrichment).
 */
package io.spate.connectors.jdbc;
