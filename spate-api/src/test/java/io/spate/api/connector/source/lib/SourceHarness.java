package io.spate.api.connector.source.lib;

import io.spate.api.connector.NoOpMetricGroup;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.eventtime.Watermark;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Runs a source's enumerator and readers in the test thread, the way the runtime's coordinator and
 * tasks would: enumerator and readers talk through a message queue, {@code callAsync} work runs
 * only when the test says so, and checkpoints really go through the source's serializers.
 */
public final class SourceHarness<T, S extends SourceSplit, E> implements AutoCloseable {

  private static final long WAIT_LIMIT_MILLIS = 20_000;

  private final Source<T, S, E> source;
  private final int parallelism;
  private final Deque<Runnable> messages = new ArrayDeque<>();
  private final List<AsyncCall<?>> asyncCalls = new ArrayList<>();
  private final Set<Integer> registered = new TreeSet<>();
  private final List<SourceReader<T, S>> readers = new ArrayList<>();
  private final List<RecordingOutput<T>> outputs = new ArrayList<>();
  private final List<List<S>> assignments = new ArrayList<>();
  private final boolean[] ended;
  private SplitEnumerator<S, E> enumerator;

  private SourceHarness(Source<T, S, E> source, int parallelism) {
    this.source = source;
    this.parallelism = parallelism;
    this.ended = new boolean[parallelism];
  }

  /** Creates the enumerator and {@code parallelism} readers and starts them. */
  public static <T, S extends SourceSplit, E> SourceHarness<T, S, E> start(Source<T, S, E> source, int parallelism)
      throws Exception {
    SourceHarness<T, S, E> harness = new SourceHarness<>(source, parallelism);
    harness.enumerator = source.createEnumerator(harness.new EnumeratorContext());
    harness.startAll(List.of());
    return harness;
  }

  /** Restores enumerator and readers from {@code checkpoint}, spreading reader splits round-robin. */
  public static <T, S extends SourceSplit, E> SourceHarness<T, S, E> restore(
      Source<T, S, E> source, int parallelism, Checkpoint checkpoint) throws Exception {
    SourceHarness<T, S, E> harness = new SourceHarness<>(source, parallelism);
    E state = source.getEnumeratorCheckpointSerializer()
        .deserialize(checkpoint.enumeratorVersion, checkpoint.enumeratorState);
    harness.enumerator = source.restoreEnumerator(harness.new EnumeratorContext(), state);
    List<S> splits = new ArrayList<>();
    for (byte[] bytes : checkpoint.readerSplits) {
      splits.add(source.getSplitSerializer().deserialize(checkpoint.splitVersion, bytes));
    }
    harness.startAll(splits);
    return harness;
  }

