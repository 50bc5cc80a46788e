package io.spate.runtime.e2e;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded test source of timestamped events from fixed splits (split {@code i} goes to subtask
 * {@code i % parallelism}), each emitted with its timestamp and its own split output. A split may
 * be held back by a gate the test controls: it emits an event only once the gate's limit is at or
 * above the event's timestamp, and it ends only once the gate is fully open.
 */
final class ScriptedSource implements Source<ScriptedSource.Event, ScriptedSource.Split, Void>,
    ResultTypeQueryable<ScriptedSource.Event> {

  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicLong> GATES = new ConcurrentHashMap<>();

  /** A record of the source. */
  record Event(String key, long timestamp) {}

  /** A split: its events, in order, and the gate holding them back (null for none). */
  record Split(String splitId, List<Event> events, String gate) implements SourceSplit {}

  /** Creates a closed gate (limit {@code Long.MIN_VALUE}) and returns its name. */
  static String newGate() {
    String name = java.util.UUID.randomUUID().toString();
    GATES.put(name, new AtomicLong(Long.MIN_VALUE));
    return name;
  }

  /** Lets the split behind {@code gate} emit events with timestamps up to {@code limit}. */
  static void openUpTo(String gate, long limit) {
    GATES.get(gate).set(limit);
  }

  /** Opens {@code gate} completely. */
  static void open(String gate) {
    openUpTo(gate, Long.MAX_VALUE);
  }

  private final List<Split> splits;

  ScriptedSource(List<Split> splits) {
    this.splits = List.copyOf(splits);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Event, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  @Override
  public SplitEnumerator<Split, Void> createEnumerator(SplitEnumeratorContext<Split> context) {
    return new Enumerator(context, splits);
  }

  @Override
  public SplitEnumerator<Split, Void> restoreEnumerator(SplitEnumeratorContext<Split> context, Void checkpoint) {
    return new Enumerator(context, splits);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    throw new IllegalStateException("not needed without checkpoints");
  }

  @Override
  public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
    throw new IllegalStateException("not needed without checkpoints");
  }

  @Override
  public TypeInformation<Event> getProducedType() {
    return Types.RECORD(Event.class);
  }

  private static final class Enumerator implements SplitEnumerator<Split, Void> {
    private final SplitEnumeratorContext<Split> context;
    private final List<Split> splits;

    Enumerator(SplitEnumeratorContext<Split> context, List<Split> splits) {
      this.context = context;
      this.splits = splits;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {}

    @Override
    public void addSplitsBack(List<Split> returned, int subtaskId) {}

    @Override
    public void addReader(int subtaskId) {
      for (int i = subtaskId; i < splits.size(); i += context.currentParallelism()) {
        context.assignSplit(splits.get(i), subtaskId);
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public Void snapshotState(long checkpointId) {
      return null;
    }
  }

  private static boolean fullyOpen(String gate) {
    return gate == null || GATES.get(gate).get() == Long.MAX_VALUE;
  }

  private static final class Reader implements SourceReader<Event, Split> {
    private final List<Split> splits = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private final List<SourceOutput<Event>> outputs = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private boolean noMoreSplits;

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
      boolean emitted = false;
      for (int i = 0; i < splits.size(); i++) {
        Split split = splits.get(i);
        if (outputs.get(i) == null) {
          outputs.set(i, output.createOutputForSplit(split.splitId()));
        }
        int position = positions.get(i);
        if (finished.get(i)) {
          continue;
        }
        if (position == split.events().size()) {
          if (fullyOpen(split.gate())) {
            finished.set(i, true);
            output.releaseOutputForSplit(split.splitId());
          }
          continue;
        }
        Event event = split.events().get(position);
        if (split.gate() == null || event.timestamp() <= GATES.get(split.gate()).get()) {
          outputs.get(i).collect(event, event.timestamp());
          positions.set(i, position + 1);
          emitted = true;
        }
      }
      if (noMoreSplits && allDone()) {
        return InputStatus.END_OF_INPUT;
      }
      return emitted ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
    }

    private boolean allDone() {
      return !finished.contains(false);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      // Gates open from the test thread; the task polls again after its idle back-off.
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void addSplits(List<Split> newSplits) {
      for (Split split : newSplits) {
        splits.add(split);
        outputs.add(null);
        positions.add(0);
        finished.add(false);
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return List.of();
    }
  }
}
