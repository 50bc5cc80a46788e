package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A job that counts records per key in keyed state, checkpoints into a directory, fails once after
 * its first completed checkpoint and must recover from it: the counts it ends with are exact only if
 * the state came back from the checkpoint. Each run is named, so that tests of several backends can
 * share the static bookkeeping.
 */
final class BackendRecoveryJob {

  static final long RECORDS = 12_000;
  static final int KEYS = 12;
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Runs whose records trickle (1 ms each) until the test has seen a restore and a checkpoint file. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Set<String> CHECKPOINTED = ConcurrentHashMap.newKeySet();
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
  private static final Set<String> RESTORED = ConcurrentHashMap.newKeySet();
  /** The highest count each run reached per key. */
  private static final Map<String, Map<Long, Long>> COUNTS = new ConcurrentHashMap<>();

  private BackendRecoveryJob() {}

  /**
   * Runs the job named {@code run} on {@code env}, whose state backend and checkpoint storage the
   * test set to write under {@code checkpointRoot}, and checks that it checkpointed there, failed,
   * restored and ended with exact counts.
   */
  static void runAndCheck(StreamExecutionEnvironment env, String run, Path checkpointRoot) throws Exception {
    HELD.add(run);
    env.setParallelism(2);
    env.enableCheckpointing(20);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ZERO));
    env.fromSequence(1, RECORDS)
        .map(new Throttle(run))
        .keyBy(x -> x % KEYS)
        .process(new Counts(run))
        .discard();
    JobClient client = env.executeAsync(run);
    try {
      Path jobDirectory = checkpointRoot.resolve(client.getJobID().toString());
      Await.until(WAIT, run + " restores from a checkpoint written under " + jobDirectory,
          () -> RESTORED.contains(run) && hasCompletedCheckpoint(jobDirectory));
      HELD.remove(run);
      client.getJobExecutionResult().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      HELD.remove(run);
      if (!client.getJobExecutionResult().isDone()) {
        client.cancel().get(10, TimeUnit.SECONDS);
      }
    }
    assertThat(FAILED).as("runs that failed on purpose").contains(run);
    Map<Long, Long> counts = COUNTS.get(run);
    assertThat(counts).as("keys counted by " + run).hasSize(KEYS);
    assertThat(counts.values()).as("final count per key of " + run).containsOnly(RECORDS / KEYS);
  }

  private static boolean hasCompletedCheckpoint(Path jobDirectory) throws IOException {
    if (!Files.isDirectory(jobDirectory)) {
      return false;
    }
    try (Stream<Path> children = Files.list(jobDirectory)) {
      return children.anyMatch(child -> child.getFileName().toString().startsWith("chk-")
          && Files.exists(child.resolve("_metadata")));
    }
  }

  /** Passes records on, slowly while its run is held, so that the job checkpoints before it ends. */
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

  /** Counts per key; fails once when a checkpoint has completed, and notes whether it was restored. */
  static final class Counts extends KeyedProcessFunction<Long, Long, Long>
      implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;
    private transient ValueState<Long> count;

    Counts(String run) {
      this.run = run;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      if (context.isRestored()) {
        RESTORED.add(run);
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) throws IOException {
      if (CHECKPOINTED.contains(run) && FAILED.add(run)) {
        throw new IllegalStateException("The failure " + run + " plans after its first checkpoint");
      }
      long next = count.value() + 1;
      count.update(next);
      COUNTS.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).merge(ctx.getCurrentKey(), next, Math::max);
      out.collect(next);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.add(run);
    }
  }
}
