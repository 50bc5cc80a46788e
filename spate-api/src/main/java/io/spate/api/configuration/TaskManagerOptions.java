package io.spate.runtime;

import io.spate.api.configuration.ConfigOption;

/** Options of the TaskExecutors: slots, worker threads, the in-JVM network and the jobs' jars. */
public final class TaskManagerOptions {

  private TaskManagerOptions() {}

  /** Slots per TaskExecutor; 0 lets the local executor size the cluster to the job. */
  public static final ConfigOption<Integer> NUM_TASK_SLOTS =
      ConfigOption.key("taskmanager.numberOfTaskSlots")
          .intType()
          .defaultValue(0)
          .withDescription("Task slots per TaskExecutor; 0 sizes the embedded cluster to the job.");

  /** Cooperative worker threads per TaskExecutor. */
  public static final ConfigOption<Integer> WORKER_THREADS =
      ConfigOption.key("taskmanager.worker-threads")
          .intType()
          .defaultValue(Math.max(1, Runtime.getRuntime().availableProcessors()), "number of cores")
          .withDescription("Cooperative worker threads that run all tasks of a TaskExecutor.");

  /** Records per network batch. */
  public static final ConfigOption<Integer> BATCH_SIZE =
      ConfigOption.key("taskmanager.network.batch-size")
          .intType()
          .defaultValue(256)
          .withDescription("Records handed from one task to another in one batch.");

  /** The longest time a partly filled batch waits before it is handed over. */
  public static final ConfigOption<java.time.Duration> BUFFER_TIMEOUT =
      ConfigOption.key("execution.buffer-timeout")
          .durationType()
          .defaultValue(java.time.Duration.ofMillis(100))
          .withDescription("Longest wait of a partly filled batch while its producer stays busy; "
              + "a producer whose input runs dry hands batches over at once, or at most 100 us after its "
              + "previous hand-over (0 hands over every batch at once).");

  /** Batches in flight per channel. */
  public static final ConfigOption<Integer> CHANNEL_CAPACITY =
      ConfigOption.key("taskmanager.network.channel-capacity")
          .intType()
          .defaultValue(16)
          .withDescription("Batches in flight per channel between two subtasks; a full channel backpressures its producer.");

  /** The interface a TaskManager's data plane listens on. */
  public static final ConfigOption<String> DATA_BIND_HOST =
      ConfigOption.key("taskmanager.data.bind-host")
          .stringType()
          .defaultValue("127.0.0.1")
          .withDescription("Interface the data plane of a TaskManager process (records between TaskManagers)"
              + " listens on; 0.0.0.0 listens on all. The default keeps it on the loopback interface.");

  /** The port of a TaskManager's data plane. */
  public static final ConfigOption<Integer> DATA_PORT =
      ConfigOption.key("taskmanager.data.port")
          .intType()
          .defaultValue(0)
          .withDescription("Port the data plane of a TaskManager process listens on; 0 takes any free port.");

  /** The host other TaskManagers use to reach this one's data plane. */
  public static final ConfigOption<String> HOST =
      ConfigOption.key("taskmanager.host")
          .stringType()
          .noDefaultValue()
          .withDescription("Host name or IP address other TaskManagers use to send records to this one. Unset:"
              + " taskmanager.data.bind-host, or this machine's host name when that is a wildcard address.");

  /** Where TaskExecutors keep the jars they download. */
  public static final ConfigOption<String> TMP_DIR =
      ConfigOption.key("taskmanager.tmp-dir")
          .stringType()
          .defaultValue(System.getProperty("java.io.tmpdir"), "java.io.tmpdir")
          .withDescription("Directory under which each TaskExecutor keeps the jars of its jobs ("
              + "'pipeline.jars'), downloaded from their JobMasters, in a directory of its own that it deletes"
              + " when it stops.");

  /** How long a job's class loader outlives the job's last task on a TaskExecutor. */
  public static final ConfigOption<java.time.Duration> JOB_JARS_LINGER =
      ConfigOption.key("taskmanager.job-jars.linger")
          .durationType()
          .defaultValue(java.time.Duration.ofSeconds(60))
          .withDescription("How long a TaskExecutor keeps a job's downloaded jars and class loader after the last"
              + " task of the job on it ended; a restart within that time reuses them instead of downloading"
              + " again. Then the loader is closed and the files deleted.");
}
