package io.spate.runtime.cluster;

import io.spate.api.configuration.ConfigOption;
import java.time.Duration;

/** Options of the cluster processes: the JobManager's in-process TaskExecutors, logs, jars and shutdown. */
public final class ClusterProcessOptions {

  private ClusterProcessOptions() {}

  /** TaskExecutors a JobManager process runs in its own JVM, besides TaskManager processes that join it. */
  public static final ConfigOption<Integer> TASK_EXECUTORS =
      ConfigOption.key("jobmanager.taskexecutors")
          .intType()
          .defaultValue(1)
          .withDescription("TaskExecutors that 'spate jobmanager' runs inside its own JVM, each with"
              + " jobmanager.taskexecutor.slots slots, besides the TaskManager processes that join it; 0 runs"
              + " none. 'spate cluster start' sets it to 0 and starts TaskManager processes instead.");

  /** Slots of each TaskExecutor of a JobManager process, and of each TaskManager that cluster start starts. */
  public static final ConfigOption<Integer> SESSION_SLOTS =
      ConfigOption.key("jobmanager.taskexecutor.slots")
          .intType()
          .defaultValue(4)
          .withDescription("Task slots of each TaskExecutor of a JobManager process, and of each TaskManager that"
              + " 'spate cluster start' starts (and of 'spate taskmanager' without --slots or"
              + " taskmanager.numberOfTaskSlots); a session cluster has a fixed size, unlike the embedded cluster of"
              + " 'spate run', which is sized to its job.");

  /** Where the cluster commands keep pid and log files. */
  public static final ConfigOption<String> LOG_DIR =
      ConfigOption.key("cluster.log-dir")
          .stringType()
          .defaultValue("log")
          .withDescription("Directory of the pid, address and log files of 'spate cluster start'; a relative path"
              + " is resolved against the directory of Spate's installation.");

  /** Where uploaded jars are kept. */
  public static final ConfigOption<String> JAR_DIR =
      ConfigOption.key("jobmanager.jar-dir")
          .stringType()
          .noDefaultValue()
          .withDescription("Directory of the jars uploaded through POST /jars/upload; unset, a fresh temporary"
              + " directory that is deleted when the JobManager stops.");

  /** How long a stopping JobManager waits for its cancelled jobs. */
  public static final ConfigOption<Duration> SHUTDOWN_TIMEOUT =
      ConfigOption.key("jobmanager.shutdown-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("On SIGTERM the JobManager cancels every running job (without a savepoint) and waits"
              + " this long for them to end before it stops its TaskExecutors and REST API.");

  /** How long {@code spate cluster stop} waits after SIGTERM before it kills the process. */
  public static final ConfigOption<Duration> STOP_TIMEOUT =
      ConfigOption.key("cluster.stop-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription("Time 'spate cluster stop' gives the JobManager after SIGTERM before it sends SIGKILL.");

  /** How long {@code spate cluster start} waits for the REST API to answer. */
  public static final ConfigOption<Duration> START_TIMEOUT =
      ConfigOption.key("cluster.start-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(60))
          .withDescription("Time 'spate cluster start' waits for the JobManager's REST API to answer /health.");

  /** How long a JobManager's ResourceManager waits for TaskManagers to register after it started. */
  public static final ConfigOption<Duration> RESOURCE_MANAGER_START_UP_TIME =
      ConfigOption.key("resourcemanager.start-up-time")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription("For this long after a JobManager process starts (or becomes the leader), a job that"
              + " needs more slots than the registered TaskManagers offer waits for more TaskManagers to register"
              + " instead of failing at once; a leader resuming jobs needs this while the TaskManagers find it.");
}
