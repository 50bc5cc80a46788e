package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot whose keyed state file has one flipped byte is never skipped silently: a savepoint the
 * job starts from fails it, naming the savepoint and the file; a damaged latest checkpoint of the job
 * fails it too, unless {@code execution.checkpointing.tolerable-corrupt-checkpoints} allows going
 * back to the retained checkpoint before it. A failure while restoring that is not about unreadable
 * state restores the same checkpoint again.
 */
class UnreadableStateRecoveryE2ETest {

  private static final long RECORDS = 40_000;
  private static final int KEYS = 64;
  private static final long WAIT_SECONDS = 30;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  /** Runs whose records are slowed to a trickle, so that they run (and checkpoint) until the test lets them go. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicLong> PROCESSED = new ConcurrentHashMap<>();
  /** The checkpoint ids each run's keyed function restored from, in order. */
  private static final Map<String, List<Long>> RESTORED = new ConcurrentHashMap<>();
  /** Runs that damage their newest checkpoint (in the given checkpoint root) and then fail once. */
  private static final Map<String, String> DAMAGE_UNDER = new ConcurrentHashMap<>();
  /** Runs that fail once, without damaging anything, when a checkpoint completes beside an older one. */
  private static final Map<String, String> FAIL_UNDER = new ConcurrentHashMap<>();
  /** Per run, the checkpoint damaged (or failed after) and the newest other complete one beside it. */
  private static final Map<String, long[]> DAMAGED = new ConcurrentHashMap<>();
  /** Runs whose restored keyed function fails once in initializeState with an I/O error of its own. */
  private static final Set<String> FAIL_RESTORE_ONCE = ConcurrentHashMap.newKeySet();

  @TempDir
  Path dir;

  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Passes records on, one per millisecond while its run is held. */
  static final class Throttle extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String run;

    Throttle(String run) {
      this.run = run;
    }

