/** The {@code jdbc} SQL connector: scan, lookup and upsert or append sink on the DataStream JDBC connector. */
package io.spate.table.connectors.jdbc;
