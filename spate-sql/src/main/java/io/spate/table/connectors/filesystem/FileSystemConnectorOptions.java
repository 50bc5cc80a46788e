package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.MemorySize;
import java.time.Duration;

/** The options of the {@code filesystem} SQL connector, with Flink's names and defaults. */
@PublicEvolving
public final class FileSystemConnectorOptions {

  /** The file or directory the table is. */
  public static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType().noDefaultValue()
      .withDescription("The file or directory of the table; a directory is read with every file below it.");

  /** How often a continuous scan looks for new files; not set: the scan reads the files there are once. */
  public static final ConfigOption<Duration> SOURCE_MONITOR_INTERVAL = ConfigOptions.key("source.monitor-interval")
      .durationType().noDefaultValue()
      .withDescription("Scan the path again at this interval and read new files (an unbounded source).");

  /** The name of the partition directory of a NULL partition value. */
  public static final ConfigOption<String> PARTITION_DEFAULT_NAME = ConfigOptions.key("partition.default-name")
      .stringType().defaultValue("__DEFAULT_PARTITION__")
      .withDescription("The directory name of a NULL or empty partition value.");

  /** The size at which a part file is closed and the next one started. */
  public static final ConfigOption<MemorySize> SINK_ROLLING_POLICY_FILE_SIZE = ConfigOptions
      .key("sink.rolling-policy.file-size").memoryType().defaultValue(MemorySize.parse("128mb"))
      .withDescription("The size at which a part file rolls.");

  /** How long a part file may stay open before it is closed. */
  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_ROLLOVER_INTERVAL = ConfigOptions
      .key("sink.rolling-policy.rollover-interval").durationType().defaultValue(Duration.ofMinutes(30))
      .withDescription("How long a part file may stay open before it rolls.");

  /** How long a part file may go without a record before it is closed. */
  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_INACTIVITY_INTERVAL = ConfigOptions
      .key("sink.rolling-policy.inactivity-interval").durationType().defaultValue(Duration.ofMinutes(30))
      .withDescription("How long a part file may receive no record before it rolls.");

  /** How often open part files are checked against the rollover and inactivity intervals. */
  public static final ConfigOption<Duration> SINK_ROLLING_POLICY_CHECK_INTERVAL = ConfigOptions
      .key("sink.rolling-policy.check-interval").durationType().defaultValue(Duration.ofMinutes(1))
      .withDescription("How often part files are checked against the time-based rolling options.");

  /** The sink's parallelism; the query's if not set. */
  public static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
      .noDefaultValue().withDescription("The parallelism of the sink; the input's if not set.");

  private FileSystemConnectorOptions() {}
}
