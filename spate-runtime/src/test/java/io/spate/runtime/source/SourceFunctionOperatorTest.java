package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.checkpoint.ListCheckpointed;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.e2e.LegacyFunctionsE2ETest.Counter;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.Await;
import io.spate.testing.FactoryHarnesses;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.StreamRecord;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator of a legacy source function on its own: order of what the function emits, the bounded
 * hand-over, the end and failures of {@code run}, cancellation, and checkpoints under the checkpoint
 * lock that restore to exactly the records not yet emitted.
 */
class SourceFunctionOperatorTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<OneInputTestHarness<Void, ?>> harnesses = new ArrayList<>();

  @AfterEach
  void closeHarnesses() throws Exception {
    for (OneInputTestHarness<Void, ?> harness : harnesses) {
      harness.close();
    }
  }

  /** Creates the operator with a cancellation grace of its own. */
  record GraceFactory<T>(SourceFunction<T> function, long graceMillis) implements StreamOperatorFactory<T> {
    @Override
    @SuppressWarnings("unchecked")
    public <O extends StreamOperator<T>> O createStreamOperator(StreamOperatorParameters<T> parameters) {
      SourceFunctionOperator<T> operator = new SourceFunctionOperator<>(function, graceMillis);
      operator.setup(parameters);
      return (O) operator;
    }
  }

  private <T> OneInputTestHarness<Void, T> harness(SourceFunction<T> function, long graceMillis) {
    OneInputTestHarness<Void, T> harness = FactoryHarnesses.of(new GraceFactory<>(function, graceMillis), "Feed");
    harnesses.add(harness);
    return harness;
  }

  @SuppressWarnings("unchecked")
  private static <T> SourceFunctionOperator<T> operatorOf(OneInputTestHarness<Void, T> harness) {
    return (SourceFunctionOperator<T>) harness.getOperator();
  }

  /** Emits what is there, as a task's step would, up to a bound; the last status. */
  static InputStatus drain(SourceFunctionOperator<?> operator) throws Exception {
    InputStatus status = InputStatus.MORE_AVAILABLE;
    for (int i = 0; i < 10_000 && status == InputStatus.MORE_AVAILABLE; i++) {
      status = operator.emitNext();
    }
    return status;
  }

  /**
   * Asks for the checkpoint lock and, until it is held, polls as the task does meanwhile: a function
   * blocked on the full hand-over under its lock lets go of it only once there is room.
   */
  static boolean readyAfterPolling(SourceFunctionOperator<?> operator) throws Exception {
    if (operator.readyForCheckpoint()) {
      return true;
    }
    drain(operator);
    return false;
  }

  private static void pollToEnd(SourceFunctionOperator<?> operator) throws Exception {
    // Polls without pauses, as a task does while records come: Await's pauses would slow the function down.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (drain(operator) != InputStatus.END_OF_INPUT) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("The source function did not end within 60 s; it emitted " + operator.recordsEmitted());
      }
      Thread.yield();
    }
  }

  @Test
  void recordsWatermarksAndIdlenessKeepTheirOrderAndTheEndBringsTheFinalWatermark() throws Exception {
    OneInputTestHarness<Void, String> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) {
        ctx.collect("a");
        ctx.collectWithTimestamp("b", 5);
        ctx.emitWatermark(new Watermark(5));
        ctx.markAsTemporarilyIdle();
        ctx.collectWithTimestamp("c", 9);
        ctx.emitWatermark(new Watermark(4)); // behind the last one: not emitted
        ctx.emitWatermark(new Watermark(9));
      }

      @Override
      public void cancel() {}
    }, 1_000);
    pollToEnd(operatorOf(harness));
    harness.endInput();

    assertThat(harness.getRecordsAndWatermarks()).containsExactly(
        new StreamRecord<>("a", Long.MIN_VALUE), new StreamRecord<>("b", 5L), new Watermark(5),
        new StreamRecord<>("c", 9L), new Watermark(9), new Watermark(Long.MAX_VALUE));
    assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
    assertThat(operatorOf(harness).recordsEmitted()).isEqualTo(3);
  }

  @Test
  void aFullHandOverBlocksTheFunctionsThreadNotTheTask() throws Exception {
    int total = 5_000;
    OneInputTestHarness<Void, Integer> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<Integer> ctx) {
        for (int i = 0; i < total; i++) {
          ctx.collect(i);
        }
      }

      @Override
      public void cancel() {}
    }, 1_000);
    SourceFunctionOperator<Integer> operator = operatorOf(harness);
    Thread thread = operator.functionThread();
    assertThat(thread.getName()).isEqualTo("Legacy Source Thread - Feed (1/1)");
    Await.until(WAIT, "the function's thread to wait for room in the hand-over",
        () -> thread.getState() == Thread.State.WAITING);

    assertThat(operator.emitNext()).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(harness.extractOutputValues()).isNotEmpty().hasSizeLessThan(total);
    pollToEnd(operator);
    assertThat(harness.extractOutputValues()).containsExactlyElementsOf(
        LongStream.range(0, total).mapToObj(i -> (int) i).toList());
  }

  @Test
  void anExceptionInRunFailsThePollAfterTheRecordsBeforeIt() throws Exception {
    OneInputTestHarness<Void, String> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) {
        ctx.collect("before");
        throw new IllegalStateException("the feed broke");
      }

      @Override
      public void cancel() {}
    }, 1_000);
    assertThatThrownBy(() -> pollToEnd(operatorOf(harness)))
        .isInstanceOf(IllegalStateException.class).hasMessage("the feed broke");
    assertThat(harness.extractOutputValues()).containsExactly("before");
  }

  @Test
  void aNullRecordFailsNamingTheSource() throws Exception {
    OneInputTestHarness<Void, String> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) {
        ctx.collect(null);
      }

      @Override
      public void cancel() {}
    }, 1_000);
    assertThatThrownBy(() -> pollToEnd(operatorOf(harness)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("'Feed'").hasMessageContaining("null");
  }

  /** Emits until cancelled; nobody polls, so it blocks on the full hand-over. */
  static final class EndlessSource implements SourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    volatile boolean running = true;

    @Override
    public void run(SourceContext<Long> ctx) {
      long next = 0;
      while (running) {
        ctx.collect(next++);
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  @Test
  void closingBeforeTheEndCancelsTheFunctionAndReleasesItFromTheFullHandOver() throws Exception {
    EndlessSource function = new EndlessSource();
    // A grace far beyond the wait below: the thread must end by cancel(), not by the interrupt.
    OneInputTestHarness<Void, Long> harness = harness(function, 600_000);
    Thread thread = operatorOf(harness).functionThread();
    Await.until(WAIT, "the function's thread to wait for room in the hand-over",
        () -> thread.getState() == Thread.State.WAITING);

    harness.close();
    assertThat(function.running).as("cancel() was called").isFalse();
    Await.until(WAIT, "the cancelled function's thread to end", () -> !thread.isAlive());
  }

  @Test
  void aFunctionThatIgnoresCancelIsInterruptedAfterTheGracePeriod() throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    OneInputTestHarness<Void, String> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) {
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
      }

      @Override
      public void cancel() {}
    }, 50);
    Thread thread = operatorOf(harness).functionThread();
    harness.close();
    Await.until(WAIT, "the function's thread to be interrupted and end", () -> !thread.isAlive());
    assertThat(interrupted).isTrue();
  }

  /** {@link Counter} emits and counts under the checkpoint lock; the count is its checkpointed state. */
  @Test
  void aCheckpointUnderTheLockRestoresToExactlyTheRecordsNotYetEmitted() throws Exception {
    assertRestoresToExactlyTheRecordsNotYetEmitted(Counter::new);
  }

  /** Restores a source of 0, 1, 2, ... below a limit from a checkpoint taken midway: it emits what was not yet emitted. */
  private void assertRestoresToExactlyTheRecordsNotYetEmitted(LongFunction<SourceFunction<Long>> counter)
      throws Exception {
    // Far above what the function can emit while the test waits for the lock: the function takes its
    // lock back at once after each step, so on a loaded machine the test may win it only much later.
    long limit = 50_000;
    OneInputTestHarness<Void, Long> first = harness(counter.apply(limit), 1_000);
    SourceFunctionOperator<Long> operator = operatorOf(first);
    // One batch per poll: the function stays at most a hand-over ahead, far from its limit.
    Await.until(WAIT, "some records", () -> {
      operator.emitNext();
      return first.extractOutputValues().size() >= 300;
    });
    // No polls meanwhile: the function fills the hand-over and blocks under its lock. A checkpoint must
    // not come between what it did under the lock before that and the record it is emitting, so the
    // lock comes only once polls make room and the function lets go of it.
    Thread thread = operator.functionThread();
    Await.until(WAIT, () -> "the function to block on the full hand-over; it is " + thread.getState() + " at "
        + java.util.Arrays.toString(thread.getStackTrace()),
        () -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    Await.until(WAIT, "the checkpoint lock", () -> readyAfterPolling(operator));
    OperatorSubtaskState snapshot = first.snapshot(1, 0);
    operator.checkpointTaken();
    List<Long> beforeBarrier = List.copyOf(first.extractOutputValues());
    first.close();

    OneInputTestHarness<Void, Long> second = harness(counter.apply(limit), 1_000).initializeState(snapshot, 1);
    pollToEnd(operatorOf(second));

    assertThat(beforeBarrier).hasSizeBetween(300, (int) limit - 1);
    List<Long> all = new ArrayList<>(beforeBarrier);
    all.addAll(second.extractOutputValues());
    assertThat(all).containsExactlyElementsOf(LongStream.range(0, limit).boxed().toList());
  }

  @Test
  void whileTheFunctionHoldsItsLockTheTaskIsToldToComeBackNotBlocked() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    OneInputTestHarness<Void, String> harness = harness(new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) throws InterruptedException {
        synchronized (ctx.getCheckpointLock()) {
          holding.countDown();
          letGo.await();
          ctx.collect("under the lock");
        }
      }

      @Override
      public void cancel() {}
    }, 1_000);
    SourceFunctionOperator<String> operator = operatorOf(harness);
    holding.await();
    for (int i = 0; i < 3; i++) {
      assertThat(operator.readyForCheckpoint()).as("ready while the function holds the lock").isFalse();
    }
    letGo.countDown();
    Await.until(WAIT, "the checkpoint lock once the function let go", operator::readyForCheckpoint);
    harness.snapshot(1, 0);
    operator.checkpointTaken();
    assertThat(harness.extractOutputValues()).containsExactly("under the lock");
  }

  @Test
  void theLockIsTakenAgainForTheNextCheckpoint() throws Exception {
    OneInputTestHarness<Void, Long> harness = harness(new Counter(Long.MAX_VALUE), 1_000);
    SourceFunctionOperator<Long> operator = operatorOf(harness);
    for (long checkpoint = 1; checkpoint <= 3; checkpoint++) {
      // The function goes on after each checkpoint: the lock was given back.
      long before = operator.recordsEmitted();
      Await.until(WAIT, "records after checkpoint " + (checkpoint - 1), () -> {
        operator.emitNext();
        return operator.recordsEmitted() > before;
      });
      Await.until(WAIT, "the checkpoint lock", () -> readyAfterPolling(operator));
      harness.snapshot(checkpoint, 0);
      operator.checkpointTaken();
    }
    assertThat(operator.recordsEmitted()).isPositive();
  }

  /**
   * Owns shards, in split list state, and names its owner in union list state; its {@code run} has
   * nothing to emit.
   */
  static final class ShardSource extends RichParallelSourceFunction<String> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    final List<String> restoredShards = new ArrayList<>();
    final List<String> restoredOwners = new ArrayList<>();
    private transient ListState<String> owners;

    @Override
    public void run(SourceContext<String> ctx) {}

    @Override
    public void cancel() {}

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      ListState<String> shards = context.getOperatorStateStore().getListState(
          new ListStateDescriptor<>("shards", Types.STRING));
      owners = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("owners", Types.STRING));
      if (context.isRestored()) {
        shards.get().forEach(restoredShards::add);
        owners.get().forEach(restoredOwners::add);
      } else {
        int index = getRuntimeContext().getIndexOfThisSubtask();
        shards.update(List.of("shard" + 2 * index, "shard" + (2 * index + 1)));
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      owners.update(List.of("owner" + getRuntimeContext().getIndexOfThisSubtask()));
    }
  }

  @Test
  void restoredAtAnotherParallelismListStateIsSplitAndUnionStateGoesToAll() throws Exception {
    List<OperatorSubtaskState> snapshots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      OneInputTestHarness<Void, String> harness = harness(new ShardSource(), 1_000).setSubtask(i, 2, 128);
      pollToEnd(operatorOf(harness));
      snapshots.add(harness.snapshot(1, 0));
    }
    List<OperatorSubtaskState> rescaled = TestHarnesses.repartition(snapshots, 3, 128);
    List<String> shards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ShardSource restored = new ShardSource();
      harness(restored, 1_000).setSubtask(i, 3, 128).initializeState(rescaled.get(i), 1).open();
      shards.addAll(restored.restoredShards);
      assertThat(restored.restoredOwners).containsExactlyInAnyOrder("owner0", "owner1");
    }
    assertThat(shards).containsExactlyInAnyOrder("shard0", "shard1", "shard2", "shard3");
  }

  /** Emits 0, 1, 2, ... below a limit under the checkpoint lock; the next number is its {@link ListCheckpointed} state. */
  static final class ListCheckpointedCounter implements SourceFunction<Long>, ListCheckpointed<Long> {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private volatile boolean running = true;
    private long next;

    ListCheckpointedCounter(long limit) {
      this.limit = limit;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      while (running && next < limit) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next);
          next++;
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public List<Long> snapshotState(long checkpointId, long timestamp) {
      return List.of(next);
    }

    @Override
    public void restoreState(List<Long> state) {
      for (Long restored : state) {
        next = restored;
      }
    }
  }

  @Test
  void aListCheckpointedSourceRestoresToExactlyTheRecordsNotYetEmitted() throws Exception {
    assertRestoresToExactlyTheRecordsNotYetEmitted(ListCheckpointedCounter::new);
  }

  /** Takes the next number (its state moves) before it emits it, both under the checkpoint lock. */
  static final class TakeThenEmitCounter implements SourceFunction<Long>, ListCheckpointed<Long> {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private volatile boolean running = true;
    private long next;

    TakeThenEmitCounter(long limit) {
      this.limit = limit;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      while (running) {
        synchronized (ctx.getCheckpointLock()) {
          if (next >= limit) {
            return;
          }
          long taken = next++;
          ctx.collect(taken);
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public List<Long> snapshotState(long checkpointId, long timestamp) {
      return List.of(next);
    }

    @Override
    public void restoreState(List<Long> state) {
      for (Long restored : state) {
        next = restored;
      }
    }
  }

  /** A function blocked on the full hand-over with a record already taken keeps its lock: no record is lost. */
  @Test
  void aRecordTakenBeforeItIsEmittedIsNotSplitFromItsStateByACheckpoint() throws Exception {
    assertRestoresToExactlyTheRecordsNotYetEmitted(TakeThenEmitCounter::new);
  }
}
