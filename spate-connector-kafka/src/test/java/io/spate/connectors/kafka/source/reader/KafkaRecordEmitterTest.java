package io.spate.connectors.kafka.source.reader;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.eventtime.Watermark;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which failures the emitter blames on the record's deserialization, and which it leaves alone. */
class KafkaRecordEmitterTest {

  private static final ConsumerRecord<byte[], byte[]> RECORD =
      new ConsumerRecord<>("orders", 2, 17, null, "x".getBytes(StandardCharsets.UTF_8));

  @Test
  void aFailingSchemaIsNamedWithTopicPartitionAndOffset() {
    KafkaRecordEmitter<Integer> emitter = new KafkaRecordEmitter<>(KafkaRecordDeserializationSchema.valueOnly(
        new io.spate.api.serialization.schema.DeserializationSchema<Integer>() {
          @Override
          public Integer deserialize(byte[] message) {
            return Integer.parseInt(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public boolean isEndOfStream(Integer nextElement) {
            return false;
          }

          @Override
          public io.spate.api.typeinfo.TypeInformation<Integer> getProducedType() {
            return io.spate.api.typeinfo.Types.INT;
          }
        }));
    assertThatThrownBy(() -> emitter.emitRecord(RECORD, new FailingOutput<>(), state()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot deserialize the record at topic orders, partition 2, offset 17")
        .hasRootCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void aFailureAfterTheSourceIsNotCalledADeserializationError() {
    KafkaRecordEmitter<String> emitter =
        new KafkaRecordEmitter<>(KafkaRecordDeserializationSchema.valueOnly(new SimpleStringSchema()));
    assertThatThrownBy(() -> emitter.emitRecord(RECORD, new FailingOutput<>(), state()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the operator after the source failed");
  }

  private static KafkaPartitionSplitState state() {
    return new KafkaPartitionSplitState(new KafkaPartitionSplit(new TopicPartition("orders", 2), 17));
  }

  /** An output whose next operator fails on every record. */
  private static final class FailingOutput<T> implements SourceOutput<T> {
    @Override
    public void collect(T record) {
      collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(T record, long timestamp) {
      throw new IllegalStateException("the operator after the source failed");
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
  }
}
