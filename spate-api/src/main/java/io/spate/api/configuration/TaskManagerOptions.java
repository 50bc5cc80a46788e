package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/**
 * Options of the TaskExecutors: slots, worker threads and CPU cores, memory sizes, the network and the
 * jobs' jars.
 */
@PublicEvolving
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

  // ---------------------------------------------------------------- CPU and memory, as Flink names them

  private static final String MEMORY_NOTE = "Accepted for Flink compatibility, not applied: a TaskManager's memory"
      + " is that of its JVM (-Xmx). An embedded cluster checks, when a job starts, that the parts fit in the totals.";

  /** CPU cores of a TaskExecutor; the embedded cluster runs that many worker threads (rounded up). */
  public static final ConfigOption<Double> CPU_CORES =
      ConfigOption.key("taskmanager.cpu.cores")
          .doubleType()
          .noDefaultValue()
          .withDescription("CPU cores of a TaskExecutor, above 0. An embedded cluster (createLocalEnvironment,"
              + " getExecutionEnvironment without a cluster) runs this many cooperative worker threads, rounded up,"
              + " unless taskmanager.worker-threads is set.");

  /** The whole memory of a TaskManager process. */
  public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY =
      ConfigOption.key("taskmanager.memory.process.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The whole memory of a TaskManager process; it must hold"
              + " taskmanager.memory.flink.size and every component set.");

  /** The memory of a TaskManager for its work: heap, managed and network memory. */
  public static final ConfigOption<MemorySize> TOTAL_FLINK_MEMORY =
      ConfigOption.key("taskmanager.memory.flink.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The memory of a TaskManager for its work; it must hold the"
              + " components set (framework and task heap, task off-heap, managed, network minimum).");

  /** The heap of the framework in a TaskManager. */
  public static final ConfigOption<MemorySize> FRAMEWORK_HEAP_MEMORY =
      ConfigOption.key("taskmanager.memory.framework.heap.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The heap the framework of a TaskManager uses.");

  /** The heap for the tasks' user code and heap state. */
  public static final ConfigOption<MemorySize> TASK_HEAP_MEMORY =
      ConfigOption.key("taskmanager.memory.task.heap.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The heap for the tasks' code and heap state; an embedded cluster"
              + " refuses more than its JVM's maximum heap.");

  /** Off-heap memory for the tasks' user code. */
  public static final ConfigOption<MemorySize> TASK_OFF_HEAP_MEMORY =
      ConfigOption.key("taskmanager.memory.task.off-heap.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " Off-heap memory for the tasks' code.");

  /** Memory managed by the TaskManager, which RocksDB uses. */
  public static final ConfigOption<MemorySize> MANAGED_MEMORY_SIZE =
      ConfigOption.key("taskmanager.memory.managed.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " Memory managed by the TaskManager; RocksDB's own budget is"
              + " state.backend.rocksdb.memory.managed-size.");

  /** The fraction of the TaskManager's memory that is managed, when no size is set. */
  public static final ConfigOption<Float> MANAGED_MEMORY_FRACTION =
      ConfigOption.key("taskmanager.memory.managed.fraction")
          .floatType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The fraction, in [0, 1), of taskmanager.memory.flink.size that is"
              + " managed when taskmanager.memory.managed.size is not set.");

  /** The least memory for the network buffers. */
  public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN =
      ConfigOption.key("taskmanager.memory.network.min")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The least memory for network buffers; at most"
              + " taskmanager.memory.network.max. Spate's network is sized by batches instead"
              + " (taskmanager.network.batch-size, taskmanager.network.channel-capacity).");

  /** The most memory for the network buffers. */
  public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX =
      ConfigOption.key("taskmanager.memory.network.max")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The most memory for network buffers.");

  /** The metaspace of a TaskManager's JVM. */
  public static final ConfigOption<MemorySize> JVM_METASPACE =
      ConfigOption.key("taskmanager.memory.jvm-metaspace.size")
          .memoryType()
          .noDefaultValue()
          .withDescription(MEMORY_NOTE + " The metaspace of a TaskManager's JVM.");

  // ---------------------------------------------------------------- task cancellation (ExecutionConfig)

  /** Flink's interval between interrupts of a task that does not end after cancellation; not applied. */
  public static final ConfigOption<Long> TASK_CANCELLATION_INTERVAL =
      ConfigOption.key("task.cancellation.interval")
          .longType()
          .defaultValue(30_000L)
          .withDescription("Kept for Flink compatibility, in milliseconds, and not applied: a cancelled task stops"
              + " at its next step on Spate's cooperative workers, and a legacy source function's thread is"
              + " interrupted once, 3 s after cancel(). A value set is accepted and logged.");

  /** Flink's time after which a task that does not end after cancellation fails its TaskManager; not applied. */
  public static final ConfigOption<Long> TASK_CANCELLATION_TIMEOUT =
      ConfigOption.key("task.cancellation.timeout")
          .longType()
          .defaultValue(180_000L)
          .withDescription("Kept for Flink compatibility, in milliseconds, and not applied: Spate does not stop a"
              + " TaskManager whose task ignores cancellation. A value set is accepted and logged.");
}
