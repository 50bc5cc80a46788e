package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.connector.sink.lib.PrintSinkFunction;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.sink.RichSinkFunction;
import io.spate.api.functions.sink.SinkFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.FactoryHarnesses;
import io.spate.testing.OneInputTestHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator of a legacy sink function: what each call sees, the life cycle, and checkpointed state. */
class SinkFunctionOperatorTest {

  /**
   * Notes every call it gets; buffers the records since the last completed checkpoint as its
   * checkpointed state.
   */
  static final class NotingSink extends RichSinkFunction<String> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    final List<String> calls = new ArrayList<>();
    final List<String> buffered = new ArrayList<>();
    private transient ListState<String> state;

    @Override
    public void open(OpenContext openContext) {
      calls.add("open " + getRuntimeContext().getIndexOfThisSubtask());
    }

    @Override
    public void invoke(String value, Context context) {
      calls.add(value + " ts=" + context.timestamp() + " wm=" + context.currentWatermark()
          + " now=" + context.currentProcessingTime());
      buffered.add(value);
    }

    @Override
    public void writeWatermark(Watermark watermark) {
      calls.add("watermark " + watermark.getTimestamp());
    }

    @Override
    public void finish() {
      calls.add("finish");
    }

    @Override
    public void close() {
      calls.add("close");
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      state.update(buffered);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffered", Types.STRING));
      state.get().forEach(buffered::add);
      calls.add("restored=" + context.isRestored());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      calls.add("complete " + checkpointId);
      buffered.clear();
    }
  }

  private static <T> OneInputTestHarness<T, Object> harness(SinkFunction<T> function) {
    return FactoryHarnesses.of(new SinkFunctionOperatorFactory<>(function), "Sink");
  }

  @Test
  void invokeSeesTheTimestampTheWatermarkAndTheProcessingTimeThenFinishAndClose() throws Exception {
    NotingSink sink = new NotingSink();
    try (OneInputTestHarness<String, Object> harness = harness(sink)) {
      harness.setSubtask(1, 2, 128).setProcessingTime(42).open();
      harness.processElement("a");
      harness.processElement("b", 7);
      harness.processWatermark(10);
      harness.processElement("c", 12);
      harness.endInput();
    }
    assertThat(sink.calls).containsExactly("restored=false", "open 1",
        "a ts=null wm=" + Long.MIN_VALUE + " now=42", "b ts=7 wm=" + Long.MIN_VALUE + " now=42",
        "watermark 10", "c ts=12 wm=10 now=42", "finish", "close");
  }

  @Test
  void aCheckpointedSinkGetsItsStateBackAndItsNotifications() throws Exception {
    NotingSink first = new NotingSink();
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<String, Object> harness = harness(first)) {
      harness.processElement("x");
      harness.snapshot(1, 0);
      harness.notifyOfCompletedCheckpoint(1);
      harness.processElement("y");
      harness.processElement("z");
      snapshot = harness.snapshot(2, 0);
    }
    assertThat(first.calls).contains("complete 1");

    NotingSink second = new NotingSink();
    try (OneInputTestHarness<String, Object> harness = harness(second).initializeState(snapshot, 2)) {
      harness.open();
    }
    assertThat(second.calls).startsWith("restored=true");
    assertThat(second.buffered).containsExactly("y", "z");
  }

  @Test
  void printSinkFunctionPrefixesTheSubtaskAsFlinkDoes() throws Exception {
    assertThat(print(new PrintSinkFunction<>(), 1, 2)).isEqualTo("2> x" + System.lineSeparator());
    assertThat(print(new PrintSinkFunction<>("id", false), 1, 2)).isEqualTo("id:2> x" + System.lineSeparator());
    assertThat(print(new PrintSinkFunction<>("id", false), 0, 1)).isEqualTo("id> x" + System.lineSeparator());
    assertThat(print(new PrintSinkFunction<>(), 0, 1)).isEqualTo("x" + System.lineSeparator());
  }

  @Test
  void printSinkFunctionWritesToStandardErrorWhenAsked() throws Exception {
    PrintStream standardErr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (OneInputTestHarness<String, Object> harness = harness(new PrintSinkFunction<String>(true))) {
      harness.processElement("oops");
    } finally {
      System.setErr(standardErr);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("oops" + System.lineSeparator());
  }

  private static String print(PrintSinkFunction<String> function, int subtask, int parallelism) throws Exception {
    PrintStream standardOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (OneInputTestHarness<String, Object> harness = harness(function)) {
      harness.setSubtask(subtask, parallelism, 128).open();
      harness.processElement("x");
    } finally {
      System.setOut(standardOut);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
