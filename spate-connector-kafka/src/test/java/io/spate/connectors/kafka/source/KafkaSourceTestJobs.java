package io.spate.connectors.kafka.source;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Helpers of the KafkaSource tests: records to produce, bounded jobs to run, a sink that keeps records by run. */
final class KafkaSourceTestJobs {

  private KafkaSourceTestJobs() {}

  private static final Map<String, List<String>> KEPT = new ConcurrentHashMap<>();

  /** A record of {@code topic} for {@code partition} with {@code value} and {@code timestamp}. */
  static ProducerRecord<byte[], byte[]> record(String topic, int partition, String value, long timestamp) {
    return new ProducerRecord<>(topic, partition, timestamp, null, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs a job that reads {@code source} (which must be bounded) and returns every record, in arrival order. */
  static List<String> readAll(KafkaSource<String> source, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<String> records = new ArrayList<>();
    try (CloseableIterator<String> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
      while (it.hasNext()) {
        records.add(it.next());
      }
    }
    return records;
  }

  /** The records that {@link KeepingSink}s of run {@code runId} kept so far, sorted. */
  static List<String> kept(String runId) {
    List<String> list = KEPT.getOrDefault(runId, List.of());
    List<String> copy;
    synchronized (list) {
      copy = new ArrayList<>(list);
    }
    copy.sort(null);
    return copy;
  }

  /** Keeps every record it is given under its run id (no checkpointing: it shows every record emitted). */
  static final class KeepingSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    KeepingSink(String runId) {
      this.runId = runId;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      List<String> list = KEPT.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>()));
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          list.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  /** The messages of {@code error} and of all its causes, joined, for asserting on a failed job. */
  static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t).append('\n');
      if (t.getCause() == t) {
        break;
      }
    }
    return all.toString();
  }
}
