package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobID;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.dispatcher.SubmittedJobGraphs;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who owns a checkpoint: a job records each completed checkpoint before confirming it and forgets it
 * before deleting it, and a job that claims the snapshot it starts from deletes it once subsumed.
 */
class CheckpointOwnershipTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private final Map<JobID, RecordingStore> stores = new ConcurrentHashMap<>();
  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = newCluster();
  }

  /** A started cluster that records checkpoints in {@link #stores}, as every leader of a cluster shares them. */
  private MiniCluster newCluster() {
    MiniCluster started = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64)).keepingJobGraphsIn(
        new SubmittedJobGraphs() {
          @Override
          public void put(JobGraph graph) {}

          @Override
          public void remove(JobID jobId) {}

          @Override
          public CompletedCheckpointStore completedCheckpoints(JobID jobId) {
            return stores.computeIfAbsent(jobId, id -> new RecordingStore());
          }
        });
    started.start();
    return started;
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Records what it is told; refuses to record while {@code refusing}. */
  private static final class RecordingStore implements CompletedCheckpointStore {
    final Map<Long, String> records = new TreeMap<>();
    volatile boolean refusing;

    @Override
    public synchronized void add(long checkpointId, String pointer) throws IOException {
      if (refusing) {
        throw new IOException("this JobManager no longer leads");
      }
      records.put(checkpointId, pointer);
    }

    @Override
    public synchronized boolean remove(long checkpointId) {
      records.remove(checkpointId);
      return true;
    }

    synchronized Map<Long, String> snapshot() {
      return new TreeMap<>(records);
    }

    @Override
    public synchronized NavigableMap<Long, String> recorded() {
      return new TreeMap<>(records);
    }
  }

  private JobGraph endlessJob(String name, Configuration extra) {
    Configuration conf = new Configuration(extra);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSequence(1, Long.MAX_VALUE).uid("numbers").map(x -> x).uid("mapper").discard();
    return JobGraphGenerator.generate(env.getStreamGraph(name));
  }

  private static List<CheckpointStatistics> statistics(JobClient client) throws Exception {
    return client.getCheckpointStatistics().get(10, TimeUnit.SECONDS);
  }

  private static long completed(JobClient client) throws Exception {
    return statistics(client).stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count();
  }

  @Test
  void everyConfirmedCheckpointIsRecordedAndOnlyTheRetainedOnesStayRecorded() throws Exception {
    JobClient client = cluster.submitJob(endlessJob("recorded", new Configuration())).get(10, TimeUnit.SECONDS);
    try {
      Await.until(WAIT, () -> "3 completed checkpoints", () -> completed(client) >= 3);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    RecordingStore store = stores.get(client.getJobID());
    CheckpointStatistics newest = statistics(client).stream()
        .filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).reduce((a, b) -> b).orElseThrow();
    // One retained checkpoint (the default): the subsumed ones were forgotten before their files went.
    assertThat(store.snapshot()).containsOnlyKeys(newest.checkpointId());
    assertThat(store.snapshot().get(newest.checkpointId())).isEqualTo(newest.externalPath());
  }

  @Test
  void aCheckpointThatCannotBeRecordedFailsAndIsNeverConfirmed() throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
    JobGraph graph = endlessJob("unrecorded", conf);
    stores.computeIfAbsent(graph.jobId(), id -> new RecordingStore()).refusing = true;
    JobClient client = cluster.submitJob(graph).get(10, TimeUnit.SECONDS);
    List<CheckpointStatistics> stats;
    try {
      Await.until(WAIT, () -> "3 failed checkpoints", () -> statistics(client).stream()
          .filter(s -> s.status() == CheckpointStatistics.Status.FAILED).count() >= 3);
      stats = statistics(client);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(stats).noneMatch(s -> s.status() == CheckpointStatistics.Status.COMPLETED);
    assertThat(stats).filteredOn(s -> s.status() == CheckpointStatistics.Status.FAILED)
        .allSatisfy(s -> assertThat(s.failureReason())
            .contains("could not be recorded for recovery: this JobManager no longer leads"));
    assertThat(stores.get(graph.jobId()).snapshot()).isEmpty();
  }

  @Test
  void aClaimedSnapshotIsDeletedOnceSubsumedAndAnUnclaimedOneIsKept() throws Exception {
    Path savepoints = dir.resolve("savepoints");
    JobClient first = cluster.submitJob(endlessJob("first", new Configuration())).get(10, TimeUnit.SECONDS);
    String claimed;
    String kept;
    try {
      Await.until(WAIT, () -> "a completed checkpoint", () -> completed(first) >= 1);
      claimed = first.triggerSavepoint(savepoints.toString()).get(30, TimeUnit.SECONDS);
      kept = first.triggerSavepoint(savepoints.toString()).get(30, TimeUnit.SECONDS);
    } finally {
      first.cancel().get(10, TimeUnit.SECONDS);
    }
    long claimedId = CheckpointPaths.load(claimed).checkpointId();

    JobClient claiming = cluster.submitJob(endlessJob("claiming", restoreFrom(claimed, RestoreMode.CLAIM)))
        .get(10, TimeUnit.SECONDS);
    JobClient notClaiming = cluster.submitJob(endlessJob("not claiming", restoreFrom(kept, RestoreMode.NO_CLAIM)))
        .get(10, TimeUnit.SECONDS);
    try {
      Await.until(WAIT, () -> "the claimed savepoint " + claimed + " to be deleted once subsumed",
          () -> !Files.exists(Path.of(claimed)));
      Await.until(WAIT, () -> "2 completed checkpoints of the job that did not claim", () -> completed(notClaiming) >= 2);
      assertThat(statistics(claiming)).filteredOn(s -> s.status() == CheckpointStatistics.Status.COMPLETED)
          .isNotEmpty().allSatisfy(s -> assertThat(s.checkpointId()).isGreaterThan(claimedId));
    } finally {
      claiming.cancel().get(10, TimeUnit.SECONDS);
      notClaiming.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(Path.of(kept).resolve("_metadata")).exists();
  }

  @Test
  void aResumedJobTakesOverItsRecordedCheckpointsAndDeletesTheOnesNeverRecorded() throws Exception {
    Configuration retainTwo = new Configuration();
    retainTwo.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    retainTwo.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    JobGraph earlier = endlessJob("earlier run", retainTwo);
    JobClient earlierRun = cluster.submitJob(earlier).get(10, TimeUnit.SECONDS);
    try {
      Await.until(WAIT, () -> "3 completed checkpoints", () -> completed(earlierRun) >= 3);
    } finally {
      earlierRun.cancel().get(10, TimeUnit.SECONDS);
    }
    // Once the job has ended (cancel() waits for that), its checkpoints and their records no longer change.
    NavigableMap<Long, String> records = stores.get(earlier.jobId()).recorded();
    assertThat(records).hasSize(2);
    Path older = Path.of(records.firstEntry().getValue());
    Path newest = Path.of(records.lastEntry().getValue());
    Path jobDirectory = newest.getParent();
    // What a leader that died leaves behind: a checkpoint it wrote completely but did not record yet, one
    // it was still writing, and a subsumed one whose record it had removed but whose files it had not.
    Path unrecorded = jobDirectory.resolve("chk-" + (records.lastKey() + 1));
    Files.createDirectories(unrecorded);
    Files.copy(newest.resolve("_metadata"), unrecorded.resolve("_metadata"));
    Path unrecordedMarker = Files.writeString(unrecorded.resolve("written-by-the-earlier-run"), "x");
    Path incomplete = Files.createDirectories(jobDirectory.resolve("chk-" + (records.lastKey() + 2)));
    Files.writeString(incomplete.resolve("state"), "x");
    Path subsumed = Files.createDirectories(jobDirectory.resolve("chk-" + (records.firstKey() - 1)));
    Files.copy(older.resolve("_metadata"), subsumed.resolve("_metadata"));

    // As a new leader resumes it: the same job, on another cluster, claiming its newest recorded checkpoint.
    Configuration resume = new Configuration(earlier.configuration());
    resume.set(SavepointOptions.SAVEPOINT_PATH, newest.toString());
    resume.set(SavepointOptions.RESTORE_MODE, RestoreMode.CLAIM);
    resume.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    JobGraph resumed = new JobGraph(earlier.jobId(), "resumed run", earlier.vertices(), resume,
        earlier.executionConfig(), earlier.runtimeMode(), earlier.userClassLoader());
    try (MiniCluster newLeader = newCluster()) {
      resumeAndCheck(newLeader.submitJob(resumed).get(10, TimeUnit.SECONDS), records, unrecordedMarker, incomplete,
          subsumed);
    }
    Await.until(WAIT, () -> "no complete checkpoint left in " + jobDirectory + " after the job was cancelled",
        () -> CheckpointPaths.checkpointDirectories(jobDirectory).stream()
            .noneMatch(d -> Files.exists(d.resolve("_metadata"))));
  }

  private void resumeAndCheck(JobClient resumedRun, NavigableMap<Long, String> records, Path unrecordedMarker,
      Path incomplete, Path subsumed) throws Exception {
    Path older = Path.of(records.firstEntry().getValue());
    Path newest = Path.of(records.lastEntry().getValue());
    try {
      Await.until(WAIT, () -> "the checkpoints that were never recorded to be deleted",
          () -> !Files.exists(unrecordedMarker) && !Files.exists(incomplete.resolve("state"))
              && !Files.exists(subsumed));
      // Two checkpoints of its own subsume both recorded ones, the older one included.
      Await.until(WAIT, () -> "the recorded checkpoints " + older + " and " + newest + " to be subsumed and deleted",
          () -> !Files.exists(older) && !Files.exists(newest));
      assertThat(stores.get(resumedRun.getJobID()).snapshot()).doesNotContainKeys(records.firstKey(), records.lastKey());
      assertThat(statistics(resumedRun)).filteredOn(s -> s.status() == CheckpointStatistics.Status.COMPLETED)
          .isNotEmpty().allSatisfy(s -> assertThat(s.checkpointId()).isGreaterThan(records.lastKey()));
    } finally {
      resumedRun.cancel().get(10, TimeUnit.SECONDS);
    }
  }

  private static Configuration restoreFrom(String path, RestoreMode mode) {
    Configuration conf = new Configuration();
    conf.set(SavepointOptions.SAVEPOINT_PATH, path);
    conf.set(SavepointOptions.RESTORE_MODE, mode);
    return conf;
  }
}
