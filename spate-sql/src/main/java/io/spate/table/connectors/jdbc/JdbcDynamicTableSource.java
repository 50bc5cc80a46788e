package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.JdbcKeyLookup;
import io.spate.connectors.jdbc.JdbcSource;
import io.spate.connectors.jdbc.JdbcSourceBuilder;
import io.spate.connectors.jdbc.JdbcUpsertSink;
import io.spate.connectors.jdbc.split.JdbcNumericBetweenParametersProvider;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.connector.source.lookup.AsyncLookupFunctionProvider;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeFamily;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import java.time.Duration;

/**
 * The source of a {@code jdbc} table: a bounded scan of its rows (a {@link JdbcSource}, split into
 * numeric ranges of {@code scan.partition.column} if asked), and lookups of the rows of a key for
 * lookup joins (a {@link JdbcKeyLookup}, with a partial cache if {@code lookup.cache} is
 * {@code PARTIAL}).
 */
@Internal
final class JdbcDynamicTableSource implements ScanTableSource, LookupTableSource {

  private final JdbcTableOptions table;
  private final RowType physical;
  private final ScanOptions scan;
  private final LookupOptions lookup;

  JdbcDynamicTableSource(JdbcTableOptions table, RowType physical, ScanOptions scan, LookupOptions lookup) {
    this.table = table;
    this.physical = physical;
    this.scan = scan;
    this.lookup = lookup;
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    String[] fields = physical.getFieldNames().toArray(new String[0]);
    String query = table.dialect().getSelectFromStatement(table.tableName(), fields, new String[0]);
    JdbcSourceBuilder<Row> builder = JdbcSource.<Row>builder()
        .setDBUrl(table.connection().getDbURL())
        .setDriverName(table.connection().getDriverName())
        .setUsername(table.connection().getUsername().orElse(null))
        .setPassword(table.connection().getPassword().orElse(null))
        .setConnectionCheckTimeoutSeconds(table.connection().getConnectionCheckTimeoutSeconds())
        .setResultExtractor(new JdbcRowConverter(table.table(), physical))
        .setTypeInformation(TypeInfos.ofRow(physical))
        .setResultSetFetchSize(scan.fetchSize())
        .setAutoCommit(scan.autoCommit());
    if (scan.partitionColumn() != null) {
      query += " WHERE " + table.dialect().quoteIdentifier(scan.partitionColumn()) + " BETWEEN ? AND ?";
      builder.setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(scan.lowerBound(),
          scan.upperBound()).ofBatchNum(scan.partitions()));
    }
    return SourceProvider.of(builder.setSql(query).build());
  }

  @Override
  public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
    int[][] keys = context.getKeys();
    String[] keyNames = new String[keys.length];
    JdbcUpsertSink.FieldSetter[] keySetters = new JdbcUpsertSink.FieldSetter[keys.length];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].length != 1) {
        throw new ValidationException("Table " + table.table() + ": the jdbc connector looks up by top-level columns,"
            + " not by nested fields");
      }
      keyNames[i] = physical.getFieldNames().get(keys[i][0]);
      keySetters[i] = JdbcTypeMapping.setter(physical.getTypeAt(keys[i][0]));
    }
    String[] fields = physical.getFieldNames().toArray(new String[0]);
    String query = table.dialect().getSelectFromStatement(table.tableName(), fields, keyNames);
    JdbcKeyLookup<Row, Row> keyLookup = JdbcKeyLookup.<Row, Row>builder()
        .setConnectionOptions(table.connection())
        .setQuery(query)
        .setKeySetter((statement, key) -> {
          for (int i = 0; i < keySetters.length; i++) {
            keySetters[i].set(statement, i + 1, key.getField(i));
          }
        })
        .setResultExtractor(new JdbcRowConverter(table.table(), physical))
        .setCache(lookup.cacheRows(), lookup.expireAfterWrite())
        .setCacheExpireAfterAccess(lookup.expireAfterAccess())
        .setCacheMissingKey(lookup.cacheMissingKey())
        .setMaxRetries(lookup.maxRetries())
        .build();
    return AsyncLookupFunctionProvider.of(new JdbcRowAsyncLookupFunction(table.table(), keyLookup));
  }

  @Override
  public String asSummaryString() {
    return "jdbc";
  }

  /**
   * How a scan runs.
   *
   * @param partitionColumn the column split into ranges, or null for one query
   * @param partitions the number of ranges
   * @param lowerBound the first range's smallest value
   * @param upperBound the last range's largest value
   * @param fetchSize rows per round trip (0: the driver's choice)
   * @param autoCommit whether the queries run with auto-commit
   */
  record ScanOptions(String partitionColumn, int partitions, long lowerBound, long upperBound, int fetchSize,
      boolean autoCommit) implements Serializable {

    static ScanOptions of(ReadableConfig options, RowType physical, String table) {
      String column = options.getOptional(JdbcConnectorOptions.SCAN_PARTITION_COLUMN).orElse(null);
      Integer num = options.getOptional(JdbcConnectorOptions.SCAN_PARTITION_NUM).orElse(null);
      Long lower = options.getOptional(JdbcConnectorOptions.SCAN_PARTITION_LOWER_BOUND).orElse(null);
      Long upper = options.getOptional(JdbcConnectorOptions.SCAN_PARTITION_UPPER_BOUND).orElse(null);
      int fetchSize = options.get(JdbcConnectorOptions.SCAN_FETCH_SIZE);
      boolean autoCommit = options.get(JdbcConnectorOptions.SCAN_AUTO_COMMIT);
      if (fetchSize < 0) {
        throw new ValidationException("Table " + table + ": 'scan.fetch-size' must not be negative, not " + fetchSize);
      }
      if (column == null && num == null && lower == null && upper == null) {
        return new ScanOptions(null, 1, 0, 0, fetchSize, autoCommit);
      }
      if (column == null || num == null || lower == null || upper == null) {
        throw new ValidationException("Table " + table + ": either all or none of the options 'scan.partition.column',"
            + " 'scan.partition.num', 'scan.partition.lower-bound' and 'scan.partition.upper-bound' must be given");
      }
      int index = physical.getFieldNames().indexOf(column);
      if (index < 0) {
        throw new ValidationException("Table " + table + ": 'scan.partition.column' names '" + column
            + "', which is not one of its columns " + physical.getFieldNames());
      }
      LogicalType type = physical.getTypeAt(index);
      if (!type.is(LogicalTypeFamily.INTEGER_NUMERIC)) {
        throw new ValidationException("Table " + table + ": 'scan.partition.column' '" + column + "' is "
            + type.asSummaryString() + "; the scan is split by an integer column (TINYINT, SMALLINT, INT, BIGINT)");
      }
      if (num < 1) {
        throw new ValidationException("Table " + table + ": 'scan.partition.num' must be at least 1, not " + num);
      }
      if (lower > upper) {
        throw new ValidationException("Table " + table + ": 'scan.partition.lower-bound' (" + lower
            + ") must not be greater than 'scan.partition.upper-bound' (" + upper + ")");
      }
      return new ScanOptions(column, num, lower, upper, fetchSize, autoCommit);
    }
  }

  /**
   * How lookups run.
   *
   * @param cacheRows keys the cache keeps (0: no cache)
   * @param expireAfterWrite how long a key stays after it was read from the database, null for no limit
   * @param expireAfterAccess how long a key stays after it was last used, null for no limit
   * @param cacheMissingKey whether keys without rows are cached
   * @param maxRetries retries of a failed query
   */
  record LookupOptions(long cacheRows, Duration expireAfterWrite, Duration expireAfterAccess, boolean cacheMissingKey,
      int maxRetries) implements Serializable {

    static LookupOptions of(ReadableConfig options, String table) {
      int maxRetries = options.get(JdbcConnectorOptions.LOOKUP_MAX_RETRIES);
      if (maxRetries < 0) {
        throw new ValidationException("Table " + table + ": 'lookup.max-retries' must not be negative, not "
            + maxRetries);
      }
      if (options.get(JdbcConnectorOptions.LOOKUP_CACHE) == JdbcConnectorOptions.LookupCacheType.NONE) {
        return new LookupOptions(0, null, null, true, maxRetries);
      }
      Long rows = options.getOptional(JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_MAX_ROWS).orElse(null);
      if (rows == null || rows < 1) {
        throw new ValidationException("Table " + table + ": 'lookup.cache' = 'PARTIAL' needs"
            + " 'lookup.partial-cache.max-rows' (at least 1), the most keys the cache keeps"
            + (rows == null ? "" : "; it is " + rows));
      }
      Duration write = options.getOptional(JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE).orElse(null);
      Duration access = options.getOptional(JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS)
          .orElse(null);
      for (Duration ttl : new Duration[] {write, access}) {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
          throw new ValidationException("Table " + table + ": the expiry times of 'lookup.partial-cache' must be"
              + " positive, not " + ttl);
        }
      }
      return new LookupOptions(rows, write, access,
          options.get(JdbcConnectorOptions.LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY), maxRetries);
    }
  }
}
