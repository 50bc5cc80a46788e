package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/**
 * Writes the records of one parallel subtask of a sink.
 *
 * @param <InputT> the record type
 */
@PublicEvolving
public interface SinkWriter<InputT> extends AutoCloseable {

  /** Writes one record. */
  void write(InputT element, Context context) throws IOException, InterruptedException;

  /** Flushes buffered records; {@code endOfInput} is true once, after the last record. */
  void flush(boolean endOfInput) throws IOException, InterruptedException;

  /** Releases the writer's resources; does nothing by default. */
  @Override
  default void close() throws Exception {}

  /** What the writer may learn about the record being written. */
  interface Context {

    /** The current watermark of the sink's input. */
    long currentWatermark();

    /** The record's timestamp, or null if it has none. */
    Long timestamp();
  }
}
