package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import java.time.Duration;

/** The options of the {@code jdbc} SQL connector, with Flink's names and defaults. */
@PublicEvolving
public final class JdbcConnectorOptions {

  /** The JDBC URL of the database. */
  public static final ConfigOption<String> URL = ConfigOptions.key("url").stringType().noDefaultValue()
      .withDescription("The JDBC URL of the database, such as jdbc:postgresql://host:5432/shop.");

  /** The table in the database. */
  public static final ConfigOption<String> TABLE_NAME = ConfigOptions.key("table-name").stringType()
      .noDefaultValue().withDescription("The name of the table in the database (schema.table where needed).");

  /** The driver class; derived from the URL if not set. */
  public static final ConfigOption<String> DRIVER = ConfigOptions.key("driver").stringType().noDefaultValue()
      .withDescription("The class name of the JDBC driver; derived from the URL if not set.");

  /** The user. */
  public static final ConfigOption<String> USERNAME = ConfigOptions.key("username").stringType().noDefaultValue()
      .withDescription("The user to connect as; 'password' must be set with it.");

  /** The password. */
  public static final ConfigOption<String> PASSWORD = ConfigOptions.key("password").stringType().noDefaultValue()
      .withDescription("The user's password.");

  /** How long a check that a connection still works may take. */
  public static final ConfigOption<Duration> CONNECTION_MAX_RETRY_TIMEOUT = ConfigOptions
      .key("connection.max-retry-timeout").durationType().defaultValue(Duration.ofSeconds(60))
      .withDescription("How long a connection check may take before the connection counts as broken (at least 1 s).");

  /** The numeric, date or timestamp column the scan is split by. */
  public static final ConfigOption<String> SCAN_PARTITION_COLUMN = ConfigOptions.key("scan.partition.column")
      .stringType().noDefaultValue().withDescription("The numeric column that splits the scan into ranges.");

  /** The number of ranges. */
  public static final ConfigOption<Integer> SCAN_PARTITION_NUM = ConfigOptions.key("scan.partition.num").intType()
      .noDefaultValue().withDescription("The number of ranges the scan is split into.");

  /** The smallest value of the first range. */
  public static final ConfigOption<Long> SCAN_PARTITION_LOWER_BOUND = ConfigOptions.key("scan.partition.lower-bound")
      .longType().noDefaultValue().withDescription("The smallest value of the first range.");

  /** The largest value of the last range. */
  public static final ConfigOption<Long> SCAN_PARTITION_UPPER_BOUND = ConfigOptions.key("scan.partition.upper-bound")
      .longType().noDefaultValue().withDescription("The largest value of the last range.");

  /** Rows fetched per round trip; 0 lets the driver choose. */
  public static final ConfigOption<Integer> SCAN_FETCH_SIZE = ConfigOptions.key("scan.fetch-size").intType()
      .defaultValue(0).withDescription("Rows the driver fetches per round trip while scanning; 0: the driver's choice.");

  /** Whether the scan's queries run with auto-commit. */
  public static final ConfigOption<Boolean> SCAN_AUTO_COMMIT = ConfigOptions.key("scan.auto-commit").booleanType()
      .defaultValue(true).withDescription("Whether the scan runs with auto-commit; PostgreSQL streams rows by"
          + " scan.fetch-size only without it.");

  /** The caches of lookups. */
  public enum LookupCacheType {
    /** Every lookup queries the database. */
    NONE,
    /** Recently looked-up keys are cached, up to a number of rows and for a time. */
    PARTIAL
  }

  /** Whether lookups are cached. */
  public static final ConfigOption<LookupCacheType> LOOKUP_CACHE = ConfigOptions.key("lookup.cache")
      .enumType(LookupCacheType.class).defaultValue(LookupCacheType.NONE)
      .withDescription("The cache of lookups: NONE or PARTIAL.");

  /** Keys a partial cache keeps. */
  public static final ConfigOption<Long> LOOKUP_PARTIAL_CACHE_MAX_ROWS = ConfigOptions
      .key("lookup.partial-cache.max-rows").longType().noDefaultValue()
      .withDescription("The most keys the PARTIAL cache keeps; the least recently used goes first.");

  /** How long a cached key stays after it was looked up in the database. */
  public static final ConfigOption<Duration> LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE = ConfigOptions
      .key("lookup.partial-cache.expire-after-write").durationType().noDefaultValue()
      .withDescription("How long a key's rows stay cached after they were read from the database.");

  /** How long a cached key stays after it was last used. */
  public static final ConfigOption<Duration> LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS = ConfigOptions
      .key("lookup.partial-cache.expire-after-access").durationType().noDefaultValue()
      .withDescription("How long a key's rows stay cached after they were last used.");

  /** Whether a key without rows is cached. */
  public static final ConfigOption<Boolean> LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY = ConfigOptions
      .key("lookup.partial-cache.cache-missing-key").booleanType().defaultValue(true)
      .withDescription("Whether a key the table has no rows for is cached too.");

  /** Retries of a failed lookup query. */
  public static final ConfigOption<Integer> LOOKUP_MAX_RETRIES = ConfigOptions.key("lookup.max-retries").intType()
      .defaultValue(3).withDescription("How often a lookup query that failed for a transient reason is tried again.");

  /** Buffered rows at which the sink writes. */
  public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS = ConfigOptions
      .key("sink.buffer-flush.max-rows").intType().defaultValue(100)
      .withDescription("Buffered rows at which the sink writes them (at least 1).");

  /** How long a row may wait in the buffer. */
  public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL = ConfigOptions
      .key("sink.buffer-flush.interval").durationType().defaultValue(Duration.ofSeconds(1))
      .withDescription("How long a buffered row may wait before the sink writes it; 0 for no limit but size and"
          + " checkpoints.");

  /** Retries of a failed write. */
  public static final ConfigOption<Integer> SINK_MAX_RETRIES = ConfigOptions.key("sink.max-retries").intType()
      .defaultValue(3).withDescription("How often a write that failed for a transient reason is tried again.");

  /** The sink's parallelism. */
  public static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
      .noDefaultValue().withDescription("The parallelism of the sink; the input's if not set.");

  private JdbcConnectorOptions() {}
}
