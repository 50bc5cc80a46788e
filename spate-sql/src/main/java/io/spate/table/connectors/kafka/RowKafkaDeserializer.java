package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka record as a table row: the key columns from the key (with the key format), the
 * value columns from the value (with the value format), then the requested metadata. In upsert
 * mode a record without value (a tombstone) is a delete of its key; otherwise it is skipped.
 */
@Internal
final class RowKafkaDeserializer implements KafkaRecordDeserializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final DeserializationSchema<Row> keyDecoder;
  private final DeserializationSchema<Row> valueDecoder;
  private final int[] keyColumns;
  private final int[] valueColumns;
  private final int physicalArity;
  private final KafkaMetadata[] metadata;
  private final boolean upsert;
  private final RowTypeInfo producedType;
  private transient List<Row> values;

  RowKafkaDeserializer(DeserializationSchema<Row> keyDecoder, DeserializationSchema<Row> valueDecoder,
      int[] keyColumns, int[] valueColumns, int physicalArity, KafkaMetadata[] metadata, boolean upsert,
      RowTypeInfo producedType) {
    this.keyDecoder = keyDecoder;
    this.valueDecoder = valueDecoder;
    this.keyColumns = keyColumns;
    this.valueColumns = valueColumns;
    this.physicalArity = physicalArity;
    this.metadata = metadata;
    this.upsert = upsert;
    this.producedType = producedType;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) throws Exception {
    if (keyDecoder != null) {
      keyDecoder.open(context);
    }
    valueDecoder.open(context);
    values = new ArrayList<>(1);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) throws IOException {
    Row key = keyDecoder == null || record.key() == null ? null : keyDecoder.deserialize(record.key());
    if (record.value() == null) {
      if (upsert && key != null) {
        Row deleted = new Row(RowKind.DELETE, physicalArity + metadata.length);
        fill(deleted, key, null, record);
        out.collect(deleted);
      }
      return;
    }
    values.clear();
    valueDecoder.deserialize(record.value(), values::add);
    for (Row value : values) {
      Row row = new Row(value.getKind(), physicalArity + metadata.length);
      fill(row, key, value, record);
      out.collect(row);
    }
  }

  private void fill(Row row, Row key, Row value, ConsumerRecord<byte[], byte[]> record) {
    if (value != null) {
      for (int i = 0; i < valueColumns.length; i++) {
        row.setField(valueColumns[i], value.getField(i));
      }
    }
    if (key != null) {
      for (int i = 0; i < keyColumns.length; i++) {
        row.setField(keyColumns[i], key.getField(i));
      }
    }
    for (int m = 0; m < metadata.length; m++) {
      row.setField(physicalArity + m, metadata[m].read(record));
    }
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return producedType;
  }
}
