package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.file.FileSource;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.TaskOperatorParameters;
import io.spate.api.operators.Output;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.tasks.TaskProcessingTimeService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source reader's positions survive a checkpoint: a run that is snapshotted after any number of
 * polls, dropped and restored into a fresh operator (with the enumerator restored from the same
 * checkpoint) emits, together with what came before the snapshot, exactly the records of an
 * uninterrupted run, in order.
 */
class SourceOperatorCheckpointTest {

  @TempDir
  Path dir;

  /**
   * One source subtask with its enumerator, events delivered in order after each poll, as the
   * coordinator would.
   */
  static final class Run<T, S extends SourceSplit, E> implements SplitEnumeratorContext<S> {
    final Source<T, S, E> source;
    final SourceOperator<T, S> operator;
    TaskOperatorParameters<T> parameters;
    final SplitEnumerator<S, E> enumerator;
    final List<T> records = new ArrayList<>();
    final List<Long> watermarks = new ArrayList<>();
    // processing time in ms; stands still unless a test moves it, so periodic watermarks never fire on their own
    final AtomicLong clock = new AtomicLong();
    final ArrayDeque<OperatorEvent> toCoordinator = new ArrayDeque<>();
    final ArrayDeque<OperatorEvent> toReader = new ArrayDeque<>();
    boolean ended;

    Run(Source<T, S, E> source, E enumeratorCheckpoint, OperatorSubtaskState restored, OptionalLong checkpointId)
        throws Exception {
      this(source, WatermarkStrategy.noWatermarks(), enumeratorCheckpoint, restored, checkpointId);
    }

