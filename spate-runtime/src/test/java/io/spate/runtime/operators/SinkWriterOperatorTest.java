package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-phase commit of the sink writer operator, with a sink that records what it commits. */
class SinkWriterOperatorTest {

  private static void write(OneInputTestHarness<String, Object> harness, String... records) throws Exception {
    for (String record : records) {
      harness.processElement(record);
    }
  }

  @Test
  void aCompletedCheckpointCommitsItsOwnAndEarlierCommittablesOnly() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    try (var harness = TestHarnesses.forSink(sink)) {
      write(harness, "a", "b");
      harness.snapshot(1, 0);
      write(harness, "c");
      harness.snapshot(2, 0);
      write(harness, "d");
      harness.snapshot(3, 0);
      write(harness, "not yet in a checkpoint");
      assertThat(sink.committed()).isEmpty();
      harness.notifyOfCompletedCheckpoint(2);
      assertThat(sink.committed()).containsExactly("a", "b", "c");
      harness.notifyOfCompletedCheckpoint(3);
      assertThat(sink.committed()).containsExactly("a", "b", "c", "d");
      int attempts = sink.commitAttempts();
      harness.notifyOfCompletedCheckpoint(3);
      assertThat(sink.committed()).containsExactly("a", "b", "c", "d");
      // The sink ignores repeated commits; the operator must not even try one again.
      assertThat(sink.commitAttempts()).isEqualTo(attempts);
    }
  }

  @Test
  void anAbortedCheckpointsCommittablesGoWithTheNextCheckpoint() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    OperatorSubtaskState second;
    try (var harness = TestHarnesses.forSink(sink)) {
      write(harness, "a");
      harness.snapshot(1, 0);
      harness.getOperator().notifyCheckpointAborted(1);
      write(harness, "b");
      second = harness.snapshot(2, 0);
      assertThat(sink.committed()).isEmpty();
    }
    // The job fails before checkpoint 2's completion reaches the sink: the restore commits both.
    try (var restored = TestHarnesses.forSink(sink).initializeState(second, 2)) {
      restored.open();
      assertThat(sink.committed()).containsExactly("a", "b");
    }
  }

  @Test
  void aRestoreCommitsWhatTheCheckpointHeldAndCommittingTwiceChangesNothing() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    OperatorSubtaskState first;
    try (var harness = TestHarnesses.forSink(sink)) {
      write(harness, "a", "b");
      first = harness.snapshot(1, 0);
      harness.notifyOfCompletedCheckpoint(1);
      write(harness, "lost");
    }
    try (var restored = TestHarnesses.forSink(sink).initializeState(first, 1)) {
      write(restored, "lost-replayed");
      restored.snapshot(2, 0);
      restored.notifyOfCompletedCheckpoint(2);
    }
    assertThat(sink.committed()).containsExactly("a", "b", "lost-replayed");
  }

  @Test
  void theEndOfInputCommitsEverythingStillPending() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    try (var harness = TestHarnesses.forSink(sink)) {
      write(harness, "a");
      harness.snapshot(1, 0);
      write(harness, "b");
      harness.endInput();
      assertThat(sink.committed()).containsExactly("a", "b");
    }
  }

  @Test
  void batchModeCommitsAtTheEndOfInput() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    try (var harness = TestHarnesses.forSink(sink).setBatchMode()) {
      write(harness, "a", "b");
      assertThat(sink.committed()).isEmpty();
      harness.endInput();
      assertThat(sink.committed()).containsExactly("a", "b");
    }
  }

  @Test
  void committablesOfAnUnreadableVersionAreNamed() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    OperatorSubtaskState state;
    try (var harness = TestHarnesses.forSink(sink)) {
      write(harness, "a");
      state = harness.snapshot(1, 0);
    }
    var restored = TestHarnesses.forSink(sink.withSerializerVersion(2)).initializeState(state, 1);
    assertThatThrownBy(restored::open)
        .hasMessageContaining("pending committable #0 of Sink")
        .hasMessageContaining("checkpoint 1")
        .hasMessageContaining("test committable of version 1, expected 2");
    assertThat(sink.committed()).isEmpty();
  }

  /** A sink that claims a committer but whose writer cannot prepare commits. */
  private static final class MisdeclaredSink implements Sink<String>, SupportsCommitter<String> {
    @Override
    public SinkWriter<String> createWriter(io.spate.api.connector.sink.WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}
      };
    }

    @Override
    public Committer<String> createCommitter() {
      return committables -> {};
    }

    @Override
    public SimpleVersionedSerializer<String> getCommittableSerializer() {
      return RecordingCommitSink.create(1).getCommittableSerializer();
    }

    @Override
    public String toString() {
      return "MisdeclaredSink";
    }
  }

  @Test
  void aCommitterSinkWhoseWriterCannotPrepareCommitsIsRejected() {
    var harness = TestHarnesses.forSink(new MisdeclaredSink());
    assertThatThrownBy(harness::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MisdeclaredSink")
        .hasMessageContaining("is not a CommittingSinkWriter");
  }

  /**
   * Whatever the old and new parallelism, restoring the checkpoint of failed writers commits every
   * record they wrote before it exactly once.
   */
  @Test
  void aRescaledRestoreCommitsEveryPendingCommittableOnce() {
    qt().withExamples(200)
        .forAll(ShrinkingLists.of(integers().between(0, 4), 0, 40), integers().between(1, 5),
            integers().between(1, 5))
        .checkAssert((writerOfRecord, oldParallelism, newParallelism) -> CheckedLaw.check(
            () -> aRescaledRestoreCommitsEveryPendingCommittableOnce(writerOfRecord, oldParallelism, newParallelism)));
  }

  private static void aRescaledRestoreCommitsEveryPendingCommittableOnce(List<Integer> writerOfRecord,
      int oldParallelism, int newParallelism) throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    List<OneInputTestHarness<String, Object>> old = new ArrayList<>();
    for (int i = 0; i < oldParallelism; i++) {
      old.add(TestHarnesses.forSink(sink).setSubtask(i, oldParallelism, 128));
    }
    List<String> expected = new ArrayList<>();
    for (int r = 0; r < writerOfRecord.size(); r++) {
      String record = "r" + r;
      old.get(writerOfRecord.get(r) % oldParallelism).processElement(record);
      expected.add(record);
    }
    List<OperatorSubtaskState> states = new ArrayList<>();
    for (var harness : old) {
      states.add(harness.snapshot(7, 0));
      harness.processElement("after the checkpoint");
      harness.close();
    }
    List<OperatorSubtaskState> assigned = TestHarnesses.repartition(states, newParallelism, 128);
    for (int i = 0; i < newParallelism; i++) {
      try (var restored = TestHarnesses.forSink(sink).setSubtask(i, newParallelism, 128)
          .initializeState(assigned.get(i), 7)) {
        restored.open();
      }
    }
    assertThat(sink.committed()).containsExactlyInAnyOrderElementsOf(expected);
    // Not only deduplicated by the committer: each committable was handed to exactly one new instance.
    assertThat(sink.commitAttempts()).isEqualTo(expected.size());
  }
}
