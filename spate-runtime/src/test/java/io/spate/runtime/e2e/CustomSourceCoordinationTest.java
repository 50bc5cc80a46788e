package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A source written against the public split/enumerator/reader contracts runs on the embedded
 * cluster: readers register before they ask for splits, splits are handed out on request, and
 * custom events travel both ways.
 */
class CustomSourceCoordinationTest {

  static final List<String> PROTOCOL_VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

  record RangeSplit(int from, int to) implements SourceSplit {
    @Override
    public String splitId() {
      return from + "-" + to;
    }
  }

  /** The reader tells the enumerator how many records it read; the enumerator answers with a suffix. */
  record ReadCount(int count) implements SourceEvent {}

  record Suffix(String suffix) implements SourceEvent {}

  static final class RangeSource implements Source<String, RangeSplit, Void>, ResultTypeQueryable<String> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<String, RangeSplit> createReader(SourceReaderContext ctx) {
      return new RangeReader(ctx);
    }

    @Override
    public SplitEnumerator<RangeSplit, Void> createEnumerator(SplitEnumeratorContext<RangeSplit> ctx) {
      return new RangeEnumerator(ctx);
    }

    @Override
    public SplitEnumerator<RangeSplit, Void> restoreEnumerator(SplitEnumeratorContext<RangeSplit> ctx, Void cp) {
      return new RangeEnumerator(ctx);
    }

    @Override
    public SimpleVersionedSerializer<RangeSplit> getSplitSerializer() {
      throw new IllegalStateException("not needed without checkpoints");
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
      throw new IllegalStateException("not needed without checkpoints");
    }

    @Override
    public TypeInformation<String> getProducedType() {
      return Types.STRING;
    }
  }

  static final class RangeEnumerator implements SplitEnumerator<RangeSplit, Void> {
    private final SplitEnumeratorContext<RangeSplit> ctx;
    private final Queue<RangeSplit> pending = new ArrayDeque<>();

    RangeEnumerator(SplitEnumeratorContext<RangeSplit> ctx) {
      this.ctx = ctx;
      for (int i = 0; i < 100; i += 10) {
        pending.add(new RangeSplit(i, i + 10));
      }
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {
      if (!ctx.registeredReaders().contains(subtaskId)) {
        PROTOCOL_VIOLATIONS.add("split request from unregistered reader " + subtaskId);
      }
      RangeSplit next = pending.poll();
      if (next != null) {
        ctx.assignSplit(next, subtaskId);
      } else {
        ctx.signalNoMoreSplits(subtaskId);
      }
    }

    @Override
    public void addSplitsBack(List<RangeSplit> splits, int subtaskId) {
      pending.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Void snapshotState(long checkpointId) {
      return null;
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
      if (event instanceof ReadCount count) {
        ctx.sendEventToSourceReader(subtaskId, new Suffix("#" + count.count()));
      }
    }
  }

  static final class RangeReader implements SourceReader<String, RangeSplit> {
    private final SourceReaderContext ctx;
    private final Queue<RangeSplit> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private boolean noMoreSplits;
    private int read;
    private String suffix;
    private boolean waitingForSuffix;

    RangeReader(SourceReaderContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void start() {
      ctx.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) {
      RangeSplit split = splits.poll();
      if (split != null) {
        for (int i = split.from(); i < split.to(); i++) {
          output.collect(String.valueOf(i));
          read++;
        }
        ctx.sendSplitRequest();
        return InputStatus.MORE_AVAILABLE;
      }
      if (noMoreSplits && suffix == null && !waitingForSuffix) {
        waitingForSuffix = true;
        ctx.sendSourceEventToCoordinator(new ReadCount(read));
      }
      if (suffix != null) {
        output.collect("reader " + ctx.getIndexOfSubtask() + " done " + suffix);
        return InputStatus.END_OF_INPUT;
      }
      available = new CompletableFuture<>();
      return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return available;
    }

    @Override
    public void addSplits(List<RangeSplit> newSplits) {
      splits.addAll(newSplits);
      available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
      available.complete(null);
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
      if (event instanceof Suffix s) {
        suffix = s.suffix();
        available.complete(null);
      }
    }

    @Override
    public List<RangeSplit> snapshotState(long checkpointId) {
      return List.copyOf(splits);
    }
  }

  @Test
  void splitsAreHandedOutOnRequestAndEventsFlowBothWays() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<String> out = env.fromSource(new RangeSource(), WatermarkStrategy.noWatermarks(), "ranges")
        .executeAndCollect(1000);

    List<String> numbers = out.stream().filter(s -> !s.startsWith("reader")).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add(String.valueOf(i));
    }
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    List<String> done = out.stream().filter(s -> s.startsWith("reader")).toList();
    assertThat(done).hasSize(3).allMatch(s -> s.matches("reader [0-2] done #\\d+"));
    int total = done.stream().mapToInt(s -> Integer.parseInt(s.substring(s.indexOf('#') + 1))).sum();
    assertThat(total).isEqualTo(100);
    assertThat(PROTOCOL_VIOLATIONS).isEmpty();
  }
}
