package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.types.logical.RowType;
import java.util.Set;

/**
 * The {@code jdbc} connector: a table of a database reached by JDBC (PostgreSQL now), read by a
 * bounded scan (in parallel ranges with {@code scan.partition.*}), looked up by key in lookup joins
 * (with an optional cache), and written by an upsert sink if the table has a {@code PRIMARY KEY}
 * (deletes by key too) or an append-only sink if not.
 */
@PublicEvolving
public final class JdbcDynamicTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {

  /** The connector's identifier. */
  public static final String IDENTIFIER = "jdbc";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(JdbcConnectorOptions.URL, JdbcConnectorOptions.TABLE_NAME);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(JdbcConnectorOptions.DRIVER, JdbcConnectorOptions.USERNAME, JdbcConnectorOptions.PASSWORD,
        JdbcConnectorOptions.CONNECTION_MAX_RETRY_TIMEOUT, JdbcConnectorOptions.SCAN_PARTITION_COLUMN,
        JdbcConnectorOptions.SCAN_PARTITION_NUM, JdbcConnectorOptions.SCAN_PARTITION_LOWER_BOUND,
        JdbcConnectorOptions.SCAN_PARTITION_UPPER_BOUND, JdbcConnectorOptions.SCAN_FETCH_SIZE,
        JdbcConnectorOptions.SCAN_AUTO_COMMIT, JdbcConnectorOptions.LOOKUP_CACHE,
        JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_MAX_ROWS, JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE,
        JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS,
        JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY, JdbcConnectorOptions.LOOKUP_MAX_RETRIES,
        JdbcConnectorOptions.SINK_BUFFER_FLUSH_MAX_ROWS, JdbcConnectorOptions.SINK_BUFFER_FLUSH_INTERVAL,
        JdbcConnectorOptions.SINK_MAX_RETRIES, JdbcConnectorOptions.SINK_PARALLELISM);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    ReadableConfig options = validatedOptions(context);
    String table = context.getObjectIdentifier().asSummaryString();
    RowType physical = context.getCatalogTable().getPhysicalRowType();
    checkTypes(physical, table);
    return new JdbcDynamicTableSource(JdbcTableOptions.of(options, table), physical,
        JdbcDynamicTableSource.ScanOptions.of(options, physical, table),
        JdbcDynamicTableSource.LookupOptions.of(options, table));
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    ReadableConfig options = validatedOptions(context);
    String table = context.getObjectIdentifier().asSummaryString();
    CatalogTable catalogTable = context.getCatalogTable();
    RowType physical = catalogTable.getPhysicalRowType();
    checkTypes(physical, table);
    return new JdbcDynamicTableSink(JdbcTableOptions.of(options, table), physical, catalogTable.getPrimaryKey(),
        JdbcDynamicTableSink.WriteOptions.of(options, table));
  }

  private ReadableConfig validatedOptions(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    helper.validate();
    return helper.getOptions();
  }

  private static void checkTypes(RowType physical, String table) {
    if (physical.getFieldCount() == 0) {
      throw new ValidationException("Table " + table + " has no physical columns to read or write");
    }
    for (int i = 0; i < physical.getFieldCount(); i++) {
      JdbcTypeMapping.checkSupported(physical.getTypeAt(i), table, physical.getFieldNames().get(i));
    }
  }
}