    @Override
    public Long map(Long value) {
      if (HELD.contains(run)) {
        LockSupport.parkNanos(1_000_000);
      }
      return value;
    }
  }

  /** Counts per key in keyed state; notes what it restored from, and damages a checkpoint when told to. */
  static final class Counts extends KeyedProcessFunction<Long, Long, Long>
      implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;
    private transient ValueState<Long> count;

    Counts(String run) {
      this.run = run;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      if (context.getRestoredCheckpointId().isPresent()) {
        RESTORED.computeIfAbsent(run, r -> new CopyOnWriteArrayList<>()).add(context.getRestoredCheckpointId().getAsLong());
        if (FAIL_RESTORE_ONCE.remove(run)) {
          throw new IOException("the disk of the side output is full (not a problem of the restored state)");
        }
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
      count.update((count.value() == null ? 0 : count.value()) + 1);
      PROCESSED.computeIfAbsent(run, r -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      String root = DAMAGE_UNDER.getOrDefault(run, FAIL_UNDER.get(run));
      if (root == null || checkpointId < 2 || getRuntimeContext().getIndexOfThisSubtask() != 0) {
        return;
      }
      Path checkpoint;
      List<Long> others = new ArrayList<>();
      try (Stream<Path> jobs = Files.list(Path.of(root))) {
        Path job = jobs.findFirst().orElseThrow();
        checkpoint = job.resolve("chk-" + checkpointId);
        for (Path other : CheckpointPaths.checkpointDirectories(job)) {
          if (!other.equals(checkpoint) && Files.exists(other.resolve("_metadata"))) {
            others.add(Long.parseLong(other.getFileName().toString().substring(4)));
          }
        }
      }
      if (others.isEmpty()) {
        return; // only one checkpoint is retained so far: wait for the next
      }
      boolean damage = DAMAGE_UNDER.remove(run) != null;
      if (!damage && FAIL_UNDER.remove(run) == null) {
        return;
      }
      if (damage) {
        flipAByteOfEachKeyedStateFile(checkpoint);
      }
      DAMAGED.put(run, new long[] {checkpointId, others.stream().mapToLong(Long::longValue).max().getAsLong()});
      throw new IllegalStateException("failing on purpose after checkpoint " + checkpointId + " completed");
    }
  }

  /** Flips one byte inside the first non-empty key group's data of every keyed state file of {@code snapshot}. */
  static List<Path> flipAByteOfEachKeyedStateFile(Path snapshot) throws IOException {
    CheckpointMetadata metadata = CheckpointPaths.load(snapshot.toString());
    List<Path> damaged = new ArrayList<>();
    for (OperatorState operator : metadata.operators().values()) {
      for (OperatorSubtaskState subtask : operator.subtaskStates().values()) {
        for (KeyedStateHandle handle : subtask.keyedState()) {
          if (handle instanceof KeyGroupsStateHandle groups && groups.delegate() instanceof FileStateHandle file) {
            long[] offsets = groups.offsets();
            for (int i = 0; i < offsets.length; i++) {
              long end = i + 1 < offsets.length ? offsets[i + 1] : file.size();
              if (end - offsets[i] > 24) {
                byte[] bytes = Files.readAllBytes(file.path());
                bytes[(int) offsets[i] + 8] ^= 0x5A; // past the chunk's length, inside its data
                Files.write(file.path(), bytes);
                damaged.add(file.path());
                break;
              }
            }
          }
        }
      }
    }
    assertThat(damaged).as("keyed state files in %s", snapshot).isNotEmpty();
    return damaged;
  }

  private static JobGraph job(String run, Configuration extra) {
    Configuration conf = new Configuration(extra);
    conf.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ofBytes(0)); // every piece in a file
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(10)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new Throttle(run)).uid("throttle")
        .keyBy(x -> x % KEYS)
        .process(new Counts(run)).uid("counts")
        .discard();
    return JobGraphGenerator.generate(env.getStreamGraph(run));
  }

  private Configuration checkpointed(Path root, int tolerableCorrupt) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    // A new checkpoint waits long after one completed: the failure on its completion comes first.
    conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, root.toString());
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    conf.set(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, tolerableCorrupt);
    return conf;
  }

  private JobResult result(JobGraph job) throws Exception {
    return cluster.getDispatcherGateway().requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aSavepointWithAFlippedByteFailsTheJobNamingTheSavepointAndTheFileWithoutRestarting() throws Exception {
    HELD.add("savepointed");
    JobGraph first = job("savepointed", new Configuration());
    JobClient client = cluster.submitJob(first).get(WAIT_SECONDS, TimeUnit.SECONDS);
    Await.until(WAIT, "records are counted", () -> PROCESSED.containsKey("savepointed") && PROCESSED.get("savepointed").get() > 500);
    String savepoint = savepointOnceAllTasksRun(client, dir.resolve("savepoints").toString());
    client.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
    List<Path> damaged = flipAByteOfEachKeyedStateFile(Path.of(savepoint));

    Configuration restore = new Configuration();
    restore.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    restore.set(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, 3); // no other snapshot stands in for a savepoint
    JobGraph restored = job("restored", restore);
    cluster.submitJob(restored).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JobResult result = result(restored);

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().getMessage())
        .contains("savepoint")
        .contains(savepoint)
        .contains("checksum mismatch")
        .containsAnyOf(damaged.stream().map(Path::toString).toArray(String[]::new));
    assertThat(result.counters().get(JobResult.RESTARTS)).isZero();
    assertThat(result.exceptions()).extracting(ExceptionHistoryEntry::outcome)
        .containsExactly(ExceptionHistoryEntry.Outcome.FAILED_JOB);
    assertThat(RESTORED.getOrDefault("restored", List.of())).isEmpty();
    assertThat(PROCESSED.get("restored")).isNull(); // no record went through empty state
  }

  @Test
  void aDamagedLatestCheckpointFailsTheJobByDefaultInsteadOfGoingBackToAnOlderOne() throws Exception {
    Path root = dir.resolve("checkpoints");
    HELD.add("strict");
    DAMAGE_UNDER.put("strict", root.toString());
    JobGraph job = job("strict", checkpointed(root, 0));
    try {
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JobResult result = result(job);

      long[] damaged = DAMAGED.get("strict");
      assertThat(damaged).as("a checkpoint was damaged").isNotNull();
      assertThat(result.status()).isEqualTo(JobStatus.FAILED);
      assertThat(result.failure().getMessage())
          .contains("checkpoint " + damaged[0] + " at ")
          .contains("chk-" + damaged[0])
          .contains("checksum mismatch")
          .contains("execution.checkpointing.tolerable-corrupt-checkpoints: 0");
      assertThat(RESTORED.getOrDefault("strict", List.of())).doesNotContain(damaged[1]);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L); // the failure on purpose only
    } finally {
      HELD.remove("strict");
    }
  }

  @Test
  void withTolerableCorruptCheckpointsRecoveryGoesBackToTheRetainedCheckpointBeforeTheDamagedOne() throws Exception {
    Path root = dir.resolve("checkpoints");
    HELD.add("tolerant");
    DAMAGE_UNDER.put("tolerant", root.toString());
    JobGraph job = job("tolerant", checkpointed(root, 1));
    try {
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job restores from an older checkpoint", () -> RESTORED.containsKey("tolerant"));
      HELD.remove("tolerant");
      JobResult result = result(job);

      long[] damaged = DAMAGED.get("tolerant");
      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
      // Both subtasks restored the checkpoint before the damaged one, and nothing restored the damaged one.
      assertThat(RESTORED.get("tolerant")).containsOnly(damaged[1]).hasSize(2);
      assertThat(result.exceptions()).extracting(ExceptionHistoryEntry::description)
          .anyMatch(d -> d.contains("checkpoint " + damaged[0]) && d.contains("checksum mismatch")
              && d.contains("goes back to checkpoint " + damaged[1]));
    } finally {
      HELD.remove("tolerant");
    }
  }

  @Test
  void aRestoreThatFailsForAnotherReasonRestoresTheSameCheckpointAgain() throws Exception {
    Path root = dir.resolve("checkpoints");
    HELD.add("other");
    JobGraph job = job("other", checkpointed(root, 0));
    try {
      FAIL_RESTORE_ONCE.add("other");
      FAIL_UNDER.put("other", root.toString());
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job restores after the failure of a restored subtask",
          () -> !FAIL_RESTORE_ONCE.contains("other") && RESTORED.getOrDefault("other", List.of()).size() >= 3);
      HELD.remove("other");
      JobResult result = result(job);

      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
      long[] damaged = DAMAGED.get("other");
      // The first restored subtask failed with an I/O error of its own; the restart restored the same checkpoint.
      assertThat(RESTORED.get("other")).containsOnly(damaged[0]);
    } finally {
      HELD.remove("other");
    }
  }

  /**
   * A savepoint of the job, asked for again while some of its subtasks are still starting: records
   * counted by one subtask do not mean that every other one runs yet.
   */
  static String savepointOnceAllTasksRun(JobClient client, String target) {
    return Await.untilMatches(WAIT, "a savepoint once all tasks run", () -> {
      try {
        return Optional.of(client.triggerSavepoint(target).get(WAIT_SECONDS, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        if (!String.valueOf(e.getCause().getMessage()).contains("not all tasks of the job are running")) {
          throw e;
        }
        return Optional.<String>empty();
      }
    }, Optional::isPresent).get();
  }
}
