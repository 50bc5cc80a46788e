package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.StatefulSinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.SupportsFinalCheckpoint;
import io.spate.api.connector.sink.SupportsWriterState;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.util.PaddedLong;
import io.spate.api.operators.StateSnapshotContext;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Sink}'s writer. For a sink with a committer this is a two-phase commit: before each
 * checkpoint barrier the writer prepares committables, the checkpoint stores them, and the
 * checkpoint's completion commits them; a restore commits again what the checkpoint held. At the end
 * of the input the writer prepares its last committables; with checkpointing on they belong to the
 * task's final checkpoint, taken after that, and are committed when it completes; without, they are
 * committed at once. A sink with writer state gets it back on a restore.
 */
public final class SinkWriterOperator<T> extends AbstractStreamOperator<Object>
    implements OneInputStreamOperator<T, Object> {

  @SuppressWarnings("unchecked")
  private static final TypeInformation<byte[]> BYTES = (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE);
  private static final String COMMITTABLES_STATE = "sink-committables";
  private static final String WRITER_STATE = "sink-writer-state";
  // Where the committables of the end of input wait until the first checkpoint after it takes them.
  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final Sink<T> sink;
  private final WriterContext writerContext = new WriterContext();
  private SinkWriter<T> writer;
  /** Set for sinks with a committer. */
  private PendingCommittables<Object> pending;
  /** Set for sinks with writer state. */
  private ListState<byte[]> writerState;
  /** Set for writers that can ask for a pause. */
  private SupportsBackpressure backpressure;
  private boolean finished;

  /** Creates the operator. */
  public SinkWriterOperator(Sink<T> sink) {
    super(null);
    this.sink = sink;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void initializeState() throws Exception {
    super.initializeState();
    boolean restored = context.restoredCheckpointId().isPresent();
    if (sink instanceof SupportsCommitter<?> committing) {
      pending = new PendingCommittables<>((SupportsCommitter<Object>) committing,
          operatorStateBackend.getListState(new ListStateDescriptor<>(COMMITTABLES_STATE, BYTES)), getName());
      if (restored) {
        // What the checkpoint held may or may not have been committed before the failure; committing is idempotent.
        pending.restore();
        pending.commitAll();
      }
    }
    if (sink instanceof SupportsWriterState<?, ?> stateful) {
      writerState = operatorStateBackend.getListState(new ListStateDescriptor<>(WRITER_STATE, BYTES));
      writer = restored
          ? (SinkWriter<T>) restoreWriter((SupportsWriterState<T, Object>) stateful)
          : sink.createWriter(new InitContext());
    } else {
      writer = sink.createWriter(new InitContext());
    }
    backpressure = writer instanceof SupportsBackpressure b ? b : null;
    if (pending != null && !(writer instanceof CommittingSinkWriter<?, ?>)) {
      throw new IllegalStateException("Sink " + sink + " of operator '" + getName() + "' has a committer, but its"
          + " writer " + writer.getClass().getName() + " is not a CommittingSinkWriter");
    }
    if (writerState != null && !(writer instanceof StatefulSinkWriter<?, ?>)) {
      throw new IllegalStateException("Sink " + sink + " of operator '" + getName() + "' has writer state, but its"
          + " writer " + writer.getClass().getName() + " is not a StatefulSinkWriter");
    }
  }

  private StatefulSinkWriter<T, Object> restoreWriter(SupportsWriterState<T, Object> stateful) throws Exception {
    SimpleVersionedSerializer<Object> serializer = stateful.getWriterStateSerializer();
    List<Object> states = new ArrayList<>();
    int index = 0;
    for (byte[] element : writerState.get()) {
      states.add(readVersioned(serializer, element, "writer state #" + index++ + " of " + getName()));
    }
    return stateful.restoreWriter(new InitContext(), states);
  }

  /** Whether the writer may ask for pauses; known once the state is initialized. */
  public boolean mayBackpressure() {
    return backpressure != null;
  }

  /**
   * Whether the writer takes records now. The task asks before it hands its chain more input, as
   * it asks its output channels, so a slow sink holds the input back without blocking the worker.
   */
  public boolean isWriterAvailable() {
    return backpressure == null || backpressure.isAvailable().isDone();
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writerContext.timestamp.set(timestamp);
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) {
    writerContext.watermark = watermark;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    if (finished) {
      // The writer gave its last committables at the end of its input: they belong to this checkpoint.
      if (pending != null) {
        pending.moveTo(END_OF_INPUT, checkpointId);
      }
      if (writer instanceof SupportsFinalCheckpoint finalCheckpoint) {
        finalCheckpoint.onFinalCheckpointBarrier(checkpointId);
      }
      return;
    }
    writer.flush(false);
    if (pending != null) {
      pending.add(checkpointId, ((CommittingSinkWriter<T, Object>) writer).prepareCommit());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void snapshotState(StateSnapshotContext snapshotContext) throws Exception {
    long checkpointId = snapshotContext.getCheckpointId();
    if (pending != null) {
      pending.snapshot();
    }
    if (writerState != null) {
      SimpleVersionedSerializer<Object> serializer =
          ((SupportsWriterState<T, Object>) sink).getWriterStateSerializer();
      List<byte[]> elements = new ArrayList<>();
      for (Object state : ((StatefulSinkWriter<T, Object>) writer).snapshotState(checkpointId)) {
        elements.add(writeVersioned(serializer, state));
      }
      writerState.update(elements);
    }
    super.snapshotState(snapshotContext);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (pending != null) {
      pending.commitUpTo(checkpointId);
    }
    super.notifyCheckpointComplete(checkpointId);
  }

  // An aborted checkpoint's committables stay pending: the next checkpoint stores and commits them.

  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    finished = true;
    writer.flush(true);
    if (pending != null) {
      pending.add(END_OF_INPUT, ((CommittingSinkWriter<T, Object>) writer).prepareCommit());
      if (!context.finalCheckpointFollowsEndOfInput()) {
        pending.commitAll();
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      try {
        if (pending != null) {
          pending.close();
        }
      } finally {
        super.close();
      }
    }
  }

  /** A value's bytes prefixed with its serializer's version. */
  private static <V> byte[] writeVersioned(SimpleVersionedSerializer<V> serializer, V value) throws IOException {
    byte[] bytes = serializer.serialize(value);
    DataOutputSerializer out = new DataOutputSerializer(bytes.length + 8);
    out.writeInt(serializer.getVersion());
    out.writeInt(bytes.length);
    out.write(bytes);
    return out.getCopyOfBuffer();
  }

  private static <V> V readVersioned(SimpleVersionedSerializer<V> serializer, byte[] element, String what)
      throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(element);
    int version;
    byte[] bytes;
    try {
      version = in.readInt();
      int length = in.readInt();
      if (length != in.available()) {
        throw new IOException("Corrupt " + what + ": it declares " + length + " bytes but holds " + in.available());
      }
      bytes = new byte[length];
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new IOException("Corrupt " + what + ": truncated at " + element.length + " bytes", e);
    }
    try {
      return serializer.deserialize(version, bytes);
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  private SinkWriterMetrics writerMetrics; // made on the first request, shared by every InitContext

  /** What the writer learns about its subtask. */
  private final class InitContext implements WriterInitContext {
    @Override
    public int getSubtaskId() {
      return context.taskInfo().indexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
      return context.taskInfo().numberOfParallelSubtasks();
    }

    @Override
    public int getAttemptNumber() {
      return context.taskInfo().attemptNumber();
    }

    @Override
    public SinkWriterMetricGroup metricGroup() {
      if (writerMetrics == null) {
        writerMetrics = new SinkWriterMetrics(context.metricGroup());
      }
      return writerMetrics;
    }

    @Override
    public long currentProcessingTime() {
      return context.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public boolean isCheckpointingEnabled() {
      return CheckpointingOptions.isCheckpointingEnabled(context.configuration());
    }
  }

  private static final class WriterContext implements SinkWriter.Context {
    // Written for every record: on cache lines of its own, away from other subtasks' fields.
    final PaddedLong timestamp = new PaddedLong(Long.MIN_VALUE);
    long watermark = Long.MIN_VALUE;

    @Override
    public long currentWatermark() {
      return watermark;
    }

    @Override
    public Long timestamp() {
      long value = timestamp.get();
      return value == Long.MIN_VALUE ? null : value;
    }
  }
}
