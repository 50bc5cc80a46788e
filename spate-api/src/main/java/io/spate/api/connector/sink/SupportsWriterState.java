package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * A sink whose writers keep state in checkpoints: on a restore the writer is created with
 * {@link #restoreWriter} from the states that writers returned from
 * {@link StatefulSinkWriter#snapshotState}; a rescale divides those states among the new writers.
 *
 * @param <InputT> the record type
 * @param <WriterStateT> the writer state type
 */
@PublicEvolving
public interface SupportsWriterState<InputT, WriterStateT> {

  /** Creates the writer of one parallel subtask from the states assigned to it (possibly none). */
  StatefulSinkWriter<InputT, WriterStateT> restoreWriter(
      WriterInitContext context, Collection<WriterStateT> recoveredState) throws IOException;

  /** Serializes writer states so that checkpoints can hold them. */
  SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
