package io.spate.api.connector.source.lib;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Base of the readers that read their splits one after another, without blocking, and ask the
 * enumerator for one more split whenever they run out.
 */
@Internal
public abstract class SequentialSplitReader<T, S extends SourceSplit> implements SourceReader<T, S> {

  /** What one {@link #readSplit} call achieved. */
  protected enum SplitProgress {
    /** The split has more records to read now. */
    MORE,
    /** The split is read to its end. */
    FINISHED,
    /** The split has more records, but not now: the reader has armed {@link #awaitAvailability}. */
    WAIT
  }

  protected final SourceReaderContext context;
  private final ArrayDeque<S> pendingSplits = new ArrayDeque<>();
  private boolean readingSplit;
  private boolean noMoreSplits;
  private boolean splitRequested;
  // Volatile because subclasses may complete it from a timer thread.
  private volatile CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

  /** A reader that talks to the enumerator through {@code context}. */
  protected SequentialSplitReader(SourceReaderContext context) {
    this.context = context;
  }

  /** Starts reading {@code split} at the position it carries. */
  protected abstract void openSplit(S split) throws Exception;

  /** Emits a bounded batch of records of the open split. */
  protected abstract SplitProgress readSplit(ReaderOutput<T> output) throws Exception;

  /** The open split with its current position. */
  protected abstract S currentSplitState();

  /** Releases what {@link #openSplit} acquired. */
  protected void closeSplit() throws Exception {}

  @Override
  public void start() {
    if (!readingSplit && pendingSplits.isEmpty() && !noMoreSplits) {
      requestSplit();
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (!readingSplit) {
      S next = pendingSplits.poll();
      if (next == null) {
        return noSplitToRead();
      }
      openSplit(next);
      readingSplit = true;
    }
    switch (readSplit(output)) {
      case MORE:
        return InputStatus.MORE_AVAILABLE;
      case WAIT:
        return InputStatus.NOTHING_AVAILABLE;
      default:
        readingSplit = false;
        closeSplit();
        return pendingSplits.isEmpty() ? noSplitToRead() : InputStatus.MORE_AVAILABLE;
    }
  }

  private InputStatus noSplitToRead() {
    if (noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    // Arm the future before asking, in case the answer arrives synchronously.
    awaitAvailability();
    requestSplit();
    if (!pendingSplits.isEmpty()) {
      return InputStatus.MORE_AVAILABLE;
    }
    return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
  }

  private void requestSplit() {
    if (!splitRequested) {
      splitRequested = true;
      context.sendSplitRequest();
    }
  }

  /** Replaces a completed availability future by a new one and returns the current one. */
  protected final CompletableFuture<Void> awaitAvailability() {
    CompletableFuture<Void> current = available;
    if (current.isDone()) {
      current = new CompletableFuture<>();
      available = current;
    }
    return current;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<S> splits) {
    pendingSplits.addAll(splits);
    splitRequested = false;
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public List<S> snapshotState(long checkpointId) {
    List<S> state = new ArrayList<>(pendingSplits.size() + 1);
    if (readingSplit) {
      state.add(currentSplitState());
    }
    state.addAll(pendingSplits);
    return state;
  }

  @Override
  public void close() throws Exception {
    if (readingSplit) {
      readingSplit = false;
      closeSplit();
    }
  }
}
