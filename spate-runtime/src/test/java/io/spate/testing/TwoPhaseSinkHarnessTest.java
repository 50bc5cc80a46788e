package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A two-phase commit sink through checkpoints: commits on completion, and exactly once across a restore. */
class TwoPhaseSinkHarnessTest {

  /** A batch of records, identified by a unique id so that committing is idempotent. */
  record Batch(String id, List<String> records) {}

  /** "Commits" batches into {@link #committed}, keyed by id. */
  static final class BatchSink implements Sink<String>, SupportsCommitter<Batch> {
    final Map<String, List<String>> committed = new LinkedHashMap<>();
    int commits;
    private int nextBatch;

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new CommittingSinkWriter<String, Batch>() {
        final List<String> buffer = new ArrayList<>();
        final List<String> flushed = new ArrayList<>();

        @Override
        public void write(String element, Context ctx) {
          buffer.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {
          flushed.addAll(buffer);
          buffer.clear();
        }

        @Override
        public Collection<Batch> prepareCommit() {
          if (flushed.isEmpty()) {
            return List.of();
          }
          Batch batch = new Batch("b" + nextBatch++ + "-" + System.identityHashCode(this), List.copyOf(flushed));
          flushed.clear();
          return List.of(batch);
        }
      };
    }

    @Override
    public Committer<Batch> createCommitter() {
      return batches -> {
        commits++;
        for (Batch batch : batches) {
          committed.putIfAbsent(batch.id(), batch.records());
        }
      };
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
      return new VersionedSerializer<>("batch", 1) {
        @Override
        protected void write(Batch batch, DataOutputSerializer out) throws IOException {
          out.writeUTF(batch.id());
          out.writeInt(batch.records().size());
          for (String r : batch.records()) {
            out.writeUTF(r);
          }
        }

        @Override
        protected Batch read(DataInputDeserializer in) throws IOException {
          String id = in.readUTF();
          int n = in.readInt();
          List<String> records = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            records.add(in.readUTF());
          }
          return new Batch(id, records);
        }
      };
    }

    List<String> committedRecords() {
      List<String> all = new ArrayList<>();
      committed.values().forEach(all::addAll);
      return all;
    }
  }

  @Test
  void whatACheckpointHoldsIsCommittedWhenItCompletes() throws Exception {
    BatchSink sink = new BatchSink();
    var harness = TestHarnesses.forSink(sink);
    harness.processElement("a").processElement("b");
    harness.snapshot(1, 0);
    harness.processElement("c");
    assertThat(sink.committedRecords()).isEmpty();
    harness.notifyOfCompletedCheckpoint(1);
    assertThat(sink.committedRecords()).containsExactly("a", "b");
    harness.snapshot(2, 0);
    harness.snapshot(3, 0);
    harness.notifyOfCompletedCheckpoint(3); // subsumes checkpoint 2
    assertThat(sink.committedRecords()).containsExactly("a", "b", "c");
    harness.processElement("d").endInput();
    assertThat(sink.committedRecords()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aCheckpointWhoseCompletionWasNotHeardIsCommittedOnRestoreAndNothingTwice() throws Exception {
    BatchSink sink = new BatchSink();
    var first = TestHarnesses.forSink(sink);
    first.processElement("a").processElement("b");
    OperatorSubtaskState state = first.snapshot(1, 0);
    first.processElement("c"); // after the checkpoint: replayed by the source after the failure
    first.close();
    assertThat(sink.committedRecords()).isEmpty();

    var second = TestHarnesses.forSink(sink).initializeState(state, 1);
    second.open();
    assertThat(sink.committedRecords()).containsExactly("a", "b");
    second.processElement("c");
    OperatorSubtaskState next = second.snapshot(2, 0);
    second.notifyOfCompletedCheckpoint(2);
    assertThat(sink.committedRecords()).containsExactly("a", "b", "c");

    // Restoring checkpoint 2 again commits its committables again: the committer ignores repeats.
    int commitsBefore = sink.commits;
    var third = TestHarnesses.forSink(sink).initializeState(next, 2);
    third.open();
    assertThat(sink.commits).as("the restore re-commits").isEqualTo(commitsBefore + 1);
    assertThat(sink.committedRecords()).containsExactly("a", "b", "c");
  }
}