    Run(Source<T, S, E> source, WatermarkStrategy<T> watermarkStrategy, E enumeratorCheckpoint,
        OperatorSubtaskState restored, OptionalLong checkpointId) throws Exception {
      this.source = source;
      this.enumerator = enumeratorCheckpoint == null ? source.createEnumerator(this)
          : source.restoreEnumerator(this, enumeratorCheckpoint);
      enumerator.start();
      operator = new SourceOperator<>(source, watermarkStrategy);
      operator.setEventGateway(toCoordinator::add);
      TaskInfo taskInfo = new TaskInfo("source", 0, 1, 128, 0);
      TaskProcessingTimeService time = new TaskProcessingTimeService(clock::get);
      Configuration conf = new Configuration();
      OperatorContext context = new OperatorContext(JobID.generate(), "source", taskInfo, new ExecutionConfig(conf),
          RuntimeExecutionMode.STREAMING, new UnregisteredMetricsGroup(), getClass().getClassLoader(), time,
          128, null, conf, checkpointId, restored);
      parameters = TaskOperatorParameters.standalone(context, new Output<>() {
        @Override
        public void collect(T value, long timestamp) {
          records.add(value);
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

        @Override
        public void emitWatermark(long watermark) {
          watermarks.add(watermark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {}
      });
      operator.setup(parameters);
      operator.initializeState();
      operator.open();
      deliver();
    }

    /** Polls once (delivering events until the reader has something to do); false at the end. */
    boolean poll() throws Exception {
      for (int attempts = 0; attempts < 100; attempts++) {
        InputStatus status = operator.emitNext();
        deliver();
        if (status == InputStatus.END_OF_INPUT) {
          ended = true;
          return false;
        }
        if (status == InputStatus.MORE_AVAILABLE) {
          return true;
        }
      }
      throw new AssertionError("the reader made no progress");
    }

    void deliver() {
      while (!toCoordinator.isEmpty() || !toReader.isEmpty()) {
        OperatorEvent event = toCoordinator.poll();
        if (event instanceof SourceEvents.ReaderRegistered r) {
          enumerator.addReader(r.subtask());
        } else if (event instanceof SourceEvents.SplitRequest r) {
          enumerator.handleSplitRequest(r.subtask());
        }
        OperatorEvent back;
        while ((back = toReader.poll()) != null) {
          operator.handleOperatorEvent(back);
        }
      }
    }

    List<T> runToEnd() throws Exception {
      while (poll()) {
        // keep going
      }
      return records;
    }

    @Override
    public int currentParallelism() {
      return 1;
    }

    @Override
    public Set<Integer> registeredReaders() {
      return Set.of(0);
    }

    @Override
    public void assignSplit(S split, int subtaskId) {
      toReader.add(new SourceEvents.AddSplits(List.of(split), source::getSplitSerializer));
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      toReader.add(new SourceEvents.NoMoreSplits());
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

    @Override
    public <X> void callAsync(Callable<X> callable, BiConsumer<X, Throwable> handler, long initialDelay, long period) {
      X result = null;
      Throwable failure = null;
      try {
        result = callable.call();
      } catch (Throwable t) {
        failure = t;
      }
      handler.accept(result, failure);
    }

    @Override
    public void runInCoordinatorThread(Runnable action) {
      action.run();
    }
  }

  private static <T, S extends SourceSplit, E> void resumesExactly(Source<T, S, E> source) throws Exception {
    List<T> expected = new Run<>(source, null, OperatorSubtaskState.EMPTY, OptionalLong.empty()).runToEnd();
    assertThat(expected).isNotEmpty();
    for (int polls = 0; ; polls++) {
      Run<T, S, E> first = new Run<>(source, null, OperatorSubtaskState.EMPTY, OptionalLong.empty());
      for (int i = 0; i < polls && first.poll(); i++) {
        // read on
      }
      if (first.ended) {
        return;
      }
      long checkpointId = polls + 1;
      SimpleVersionedSerializer<E> enumSerializer = source.getEnumeratorCheckpointSerializer();
      E enumState = enumSerializer.deserialize(enumSerializer.getVersion(),
          enumSerializer.serialize(first.enumerator.snapshotState(checkpointId)));
      OperatorSnapshot parts = first.parameters.stateHandler().snapshot(first.operator, checkpointId, 0,
          new MemoryCheckpointStreamFactory(1 << 20));
      OperatorStateHandle handle = parts.operatorState().write();
      List<T> before = new ArrayList<>(first.records);
      first.poll(); // records after the checkpoint are lost with the failure
      first.operator.close();

      Run<T, S, E> second = new Run<>(source, enumState,
          new OperatorSubtaskState(List.of(), handle == null ? List.of() : List.of(handle), List.of()),
          OptionalLong.of(checkpointId));
      List<T> combined = new ArrayList<>(before);
      combined.addAll(second.runToEnd());
      assertThat(combined).as("restored after %d polls", polls).containsExactlyElementsOf(expected);
      second.operator.close();
    }
  }

  @Test
  void numberSequenceResumesAtItsPositions() throws Exception {
    resumesExactly(new NumberSequenceSource(1, 5_000));
  }

  @Test
  void dataGeneratorResumesAtItsPositions() throws Exception {
    resumesExactly(new DataGeneratorSource<>(i -> "record-" + i, 4_000, Types.STRING));
  }

  @Test
  void fromElementsResumesAtItsPosition() throws Exception {
    List<String> elements = IntStream.range(0, 700).mapToObj(i -> "e" + i).toList();
    resumesExactly(new FromElementsSource<>(elements, Types.STRING));
  }

  @Test
  void fileSourceResumesAtItsByteOffsets() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      big.append("line ").append(i).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    Files.writeString(dir.resolve("a.txt"), big.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.txt"), "ünïcödé\nno final newline", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("c.txt"), "x".repeat(200_000) + "\nshort\n", StandardCharsets.UTF_8);
    resumesExactly(FileSource.forTextLines(dir).build());
  }

  @Test
  void aCorruptSplitIsAClearErrorNamingTheSource() throws Exception {
    NumberSequenceSource source = new NumberSequenceSource(1, 10);
    // A state holding a split of an unknown format version.
    var backend = new io.spate.runtime.state.operator.DefaultOperatorStateBackend("x", getClass().getClassLoader(),
        List.of());
    backend.getListState(SourceOperator.SPLITS_STATE).add(new byte[] {0, 0, 0, 9, 1, 2});
    OperatorStateHandle bad = backend.snapshot(1, new MemoryCheckpointStreamFactory(1 << 20)).write();
    SourceOperator<Long, ?> operator = new SourceOperator<>(source, WatermarkStrategy.noWatermarks());
    Configuration conf = new Configuration();
    operator.setup(TaskOperatorParameters.standalone(new OperatorContext(JobID.generate(), "numbers", new TaskInfo("numbers", 0, 1, 128, 0),
        new ExecutionConfig(conf), RuntimeExecutionMode.STREAMING, new UnregisteredMetricsGroup(),
        getClass().getClassLoader(), new TaskProcessingTimeService(() -> 0L), 128, null, conf, OptionalLong.of(1),
        new OperatorSubtaskState(List.of(), List.of(bad), List.of())), null));
    assertThatThrownBy(operator::initializeState)
        .hasMessageContaining("split 0")
        .hasMessageContaining("'numbers'")
        .hasMessageContaining("version 9");
  }
}
