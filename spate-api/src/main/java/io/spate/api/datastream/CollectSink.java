package io.spate.api.datastream;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink of {@link DataStream#executeAndCollect()}: hands records to a bounded buffer in the
 * client. The sink is found again by id after the graph has been copied, which works within one JVM.
 */
final class CollectSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;
  private static final Map<String, CollectBuffer<?>> BUFFERS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  CollectSink() {
    BUFFERS.put(id, new CollectBuffer<>(() -> BUFFERS.remove(id)));
  }

  @SuppressWarnings("unchecked")
  CollectBuffer<T> buffer() {
    CollectBuffer<T> buffer = (CollectBuffer<T>) BUFFERS.get(id);
    if (buffer == null) {
      throw new IllegalStateException("The collect buffer " + id + " is gone: the iterator was closed.");
    }
    return buffer;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    CollectBuffer<T> buffer = buffer();
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) throws InterruptedException {
        buffer.put(element);
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
