package io.spate.runtime.operators;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link Sink}'s writer. For sinks with a committer (two-phase commit), each checkpoint
 * flushes the writer before the barrier, takes what it prepared into the checkpoint, and commits it
 * once the checkpoint completes; committables restored from a checkpoint are committed again on
 * restore (committers are idempotent), and the end of input commits the rest.
 */
public final class SinkWriterOperator<T> extends AbstractStreamOperator<Object>
    implements OneInputStreamOperator<T, Object> {

  /** Committables not known to be committed, each as checkpoint id, serializer version and bytes. */
  @SuppressWarnings("unchecked")
  static final ListStateDescriptor<byte[]> COMMITTABLES_STATE = new ListStateDescriptor<>("_sink_committables_",
      (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE));

  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private final WriterContext writerContext = new WriterContext();
  // Prepared at a checkpoint, waiting for its completion: by checkpoint id.
  private final TreeMap<Long, Collection<Object>> pendingCommits = new TreeMap<>();
  private ListState<byte[]> committablesState;

  /** Creates the operator. */
  public SinkWriterOperator(Sink<T> sink) {
    super(null);
    this.sink = sink;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void initializeState() throws Exception {
    super.initializeState();
    if (!(sink instanceof SupportsCommitter<?> committing)) {
      return;
    }
    committablesState = operatorStateBackend.getListState(COMMITTABLES_STATE);
    SimpleVersionedSerializer<Object> serializer =
        (SimpleVersionedSerializer<Object>) committing.getCommittableSerializer();
    int index = 0;
    for (byte[] bytes : committablesState.get()) {
      long checkpointId;
      Object committable;
      try {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        checkpointId = in.readLong();
        int version = in.readInt();
        byte[] data = new byte[in.available()];
        in.readFully(data);
        committable = serializer.deserialize(version, data);
      } catch (IOException | RuntimeException e) {
        throw new IOException("Cannot restore committable " + index + " of sink '" + getName() + "': "
            + e.getMessage(), e);
      }
      pendingCommits.computeIfAbsent(checkpointId, id -> new ArrayList<>()).add(committable);
      index++;
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    // Restored committables belong to the checkpoint restored from, which completed.
    commitUpTo(Long.MAX_VALUE);
    writer = sink.createWriter(new WriterInitContext() {
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
      public MetricGroup metricGroup() {
        return context.metricGroup();
      }
    });
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writerContext.timestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) {
    writerContext.watermark = watermark;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void finish() throws Exception {
    writer.flush(true);
    if (sink instanceof SupportsCommitter<?> && writer instanceof CommittingSinkWriter<?, ?> cw) {
      Collection<Object> committables = (Collection<Object>) cw.prepareCommit();
      if (!committables.isEmpty()) {
        pendingCommits.computeIfAbsent(Long.MAX_VALUE, id -> new ArrayList<>()).addAll(committables);
      }
      commitUpTo(Long.MAX_VALUE);
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    if (writer != null) {
      writer.flush(false);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public OperatorSnapshot snapshotState(long checkpointId, long timestamp, CheckpointStreamFactory streams)
      throws Exception {
    if (committablesState != null) {
      if (writer instanceof CommittingSinkWriter<?, ?> cw) {
        Collection<Object> committables = (Collection<Object>) cw.prepareCommit();
        if (!committables.isEmpty()) {
          pendingCommits.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(committables);
        }
      }
      SimpleVersionedSerializer<Object> serializer =
          (SimpleVersionedSerializer<Object>) ((SupportsCommitter<?>) sink).getCommittableSerializer();
      List<byte[]> stored = new ArrayList<>();
      for (Map.Entry<Long, Collection<Object>> pending : pendingCommits.entrySet()) {
        for (Object committable : pending.getValue()) {
          byte[] data = serializer.serialize(committable);
          DataOutputSerializer out = new DataOutputSerializer(data.length + 12);
          out.writeLong(pending.getKey());
          out.writeInt(serializer.getVersion());
          out.write(data);
          stored.add(out.getCopyOfBuffer());
        }
      }
      committablesState.update(stored);
    }
    return super.snapshotState(checkpointId, timestamp, streams);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    commitUpTo(checkpointId);
  }

  // A completed checkpoint subsumes the earlier ones, so their committables are committed too.
  @SuppressWarnings("unchecked")
  private void commitUpTo(long checkpointId) throws Exception {
    Map<Long, Collection<Object>> due = pendingCommits.headMap(checkpointId, true);
    if (due.isEmpty()) {
      return;
    }
    List<Object> committables = new ArrayList<>();
    due.values().forEach(committables::addAll);
    try (Committer<Object> committer = ((SupportsCommitter<Object>) sink).createCommitter()) {
      committer.commit(committables);
    }
    due.clear();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
    super.close();
  }

  private static final class WriterContext implements SinkWriter.Context {
    long timestamp = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;

    @Override
    public long currentWatermark() {
      return watermark;
    }

    @Override
    public Long timestamp() {
      return timestamp == Long.MIN_VALUE ? null : timestamp;
    }
  }
}
