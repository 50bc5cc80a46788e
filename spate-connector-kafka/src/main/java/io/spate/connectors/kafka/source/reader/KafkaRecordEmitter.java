package io.spate.connectors.kafka.source.reader;

import io.spate.api.connector.source.SourceOutput;
import io.spate.api.functions.Collector;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.connectors.base.RecordEmitter;
import io.spate.connectors.kafka.source.metrics.KafkaSourceReaderMetrics;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplitState;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Deserializes a Kafka record on the task thread, emits what it holds with the record's timestamp
 * as event time, and moves its partition's position past it. A failure of the schema names the
 * record's topic, partition and offset; a failure of an operator chained after the source, which the
 * schema's collector calls, passes through as it is.
 */
final class KafkaRecordEmitter<T> implements RecordEmitter<ConsumerRecord<byte[], byte[]>, T, KafkaPartitionSplitState> {

  private final KafkaRecordDeserializationSchema<T> schema;
  private final TimestampedCollector<T> collector = new TimestampedCollector<>();
  private final KafkaSourceReaderMetrics metrics;

  KafkaRecordEmitter(KafkaRecordDeserializationSchema<T> schema) {
    this(schema, new KafkaSourceReaderMetrics(UnregisteredMetricsGroup.createSourceReaderMetricGroup(), false));
  }

  KafkaRecordEmitter(KafkaRecordDeserializationSchema<T> schema, KafkaSourceReaderMetrics metrics) {
    this.schema = schema;
    this.metrics = metrics;
  }

  @Override
  public void emitRecord(ConsumerRecord<byte[], byte[]> record, SourceOutput<T> output, KafkaPartitionSplitState state)
      throws IOException {
    collector.output = output;
    collector.timestamp = record.timestamp();
    try {
      schema.deserialize(record, collector);
    } catch (DownstreamFailure e) {
      throw e.failure;
    } catch (Exception e) {
      throw new IOException("Kafka source: cannot deserialize the record at topic " + record.topic() + ", partition "
          + record.partition() + ", offset " + record.offset() + ": " + e, e);
    }
    state.setCurrentOffset(record.offset() + 1);
    metrics.recordEmitted(record.timestamp());
  }

  /** Emits each record with the timestamp of the Kafka record it came from. */
  private static final class TimestampedCollector<T> implements Collector<T> {
    SourceOutput<T> output;
    long timestamp;

    @Override
    public void collect(T record) {
      try {
        output.collect(record, timestamp);
      } catch (RuntimeException e) {
        throw new DownstreamFailure(e);
      }
    }
  }

  /** Carries a failure of what the source emits to, through the schema, past the deserialization error. */
  private static final class DownstreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final RuntimeException failure;

    DownstreamFailure(RuntimeException failure) {
      super(null, failure, false, false);
      this.failure = failure;
    }
  }
}
