package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.Serializable;

/**
 * Where a stream ends: one {@link SinkWriter} per parallel subtask writes records. Sinks that also
 * implement {@link SupportsCommitter} commit what their writers prepared once a checkpoint (or, for
 * bounded jobs, the end of input) makes it final.
 *
 * @param <InputT> the record type
 */
@PublicEvolving
public interface Sink<InputT> extends Serializable {

  /** Creates the writer of one parallel subtask. */
  SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
