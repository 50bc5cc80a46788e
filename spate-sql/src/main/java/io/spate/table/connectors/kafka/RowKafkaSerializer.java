package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a table row as a Kafka record: the key columns with the key format, the value columns with
 * the value format, the record's timestamp and headers from their metadata columns. In upsert mode a
 * delete is a tombstone (the key without value) and an update-before writes nothing.
 */
@Internal
final class RowKafkaSerializer implements KafkaRecordSerializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializationSchema<Row> keyEncoder;
  private final SerializationSchema<Row> valueEncoder;
  private final int[] keyColumns;
  private final int[] valueColumns;
  private final int timestampField;
  private final int headersField;
  private final boolean fixedPartition;
  private final boolean upsert;
  private transient Integer partition;

  /**
   * A serializer into {@code topic}; {@code timestampField} and {@code headersField} are the fields of
   * those metadata in the rows, or -1; {@code fixedPartition} writes each sink subtask into one partition.
   */
  RowKafkaSerializer(String topic, SerializationSchema<Row> keyEncoder, SerializationSchema<Row> valueEncoder,
      int[] keyColumns, int[] valueColumns, int timestampField, int headersField, boolean fixedPartition,
      boolean upsert) {
    this.topic = topic;
    this.keyEncoder = keyEncoder;
    this.valueEncoder = valueEncoder;
    this.keyColumns = keyColumns;
    this.valueColumns = valueColumns;
    this.timestampField = timestampField;
    this.headersField = headersField;
    this.fixedPartition = fixedPartition;
    this.upsert = upsert;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
    if (keyEncoder != null) {
      keyEncoder.open(context);
    }
    valueEncoder.open(context);
    if (fixedPartition) {
      int[] partitions = sinkContext.getPartitionsForTopic(topic);
      partition = partitions[sinkContext.getParallelInstanceId() % partitions.length];
    }
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Row row, KafkaSinkContext context, Long timestamp) {
    RowKind kind = row.getKind();
    if (kind == RowKind.UPDATE_BEFORE && upsert) {
      return null;
    }
    byte[] key = keyEncoder == null ? null : keyEncoder.serialize(Row.project(row, keyColumns));
    byte[] value;
    if (kind == RowKind.DELETE && upsert) {
      value = null;
    } else {
      Row values = Row.project(row, valueColumns);
      values.setKind(RowKind.INSERT);
      value = valueEncoder.serialize(values);
    }
    Long recordTimestamp = timestampField < 0 || row.getField(timestampField) == null ? null
        : ((Instant) row.getField(timestampField)).toEpochMilli();
    RecordHeaders headers = new RecordHeaders();
    if (headersField >= 0 && row.getField(headersField) != null) {
      @SuppressWarnings("unchecked")
      Map<String, byte[]> given = (Map<String, byte[]>) row.getField(headersField);
      given.forEach(headers::add);
    }
    return new ProducerRecord<>(topic, partition, recordTimestamp, key, value, headers);
  }
}
