package io.spate.table.api.config;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import java.time.Duration;

/** The options of the Table API and SQL that a session sets with {@code SET} or {@code getConfig().set(...)}. */
@PublicEvolving
public final class TableConfigOptions {

  private TableConfigOptions() {}

  /** The session's time zone for TIMESTAMP_LTZ values and time functions; {@code default} is the JVM's. */
  public static final ConfigOption<String> LOCAL_TIME_ZONE = ConfigOptions.key("table.local-time-zone").stringType()
      .defaultValue("default")
      .withDescription("The session's time zone (an id such as 'UTC' or 'Europe/Berlin'); 'default' is the JVM's.");

  /** Whether INSERT statements wait for their job to end. */
  public static final ConfigOption<Boolean> TABLE_DML_SYNC = ConfigOptions.key("table.dml-sync").booleanType()
      .defaultValue(false)
      .withDescription("Whether INSERT INTO waits until its job ends before executeSql returns.");

  /** How long idle state is kept by stateful SQL operators; 0 keeps it for ever. */
  public static final ConfigOption<Duration> IDLE_STATE_RETENTION = ConfigOptions.key("table.exec.state.ttl")
      .durationType().defaultValue(Duration.ZERO)
      .withDescription("How long state of a key that saw no update is kept by stateful operators; 0 keeps it for ever.");

  /** How long a source, or one of its splits, may go without rows before its watermark stops holding back others. */
  public static final ConfigOption<Duration> TABLE_EXEC_SOURCE_IDLE_TIMEOUT =
      ConfigOptions.key("table.exec.source.idle-timeout").durationType().defaultValue(Duration.ZERO)
          .withDescription("How long a source subtask, or a split of a source that makes its watermarks per split"
              + " (a Kafka partition), may go without rows before it is marked idle, so that the watermark moves on"
              + " without it; 0 never marks one idle.");

  /** Whether GROUP BY aggregates handle their input in mini-batches. */
  public static final ConfigOption<Boolean> TABLE_EXEC_MINIBATCH_ENABLED =
      ConfigOptions.key("table.exec.mini-batch.enabled").booleanType().defaultValue(false)
          .withDescription("Whether GROUP BY aggregates collect rows per key and handle them in batches: fewer state"
              + " accesses and fewer intermediate changes, the same final results.");

  /** How long a mini-batch may hold a row. */
  public static final ConfigOption<Duration> TABLE_EXEC_MINIBATCH_ALLOW_LATENCY =
      ConfigOptions.key("table.exec.mini-batch.allow-latency").durationType().defaultValue(Duration.ZERO)
          .withDescription("The longest time a mini-batch holds a row before the batch is handled; must be more than"
              + " 0 when mini-batches are enabled.");

  /** How many rows a mini-batch holds at most. */
  public static final ConfigOption<Long> TABLE_EXEC_MINIBATCH_SIZE =
      ConfigOptions.key("table.exec.mini-batch.size").longType().defaultValue(-1L)
          .withDescription("The most rows a mini-batch holds before it is handled; must be more than 0 when"
              + " mini-batches are enabled.");

  /** When an upsert sink gets a materializer that keeps its rows per primary key. */
  public static final ConfigOption<UpsertMaterialize> SINK_UPSERT_MATERIALIZE =
      ConfigOptions.key("table.exec.sink.upsert-materialize").enumType(UpsertMaterialize.class)
          .defaultValue(UpsertMaterialize.AUTO)
          .withDescription("AUTO: materialize the changes for an upsert sink when the query does not update by"
              + " the sink's primary key; FORCE: whenever the query updates; NONE: never.");

  /** What happens to a row that has NULL in a sink column declared {@code NOT NULL}. */
  public static final ConfigOption<NotNullEnforcer> SINK_NOT_NULL_ENFORCER =
      ConfigOptions.key("table.exec.sink.not-null-enforcer").enumType(NotNullEnforcer.class)
          .defaultValue(NotNullEnforcer.ERROR)
          .withDescription("ERROR: a NULL written into a NOT NULL column of a sink table fails the job, naming the"
              + " column and the table; DROP: such rows are dropped (and counted in the metric"
              + " numRowsDroppedForNullInNotNullColumn of the enforcing step).");

  /** The values of {@link #SINK_NOT_NULL_ENFORCER}. */
  @PublicEvolving
  public enum NotNullEnforcer {
    /** The job fails. */
    ERROR,
    /** The row is dropped. */
    DROP
  }

  /** The values of {@link #SINK_UPSERT_MATERIALIZE}. */
  @PublicEvolving
  public enum UpsertMaterialize {
    /** Only when the query's updates are not by the sink's primary key. */
    AUTO,
    /** Whenever the query updates. */
    FORCE,
    /** Never. */
    NONE
  }
}
