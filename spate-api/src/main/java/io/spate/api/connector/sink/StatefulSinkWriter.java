package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.List;

/**
 * A sink writer with state that a checkpoint stores and a restore hands back to
 * {@link SupportsWriterState#restoreWriter}.
 *
 * @param <InputT> the record type
 * @param <WriterStateT> the writer state type
 */
@PublicEvolving
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {

  /** The writer's state at checkpoint {@code checkpointId}, after {@link #flush} and any prepareCommit. */
  List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
