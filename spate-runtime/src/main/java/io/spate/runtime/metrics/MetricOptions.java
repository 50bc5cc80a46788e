package io.spate.runtime.metrics;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import java.time.Duration;

/**
 * Options of the metric system: which reporters run and how metric identifiers are built. The
 * options of reporter {@code <name>} are the keys {@code metrics.reporter.<name>.*} (see
 * docs/metrics.md); they are not listed here because their names are the user's.
 */
public final class MetricOptions {

  private MetricOptions() {}

  /** The prefix of every reporter's options. */
  public static final String REPORTER_PREFIX = "metrics.reporter.";

  /** The suffix naming a reporter's factory class. */
  public static final String REPORTER_FACTORY_CLASS = "factory.class";

  /** The suffix naming a reporter's factory by its identifier ({@code prometheus}, {@code jmx}, {@code slf4j}). */
  public static final String REPORTER_TYPE = "type";

  /** The suffix naming a scheduled reporter's interval. */
  public static final String REPORTER_INTERVAL = "interval";

  /** Which configured reporters run. */
  public static final ConfigOption<String> REPORTERS =
      ConfigOption.key("metrics.reporters")
          .stringType()
          .noDefaultValue()
          .withDescription("Names of the metric reporters to start, separated by commas; each is configured by"
              + " the keys `metrics.reporter.<name>.*` (factory.class, interval and its own options). Unset, every"
              + " reporter that has a `metrics.reporter.<name>.factory.class` runs.");

  /** The interval of a scheduled reporter that sets none, as in Flink. */
  public static final java.time.Duration DEFAULT_REPORTER_INTERVAL = Duration.ofSeconds(10);

  /** The character between the parts of a metric identifier. */
  public static final ConfigOption<String> SCOPE_DELIMITER =
      ConfigOption.key("metrics.scope.delimiter")
          .stringType()
          .defaultValue(".")
          .withDescription("The single character between the parts of a metric identifier; it is replaced by '_'"
              + " inside a part.");

  /** The scope of the JobManager's metrics. */
  public static final ConfigOption<String> SCOPE_JM =
      ConfigOption.key("metrics.scope.jm")
          .stringType()
          .defaultValue("<host>.jobmanager")
          .withDescription("Scope of the metrics of a JobManager; variables: `<host>`.");

  /** The scope of a job's metrics on the JobManager. */
  public static final ConfigOption<String> SCOPE_JM_JOB =
      ConfigOption.key("metrics.scope.jm-job")
          .stringType()
          .defaultValue("<host>.jobmanager.<job_name>")
          .withDescription("Scope of the metrics of a job on the JobManager (checkpoints); variables: `<host>`,"
              + " `<job_id>`, `<job_name>`.");

  /** The scope of a TaskManager's metrics. */
  public static final ConfigOption<String> SCOPE_TM =
      ConfigOption.key("metrics.scope.tm")
          .stringType()
          .defaultValue("<host>.taskmanager.<tm_id>")
          .withDescription("Scope of the metrics of a TaskManager; variables: `<host>`, `<tm_id>`.");

  /** The scope of a job's metrics on a TaskManager. */
  public static final ConfigOption<String> SCOPE_TM_JOB =
      ConfigOption.key("metrics.scope.tm-job")
          .stringType()
          .defaultValue("<host>.taskmanager.<tm_id>.<job_name>")
          .withDescription("Scope of the metrics of a job on a TaskManager; variables: `<host>`, `<tm_id>`, `<job_id>`,"
              + " `<job_name>`.");

  /** The scope of a task's metrics. */
  public static final ConfigOption<String> SCOPE_TASK =
      ConfigOption.key("metrics.scope.task")
          .stringType()
          .defaultValue("<host>.taskmanager.<tm_id>.<job_name>.<task_name>.<subtask_index>")
          .withDescription("Scope of the metrics of a subtask; variables: those of metrics.scope.tm-job and"
              + " `<task_id>`, `<task_attempt_id>`, `<task_name>`, `<subtask_index>`, `<attempt_num>`.");

  /** The scope of an operator's metrics. */
  public static final ConfigOption<String> SCOPE_OPERATOR =
      ConfigOption.key("metrics.scope.operator")
          .stringType()
          .defaultValue("<host>.taskmanager.<tm_id>.<job_name>.<operator_name>.<subtask_index>")
          .withDescription("Scope of the metrics of an operator in a subtask (and of those its functions"
              + " register); variables: those of metrics.scope.task and `<operator_id>`, `<operator_name>`.");

  /** How long the JobManager's REST API answers metric queries from the same fetch of every process's metrics. */
  public static final ConfigOption<Duration> FETCHER_UPDATE_INTERVAL =
      ConfigOption.key("metrics.fetcher.update-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("The shortest time between two fetches of the TaskManagers' metrics by the REST API: a"
              + " metric query within it is answered from the previous fetch. Shorter than Flink's 10 s so that a"
              + " web UI polling every 1-2 seconds sees fresh values; 0 fetches for every query.");

  /**
   * The options of reporter {@code reporterName}: each {@code metrics.reporter.<name>.<option>} of
   * {@code configuration} as {@code <option>}, as a reporter reads them.
   */
  public static Configuration forReporter(Configuration configuration, String reporterName) {
    String prefix = REPORTER_PREFIX + reporterName + ".";
    Configuration options = new Configuration();
    configuration.toMap().forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        options.setString(key.substring(prefix.length()), value);
      }
    });
    return options;
  }
}
