package io.spate.table.connectors.kafka;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import java.time.Duration;

/** The options of the {@code kafka} and {@code upsert-kafka} SQL connectors, with Flink's names and defaults. */
@PublicEvolving
public final class KafkaConnectorOptions {

  /** The prefix of the Kafka client properties a table passes through. */
  public static final String PROPERTIES_PREFIX = "properties.";

  /** The topic or {@code ;}-separated topics to read or the one topic to write. */
  public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic").stringType().noDefaultValue()
      .withDescription("The topic to write, or the topic(s) to read (separated by ';').");

  /** A regular expression of the topics to read. */
  public static final ConfigOption<String> TOPIC_PATTERN = ConfigOptions.key("topic-pattern").stringType()
      .noDefaultValue().withDescription("A regular expression; the source reads every topic whose name matches it.");

  /** The brokers to connect to first. */
  public static final ConfigOption<String> PROPS_BOOTSTRAP_SERVERS = ConfigOptions
      .key("properties.bootstrap.servers").stringType().noDefaultValue()
      .withDescription("The Kafka brokers to connect to first, host:port[,host:port...].");

  /** The consumer group of the source. */
  public static final ConfigOption<String> PROPS_GROUP_ID = ConfigOptions.key("properties.group.id").stringType()
      .noDefaultValue().withDescription("The consumer group of the source.");

  /** The format of the record values (another name of {@code value.format}). */
  public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType().noDefaultValue()
      .withDescription("The format of the record values: csv, json, ...");

  /** The format of the record values. */
  public static final ConfigOption<String> VALUE_FORMAT = ConfigOptions.key("value.format").stringType()
      .noDefaultValue().withDescription("The format of the record values: csv, json, ...");

  /** The format of the record keys. */
  public static final ConfigOption<String> KEY_FORMAT = ConfigOptions.key("key.format").stringType()
      .noDefaultValue().withDescription("The format of the record keys: csv, json, ...");

  /** The physical columns in the record keys, separated by {@code ;}. */
  public static final ConfigOption<String> KEY_FIELDS = ConfigOptions.key("key.fields").stringType()
      .noDefaultValue().withDescription("The physical columns that make the record key, separated by ';'.");

  /** The prefix of the key columns' names, which the key format leaves out. */
  public static final ConfigOption<String> KEY_FIELDS_PREFIX = ConfigOptions.key("key.fields-prefix").stringType()
      .noDefaultValue().withDescription("A prefix of the key columns' names that the key format drops.");

  /** Which columns the value format reads and writes. */
  public static final ConfigOption<String> VALUE_FIELDS_INCLUDE = ConfigOptions.key("value.fields-include")
      .stringType().defaultValue("ALL")
      .withDescription("ALL: every physical column is in the value; EXCEPT_KEY: the key columns are not.");

  /** Where the source starts. */
  public static final ConfigOption<String> SCAN_STARTUP_MODE = ConfigOptions.key("scan.startup.mode").stringType()
      .defaultValue("group-offsets")
      .withDescription("earliest-offset, latest-offset, group-offsets, timestamp or specific-offsets.");

  /** The starting offsets of {@code specific-offsets}. */
  public static final ConfigOption<String> SCAN_STARTUP_SPECIFIC_OFFSETS = ConfigOptions
      .key("scan.startup.specific-offsets").stringType().noDefaultValue()
      .withDescription("'partition:0,offset:42;partition:1,offset:300' for the specific-offsets startup mode.");

  /** The starting timestamp of {@code timestamp}. */
  public static final ConfigOption<Long> SCAN_STARTUP_TIMESTAMP_MILLIS = ConfigOptions
      .key("scan.startup.timestamp-millis").longType().noDefaultValue()
      .withDescription("Milliseconds since the epoch, for the timestamp startup mode.");

  /** Where a bounded source stops. */
  public static final ConfigOption<String> SCAN_BOUNDED_MODE = ConfigOptions.key("scan.bounded.mode").stringType()
      .defaultValue("unbounded")
      .withDescription("unbounded, latest-offset, group-offsets, timestamp or specific-offsets.");

  /** The stopping offsets of {@code specific-offsets}. */
  public static final ConfigOption<String> SCAN_BOUNDED_SPECIFIC_OFFSETS = ConfigOptions
      .key("scan.bounded.specific-offsets").stringType().noDefaultValue()
      .withDescription("'partition:0,offset:42;partition:1,offset:300' for the specific-offsets bounded mode.");

  /** The stopping timestamp of {@code timestamp}. */
  public static final ConfigOption<Long> SCAN_BOUNDED_TIMESTAMP_MILLIS = ConfigOptions
      .key("scan.bounded.timestamp-millis").longType().noDefaultValue()
      .withDescription("Milliseconds since the epoch, for the timestamp bounded mode.");

  /** How often the source looks for new partitions. */
  public static final ConfigOption<Duration> SCAN_TOPIC_PARTITION_DISCOVERY = ConfigOptions
      .key("scan.topic-partition-discovery.interval").durationType().noDefaultValue()
      .withDescription("How often the source looks for new partitions (and topics of a pattern).");

  /** How the sink chooses partitions. */
  public static final ConfigOption<String> SINK_PARTITIONER = ConfigOptions.key("sink.partitioner").stringType()
      .defaultValue("default")
      .withDescription("default (by key hash, or sticky without key), fixed (one partition per sink subtask),"
          + " round-robin.");

  /** What the sink promises on failures. */
  public static final ConfigOption<String> DELIVERY_GUARANTEE = ConfigOptions.key("sink.delivery-guarantee")
      .stringType().defaultValue("at-least-once").withDescription("none, at-least-once or exactly-once.");

  /** The prefix of the exactly-once sink's transactional ids. */
  public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOptions
      .key("sink.transactional-id-prefix").stringType().noDefaultValue()
      .withDescription("The prefix of the transactional ids, unique to the job; required for exactly-once.");

  /** The sink's parallelism. */
  public static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
      .noDefaultValue().withDescription("The parallelism of the sink; the input's if not set.");

  /** How many rows the {@code upsert-kafka} sink buffers, reduced by key, before it writes them. */
  public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS = ConfigOptions
      .key("sink.buffer-flush.max-rows").intType().defaultValue(0)
      .withDescription("upsert-kafka: buffered rows (the last per key) at which the sink writes; 0 (the default)"
          + " writes every row at once. Set together with sink.buffer-flush.interval.");

  /** How long the {@code upsert-kafka} sink may buffer a row. */
  public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL = ConfigOptions
      .key("sink.buffer-flush.interval").durationType().defaultValue(Duration.ZERO)
      .withDescription("upsert-kafka: how long a buffered row may wait before the sink writes the buffer; 0 (the"
          + " default) writes every row at once. Set together with sink.buffer-flush.max-rows.");

  private KafkaConnectorOptions() {}
}
