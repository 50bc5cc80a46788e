package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.sink.RichSinkFunction;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of a legacy source function that wait for its checkpoint lock, in whole jobs on the
 * embedded cluster: a second checkpoint requested while the first waits subsumes it, a function that
 * ends while a checkpoint waits ends its job cleanly, and a draining stop-with-savepoint fires the
 * event-time timers downstream and holds exactly the position the restored job continues from.
 */
class LegacySourceCheckpointLockE2ETest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long WAIT_SECONDS = 20;

  /** Latches the functions and the test share, by run id and name: the functions are copies. */
  private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  private static final Set<String> RETURNED = ConcurrentHashMap.newKeySet();

  @TempDir
  Path dir;

  private static CountDownLatch latch(String runId, String name) {
    return LATCHES.computeIfAbsent(runId + "/" + name, k -> new CountDownLatch(1));
  }

  /** Waits, bounded, on a latch from a function's thread; an unreleased latch fails the function. */
  private static void await(String runId, String name) throws InterruptedException {
    if (!latch(runId, name).await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("run " + runId + ": '" + name + "' was not released in time");
    }
  }

  private static List<String> results(String runId) {
    return RecordedOutput.sorted(RESULTS.getOrDefault(runId, List.of()));
  }

  /** Keeps what it is given by run id. */
  static final class Results extends RichSinkFunction<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    Results(String runId) {
      this.runId = runId;
    }

    @Override
    public void invoke(String value, Context context) {
      RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
    }
  }

  /**
   * Emits its share of 0, 1, 2, ... below a limit under the checkpoint lock; the next number is its
   * checkpointed state. Optionally keeps the lock after emitting {@code holdAt - 1} until the test
   * releases it, or pauses (without the lock) before {@code pauseAt} until cancelled.
   */
  static final class Numbers extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final long limit;
    private final long holdAt;
    private final long pauseAt;
    private volatile boolean running = true;
    private long next = -1;
    private transient ListState<Long> nextState;

    Numbers(String runId, long limit, long holdAt, long pauseAt) {
      this.runId = runId;
      this.limit = limit;
      this.holdAt = holdAt;
      this.pauseAt = pauseAt;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      if (next < 0) {
        next = getRuntimeContext().getIndexOfThisSubtask();
      }
      while (running && next < limit) {
        if (pauseAt >= 0 && next >= pauseAt) {
          latch(runId, "paused " + getRuntimeContext().getIndexOfThisSubtask()).countDown();
          // Bounded: a stop-with-savepoint cancels the function well within this.
          for (int i = 0; i < 20_000 && running; i++) {
            LockSupport.parkNanos(1_000_000);
          }
          if (running) {
            throw new IllegalStateException("run " + runId + ": the paused source was not stopped in time");
          }
          break;
        }
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next);
          next += subtasks;
          if (next == holdAt) {
            latch(runId, "holding").countDown();
            await(runId, "release");
          }
        }
      }
      RETURNED.add(runId);
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      nextState.update(List.of(next));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      nextState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Types.LONG));
      for (Long restored : nextState.get()) {
        next = restored;
      }
    }
  }

  /** The thread that takes the checkpoint lock of source {@code name} for its task, once it exists. */
  private static Optional<Thread> lockTaker(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("Checkpoint lock of " + name + " "))
        .findFirst();
  }

  /** Waits until a checkpoint waits at source {@code name}: its lock taker is blocked on the lock. */
  private static Thread awaitCheckpointWaitingForLock(String name) {
    return Await.untilMatches(WAIT, "a checkpoint waiting for the checkpoint lock of " + name,
        () -> lockTaker(name), t -> t.isPresent() && t.get().getState() == Thread.State.BLOCKED).get();
  }

  private static Throwable failureOf(java.util.concurrent.CompletableFuture<String> savepoint) {
    try {
      savepoint.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the savepoint neither completed nor failed in time", e);
    }
    throw new AssertionError("the savepoint completed, but it should have failed");
  }

  @Test
  void aSecondCheckpointRequestedWhileTheFirstWaitsForTheLockSubsumesIt() throws Exception {
    // Far more than the function emits while the test holds it: the lock is taken between two of its
    // steps under the lock, which it enters again at once, so the savepoint may come many records later.
    long limit = 200_000;
    long holdAt = 500;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.addSource(new Numbers("subsume", limit, holdAt, -1), "Holder")
        .map(n -> Long.toString(n)).returns(Types.STRING)
        .addSink(new Results("subsume"));
    JobClient client = env.executeAsync("legacy subsumed checkpoint");
    assertThat(latch("subsume", "holding").await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    String target = dir.resolve("savepoints").toString();
    var first = client.triggerSavepoint(target);
    awaitCheckpointWaitingForLock("Holder");
    var second = client.triggerSavepoint(target);
    assertThat(failureOf(first)).hasMessageContaining("was triggered before the source was ready for this one");
    assertThat(second).isNotDone();

    latch("subsume", "release").countDown();
    String savepoint = second.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(Path.of(savepoint).resolve("_metadata")).exists();
    E2eSupport.awaitResult(client);
    assertThat(results("subsume")).isEqualTo(numbers(0, limit));

    // The savepoint holds the position after the held record or later: a restore emits the rest.
    StreamExecutionEnvironment restored = StreamExecutionEnvironment.getExecutionEnvironment(restoreFrom(savepoint));
    restored.setParallelism(1);
    restored.addSource(new Numbers("subsume-restored", limit, -1, -1), "Holder")
        .map(n -> Long.toString(n)).returns(Types.STRING)
        .addSink(new Results("subsume-restored"));
    E2eSupport.run(restored, "legacy subsumed checkpoint, restored");
    List<String> rest = results("subsume-restored");
    assertThat(rest).isNotEmpty();
    long from = Long.parseLong(rest.stream().min((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).get());
    assertThat(from).isGreaterThanOrEqualTo(holdAt);
    assertThat(rest).isEqualTo(numbers(from, limit));
  }

  /**
   * Emits 0..limit-1, then has a thread of its own take the checkpoint lock and returns while that
   * thread holds it, so that a checkpoint can be made to wait for the lock when {@code run} ends.
   */
  static final class EndsWhileLockIsHeld extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final long limit;

    EndsWhileLockIsHeld(String runId, long limit) {
      this.runId = runId;
      this.limit = limit;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
      for (long n = 0; n < limit; n++) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(n);
        }
      }
      Object lock = ctx.getCheckpointLock();
      Thread holder = new Thread(() -> {
        synchronized (lock) {
          latch(runId, "holding").countDown();
          try {
            await(runId, "release holder");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }, "lock holder of " + runId);
      holder.setDaemon(true);
      holder.start();
      await(runId, "end");
      RETURNED.add(runId);
    }

    @Override
    public void cancel() {}
  }

  @Test
  void aSourceThatEndsWhileACheckpointWaitsForTheLockFinishesItsJobAndDeclinesTheCheckpoint() throws Exception {
    long limit = 300;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.addSource(new EndsWhileLockIsHeld("ending", limit), "Ending")
        .map(n -> Long.toString(n)).returns(Types.STRING)
        .addSink(new Results("ending"));
    JobClient client = env.executeAsync("legacy source ending with a checkpoint waiting");
    assertThat(latch("ending", "holding").await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    var savepoint = client.triggerSavepoint(dir.resolve("savepoints").toString());
    Thread lockTaker = awaitCheckpointWaitingForLock("Ending");
    latch("ending", "end").countDown();

    assertThat(failureOf(savepoint)).hasMessageContaining("its source ended before it was ready for the checkpoint");
    E2eSupport.awaitResult(client);
    assertThat(client.getJobStatus().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    assertThat(RETURNED).contains("ending");
    assertThat(results("ending")).isEqualTo(numbers(0, limit));

    // The lock taker leaves as soon as it gets the lock: it does not keep it from the function's threads.
    latch("ending", "release holder").countDown();
    Await.until(WAIT, "the lock taker of the ended source to end", () -> !lockTaker.isAlive());
  }

  @Test
  void aDrainingStopWithSavepointFiresTheTimersAndTheRestoredJobContinuesExactlyFromIt() throws Exception {
    long pauseAt = 200;
    long limit = 1_000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.addSource(new Numbers("drain", limit, -1, pauseAt), "Numbers").uid("numbers")
        .keyBy(n -> n % 3)
        .process(new LegacyFunctionsE2ETest.SumAtEnd()).uid("sums")
        .addSink(new Results("drain"));
    JobClient client = env.executeAsync("legacy draining stop");
    for (int subtask = 0; subtask < 2; subtask++) {
      assertThat(latch("drain", "paused " + subtask).await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(results("drain")).as("no timer fires before the drain").isEmpty();

    // The sources run before the keyed tasks may have started: a stop asked for before is refused.
    String savepoint = Await.untilMatches(WAIT, "a draining stop-with-savepoint once all tasks run", () -> {
      try {
        return Optional.of(client.stopWithSavepoint(true, dir.resolve("savepoints").toString())
            .get(WAIT_SECONDS, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        if (!String.valueOf(e.getCause().getMessage()).contains("not all tasks of the job are running")) {
          throw e;
        }
        return Optional.<String>empty();
      }
    }, Optional::isPresent).get();
    E2eSupport.awaitResult(client);
    assertThat(client.getJobStatus().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    assertThat(Files.exists(Path.of(savepoint).resolve("_metadata"))).isTrue();
    // Draining ends event time: the timers at the end of time fired before the savepoint.
    assertThat(results("drain")).isEqualTo(LegacyFunctionsE2ETest.expectedSums(pauseAt, 3));
    Await.until(WAIT, "the paused function to return after its cancellation", () -> RETURNED.contains("drain"));

    StreamExecutionEnvironment restored = StreamExecutionEnvironment.getExecutionEnvironment(restoreFrom(savepoint));
    restored.setParallelism(2);
    restored.addSource(new Numbers("drain-restored", limit, -1, -1), "Numbers").uid("numbers")
        .keyBy(n -> n % 3)
        .process(new LegacyFunctionsE2ETest.SumAtEnd()).uid("sums")
        .addSink(new Results("drain-restored"));
    E2eSupport.run(restored, "legacy draining stop, restored");
    // The sums went on from the savepoint's, and the sources from its positions: every number once.
    assertThat(results("drain-restored")).isEqualTo(LegacyFunctionsE2ETest.expectedSums(limit, 3));
  }

  private static Configuration restoreFrom(String savepoint) {
    Configuration conf = new Configuration();
    conf.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    return conf;
  }

  private static List<String> numbers(long from, long to) {
    return RecordedOutput.sorted(LongStream.range(from, to).mapToObj(Long::toString).toList());
  }
}
