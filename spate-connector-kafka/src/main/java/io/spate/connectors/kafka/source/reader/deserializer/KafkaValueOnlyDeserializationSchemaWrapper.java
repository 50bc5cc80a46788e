package io.spate.connectors.kafka.source.reader.deserializer;

import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the value of each Kafka record with a {@link DeserializationSchema}. */
final class KafkaValueOnlyDeserializationSchemaWrapper<T> implements KafkaRecordDeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final DeserializationSchema<T> schema;

  KafkaValueOnlyDeserializationSchemaWrapper(DeserializationSchema<T> schema) {
    this.schema = Objects.requireNonNull(schema, "valueDeserializationSchema");
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) throws Exception {
    schema.open(context);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
    schema.deserialize(record.value(), out);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return schema.getProducedType();
  }
}
