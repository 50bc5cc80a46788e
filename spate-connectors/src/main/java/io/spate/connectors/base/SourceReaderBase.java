package io.spate.connectors.base;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A {@link SourceReader} for a client that blocks: {@link SplitReader}s fetch on fetcher threads of
 * their own and hand batches over through a bounded queue; {@link #pollNext} only emits what has
 * arrived, through the {@link RecordEmitter}, and never waits. The position of each split is
 * updated as its records are emitted on the task thread, so {@link #snapshotState} covers exactly
 * the records emitted, never those still queued.
 *
 * <p>Subclasses say how a split becomes mutable state and back, and usually ask for splits in
 * {@link #start()}.
 *
 * @param <E> the fetched element type
 * @param <T> the record type
 * @param <SplitT> the split type
 * @param <SplitStateT> the mutable state of a split while it is read
 */
public abstract class SourceReaderBase<E, T, SplitT extends SourceSplit, SplitStateT>
    implements SourceReader<T, SplitT> {

  /** The reader's context. */
  protected final SourceReaderContext context;
  private final RecordEmitter<E, T, SplitStateT> recordEmitter;
  private final int maxRecordsPerPoll;
  private final HandoverQueue<RecordsBySplits<E>> queue;
  private final SplitFetcherManager<E, SplitT> fetchers;
  /** The unfinished splits, in the order they were added; task thread only. */
  private final Map<String, SplitContext<T, SplitStateT>> splits = new LinkedHashMap<>();
  private RecordsBySplits<E> currentBatch;
  private SplitContext<T, SplitStateT> currentSplit;
  private ReaderOutput<T> outputOfSplits;
  private boolean noMoreSplits;
  /** Whether the last poll returned NOTHING_AVAILABLE: only then does availability wait for a batch. */
  private boolean waitingForBatch;

  /** The state of a split and the output its records go to. */
  private static final class SplitContext<T, SplitStateT> {
    final String id;
    final SplitStateT state;
    SourceOutput<T> output;

    SplitContext(String id, SplitStateT state) {
      this.id = id;
      this.state = state;
    }
  }

  /**
   * A reader of source {@code sourceName} (which names its fetcher threads and its errors) whose
   * fetchers each read through a split reader from {@code splitReaders}, which each fetcher calls on
   * its own thread.
   */
  protected SourceReaderBase(
      String sourceName,
      Supplier<? extends SplitReader<E, SplitT>> splitReaders,
      RecordEmitter<E, T, SplitStateT> recordEmitter,
      SourceReaderOptions options,
      SourceReaderContext context) {
    Objects.requireNonNull(sourceName, "sourceName");
    this.context = Objects.requireNonNull(context, "context");
    this.recordEmitter = Objects.requireNonNull(recordEmitter, "recordEmitter");
    this.maxRecordsPerPoll = options.maxRecordsPerPoll();
    this.queue = new HandoverQueue<>(options.handoverQueueCapacity());
    this.fetchers = new SplitFetcherManager<>(
        sourceName, context.getIndexOfSubtask(), Objects.requireNonNull(splitReaders, "splitReaders"), queue, options);
  }

  /** The mutable state in which the reader tracks {@code split}'s position while reading it. */
  protected abstract SplitStateT initializedState(SplitT split);

  /** The split {@code splitId} at the position {@code state} holds, for a checkpoint. */
  protected abstract SplitT toSplitType(String splitId, SplitStateT state);

  /**
   * Called on the task thread before the first element of a new batch is emitted, with the time the
   * batch was fetched ({@link RecordsBySplits#UNKNOWN_FETCH_TIME} if its split reader did not record
   * one), such as for the metric {@code currentFetchEventTimeLag}.
   */
  protected void onBatchStarted(long fetchTimeMillis) {}

  /** Called on the task thread once split {@code splitId} is read to its end and all of it emitted. */
  protected void onSplitFinished(String splitId, SplitStateT finalState) {}

  @Override
  public void start() {}

  /**
   * Starts the fetcher thread now, before the reader has splits, so that it creates its split reader
   * while the enumerator is still looking for splits rather than when the first ones arrive: worth
   * it for a client that is slow to build (a Kafka consumer takes a few hundred milliseconds at a
   * job's start). Call it from {@link #start()}; only in {@link
   * SourceReaderOptions.FetcherMode#SINGLE_FETCHER} mode, where it is the fetcher all splits go to
   * (in the other mode it does nothing). A reader that then gets no split holds a split reader
   * it never uses until it closes.
   */
  protected final void startFetcherAhead() {
    fetchers.startAhead();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    waitingForBatch = false;
    fetchers.checkFailure();
    if (output != outputOfSplits) {
      // Split outputs belong to one reader output; a new one (a test harness's) gets its own.
      splits.values().forEach(split -> split.output = null);
      outputOfSplits = output;
    }
    int emitted = 0;
    while (emitted < maxRecordsPerPoll) {
      if (currentBatch == null) {
        currentBatch = queue.poll();
        if (currentBatch == null) {
          return emitted > 0 ? InputStatus.MORE_AVAILABLE : nothingQueued();
        }
        onBatchStarted(currentBatch.fetchTimeMillis());
      }
      if (currentSplit == null && !nextSplitOfBatch(output)) {
        continue;
      }
      E element = currentBatch.nextElementFromSplit();
      if (element == null) {
        currentSplit = null;
        continue;
      }
      recordEmitter.emitRecord(element, currentSplit.output, currentSplit.state);
      emitted++;
    }
    return InputStatus.MORE_AVAILABLE;
  }

  /** Moves to the next split of the current batch; at the batch's end finishes its splits and drops it. */
  private boolean nextSplitOfBatch(ReaderOutput<T> output) {
    String splitId = currentBatch.nextSplit();
    if (splitId == null) {
      for (String finished : currentBatch.finishedSplits()) {
        finishSplit(finished, output);
      }
      currentBatch = null;
      return false;
    }
    SplitContext<T, SplitStateT> split = splits.get(splitId);
    if (split == null) {
      throw new IllegalStateException("The split reader fetched records of split '" + splitId
          + "', which is not assigned to this reader (assigned: " + splits.keySet() + ")");
    }
    if (split.output == null) {
      split.output = output.createOutputForSplit(splitId);
    }
    currentSplit = split;
    return true;
  }

  private void finishSplit(String splitId, ReaderOutput<T> output) {
    SplitContext<T, SplitStateT> split = splits.remove(splitId);
    if (split == null) {
      return;
    }
    if (split.output != null) {
      output.releaseOutputForSplit(splitId);
    }
    onSplitFinished(splitId, split.state);
  }

  private InputStatus nothingQueued() {
    if (noMoreSplits && splits.isEmpty()) {
      return InputStatus.END_OF_INPUT;
    }
    CompletableFuture<Void> available = queue.availability();
    // A batch or a failure that arrived since the poll above must not wait for the next one.
    if (available.isDone() || fetchers.hasFailed()) {
      return InputStatus.MORE_AVAILABLE;
    }
    waitingForBatch = true;
    return InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    // Work that needs no new batch: after MORE_AVAILABLE, a failure to report, the end.
    if (!waitingForBatch || fetchers.hasFailed() || (noMoreSplits && splits.isEmpty())) {
      return CompletableFuture.completedFuture(null);
    }
    return queue.availability();
  }

  @Override
  public void addSplits(List<SplitT> newSplits) {
    for (SplitT split : newSplits) {
      String id = split.splitId();
      if (splits.containsKey(id)) {
        throw new IllegalStateException("Split '" + id + "' was added twice to subtask "
            + context.getIndexOfSubtask() + "'s reader");
      }
      splits.put(id, new SplitContext<>(id, initializedState(split)));
    }
    if (!newSplits.isEmpty()) {
      fetchers.addSplits(newSplits);
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    queue.notifyAvailable();
  }

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    List<SplitT> state = new ArrayList<>(splits.size());
    for (SplitContext<T, SplitStateT> split : splits.values()) {
      state.add(toSplitType(split.id, split.state));
    }
    return state;
  }

  /** The batches waiting in the hand-over queue, for tests. */
  final int queuedBatches() {
    return queue.size();
  }

  /** The number of fetcher threads running now. */
  protected final int runningFetchers() {
    return fetchers.liveFetchers();
  }

  /** Stops the fetcher threads, waking any blocked fetch, and waits for them to end. */
  @Override
  public void close() throws Exception {
    fetchers.close();
  }
}