  private void startAll(List<S> restoredSplits) throws Exception {
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      readers.add(source.createReader(new ReaderContext(i)));
      outputs.add(new RecordingOutput<>());
      assignments.add(new ArrayList<>());
    }
    for (int i = 0; i < parallelism; i++) {
      List<S> mine = new ArrayList<>();
      for (int j = i; j < restoredSplits.size(); j += parallelism) {
        mine.add(restoredSplits.get(j));
      }
      if (!mine.isEmpty()) {
        readers.get(i).addSplits(mine);
      }
      registered.add(i);
      enumerator.addReader(i);
      readers.get(i).start();
    }
  }

  /** Delivers queued messages and polls every reader that is available once; true if anything happened. */
  public boolean runOnce() throws Exception {
    boolean progress = deliverMessages();
    for (int i = 0; i < parallelism; i++) {
      SourceReader<T, S> reader = readers.get(i);
      if (ended[i] || !reader.isAvailable().isDone()) {
        continue;
      }
      int before = outputs.get(i).records.size();
      InputStatus status = reader.pollNext(outputs.get(i));
      if (status == InputStatus.END_OF_INPUT) {
        ended[i] = true;
        progress = true;
      } else if (status == InputStatus.MORE_AVAILABLE || outputs.get(i).records.size() > before) {
        progress = true;
      }
    }
    // Messages a poll sent (split requests) are progress too: delivering them may wake readers.
    return progress || !messages.isEmpty();
  }

  private boolean deliverMessages() {
    boolean any = false;
    Runnable message;
    while ((message = messages.poll()) != null) {
      message.run();
      any = true;
    }
    return any;
  }

  /** Runs until every reader has ended, running one-shot async calls and waiting for readers fed by other threads. */
  public List<T> runToEnd() throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_LIMIT_MILLIS;
    while (!allEnded()) {
      if (runOnce() || runOneShotAsyncCalls()) {
        continue;
      }
      List<CompletableFuture<Void>> waiting = new ArrayList<>();
      for (int i = 0; i < parallelism; i++) {
        if (!ended[i]) {
          waiting.add(readers.get(i).isAvailable());
        }
      }
      long left = deadline - System.currentTimeMillis();
      try {
        CompletableFuture.anyOf(waiting.toArray(new CompletableFuture<?>[0])).get(Math.max(1, left), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("The source is stuck: no reader became available within "
            + WAIT_LIMIT_MILLIS + " ms; records so far: " + records().size());
      }
    }
    return records();
  }

  /** Runs until nothing happens without async calls or waiting; for unbounded sources. */
  public List<T> runUntilIdle() throws Exception {
    for (int i = 0; i < 1_000_000; i++) {
      if (!runOnce()) {
        return records();
      }
    }
    throw new AssertionError("The source never became idle");
  }

  /** Runs until at least {@code count} records were emitted (or nothing can happen any more). */
  public List<T> runUntilRecords(int count) throws Exception {
    while (records().size() < count) {
      if (!runOnce() && !runOneShotAsyncCalls()) {
        break;
      }
    }
    return records();
  }

  /** Runs every registered async call once, handing results to the enumerator; periodic calls stay registered. */
  public void runAsyncCalls() {
    List<AsyncCall<?>> due = new ArrayList<>(asyncCalls);
    asyncCalls.removeIf(call -> call.periodMillis <= 0);
    for (AsyncCall<?> call : due) {
      call.run();
    }
  }

  private boolean runOneShotAsyncCalls() {
    boolean any = false;
    for (Iterator<AsyncCall<?>> it = asyncCalls.iterator(); it.hasNext(); ) {
      AsyncCall<?> call = it.next();
      if (call.periodMillis <= 0) {
        it.remove();
        call.run();
        any = true;
      }
    }
    return any;
  }

  /** The async calls registered so far, with their delays. */
  public List<AsyncCall<?>> asyncCalls() {
    return List.copyOf(asyncCalls);
  }

  /** Takes checkpoint {@code id} after delivering all messages in flight, through the serializers. */
  public Checkpoint checkpoint(long id) throws Exception {
    deliverMessages();
    SimpleVersionedSerializer<S> splitSerializer = source.getSplitSerializer();
    List<byte[]> splits = new ArrayList<>();
    for (SourceReader<T, S> reader : readers) {
      for (S split : reader.snapshotState(id)) {
        splits.add(splitSerializer.serialize(split));
      }
    }
    SimpleVersionedSerializer<E> enumSerializer = source.getEnumeratorCheckpointSerializer();
    return new Checkpoint(
        enumSerializer.getVersion(), enumSerializer.serialize(enumerator.snapshotState(id)),
        splitSerializer.getVersion(), splits);
  }

  public boolean allEnded() {
    for (boolean e : ended) {
      if (!e) {
        return false;
      }
    }
    return true;
  }

  public boolean ended(int subtask) {
    return ended[subtask];
  }

  public SourceReader<T, S> reader(int subtask) {
    return readers.get(subtask);
  }

  /** All records, reader by reader, each reader's in emission order. */
  public List<T> records() {
    List<T> all = new ArrayList<>();
    for (RecordingOutput<T> output : outputs) {
      all.addAll(output.records);
    }
    return all;
  }

  public List<T> records(int subtask) {
    return outputs.get(subtask).records;
  }

  /** The splits the enumerator assigned to {@code subtask}. */
  public List<S> assignments(int subtask) {
    return assignments.get(subtask);
  }

  @Override
  public void close() throws Exception {
    for (SourceReader<T, S> reader : readers) {
      reader.close();
    }
    enumerator.close();
  }

  /** A checkpoint as bytes, the way the runtime would store it. */
  public static final class Checkpoint {
    final int enumeratorVersion;
    final byte[] enumeratorState;
    final int splitVersion;
    final List<byte[]> readerSplits;

    Checkpoint(int enumeratorVersion, byte[] enumeratorState, int splitVersion, List<byte[]> readerSplits) {
      this.enumeratorVersion = enumeratorVersion;
      this.enumeratorState = enumeratorState;
      this.splitVersion = splitVersion;
      this.readerSplits = readerSplits;
    }
  }

  /** A {@code callAsync} registration, run by the test on the test thread. */
  public static final class AsyncCall<R> {
    final Callable<R> callable;
    final BiConsumer<R, Throwable> handler;
    public final long initialDelayMillis;
    public final long periodMillis;

    AsyncCall(Callable<R> callable, BiConsumer<R, Throwable> handler, long initialDelayMillis, long periodMillis) {
      this.callable = callable;
      this.handler = handler;
      this.initialDelayMillis = initialDelayMillis;
      this.periodMillis = periodMillis;
    }

    void run() {
      R result;
      try {
        result = callable.call();
      } catch (Throwable t) {
        handler.accept(null, t);
        return;
      }
      handler.accept(result, null);
    }
  }

  private final class EnumeratorContext implements SplitEnumeratorContext<S> {

    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public Set<Integer> registeredReaders() {
      return Set.copyOf(registered);
    }

    @Override
    public void assignSplit(S split, int subtaskId) {
      assignments.get(subtaskId).add(split);
      messages.add(() -> readers.get(subtaskId).addSplits(List.of(split)));
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      messages.add(() -> readers.get(subtaskId).notifyNoMoreSplits());
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
      messages.add(() -> readers.get(subtaskId).handleSourceEvents(event));
    }

    @Override
    public <R> void callAsync(
        Callable<R> callable, BiConsumer<R, Throwable> handler, long initialDelayMillis, long periodMillis) {
      asyncCalls.add(new AsyncCall<>(callable, handler, initialDelayMillis, periodMillis));
    }

    @Override
    public void runInCoordinatorThread(Runnable action) {
      messages.add(action);
    }
  }

  private final class ReaderContext implements SourceReaderContext {
    private final int subtask;

    ReaderContext(int subtask) {
      this.subtask = subtask;
    }

    @Override
    public int getIndexOfSubtask() {
      return subtask;
    }

    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public void sendSplitRequest() {
      messages.add(() -> enumerator.handleSplitRequest(subtask));
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent event) {
      messages.add(() -> enumerator.handleSourceEvent(subtask, event));
    }

    @Override
    public SourceReaderMetricGroup metricGroup() {
      return new NoOpMetricGroup();
    }
  }

  /** Records what a reader emits. */
  public static final class RecordingOutput<T> implements ReaderOutput<T> {
    public final List<T> records = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();

    @Override
    public void collect(T record) {
      records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
      records.add(record);
      timestamps.add(timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
