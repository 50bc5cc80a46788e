package io.spate.api.functions.source;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.util.List;
import java.util.Objects;

/**
 * Carries a {@link SourceFunction} through the graph as a {@link Source}, so that it is a source node
 * like any other; the runtime recognises it and runs the function with an operator of its own. It has
 * no splits: its enumerator does nothing and its checkpoint is empty, and the function's own state is
 * operator state. Unbounded, as Flink treats legacy sources: nothing tells in advance whether {@code
 * run} returns.
 *
 * @param <T> the record type
 */
@Internal
public final class SourceFunctionSource<T> implements Source<T, SourceSplit, Void> {

  private static final long serialVersionUID = 1L;

  private final SourceFunction<T> function;

  /** Wraps {@code function}. */
  public SourceFunctionSource(SourceFunction<T> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  /** The function. */
  public SourceFunction<T> getFunction() {
    return function;
  }

  /** Whether the function may run with a parallelism above 1. */
  public boolean isParallel() {
    return function instanceof ParallelSourceFunction<?>;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<T, SourceSplit> createReader(SourceReaderContext readerContext) {
    throw new UnsupportedOperationException("Source function " + function.getClass().getName()
        + " runs with the runtime's source function operator, not with a split reader.");
  }

  @Override
  public SplitEnumerator<SourceSplit, Void> createEnumerator(SplitEnumeratorContext<SourceSplit> enumContext) {
    return new NoSplits();
  }

  @Override
  public SplitEnumerator<SourceSplit, Void> restoreEnumerator(
      SplitEnumeratorContext<SourceSplit> enumContext, Void checkpoint) {
    return new NoSplits();
  }

  @Override
  public SimpleVersionedSerializer<SourceSplit> getSplitSerializer() {
    return new EmptySerializer<>();
  }

  @Override
  public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
    return new EmptySerializer<>();
  }

  @Override
  public String toString() {
    return "SourceFunction(" + function.getClass().getName() + ")";
  }

  /** The enumerator of a source without splits: no reader of it ever asks for one. */
  private static final class NoSplits implements SplitEnumerator<SourceSplit, Void> {

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {}

    @Override
    public void addSplitsBack(List<SourceSplit> splits, int subtaskId) {}

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Void snapshotState(long checkpointId) {
      return null;
    }
  }

  /** Writes nothing and reads nothing: there are no splits, and the enumerator has no state. */
  private static final class EmptySerializer<V> implements SimpleVersionedSerializer<V> {

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(V value) {
      return new byte[0];
    }

    @Override
    public V deserialize(int version, byte[] serialized) {
      return null;
    }
  }
}
