package io.spate.clitest;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A sink that keeps every record in {@link #RECORDS}, for tests whose job code comes from a jar. */
public final class CollectingSink implements Sink<Long> {

  private static final long serialVersionUID = 1L;

  /** The records written by every subtask of every job with this sink. */
  public static final Set<Long> RECORDS = ConcurrentHashMap.newKeySet();

  @Override
  public SinkWriter<Long> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(Long element, Context ctx) {
        RECORDS.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
