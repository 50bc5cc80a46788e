package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.sink.KafkaSink;
import io.spate.connectors.kafka.sink.KafkaSinkBuilder;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.sink.abilities.SupportsWritingMetadata;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.sink.UpsertBufferOperator;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The sink of a {@code kafka} table (inserts only) or an {@code upsert-kafka} table (inserts and
 * updates as values under their key, deletes as tombstones): a {@link KafkaSink} with the table's
 * delivery guarantee, writing key and value columns through their formats and the timestamp and
 * headers from metadata columns.
 */
@Internal
final class KafkaDynamicSink implements DynamicTableSink, SupportsWritingMetadata {

  /** How the sink chooses a record's partition. */
  enum Partitioner {
    DEFAULT, FIXED, ROUND_ROBIN
  }

  private final KafkaTableLayout layout;
  private final EncodingFormat<SerializationSchema<Row>> keyFormat;
  private final EncodingFormat<SerializationSchema<Row>> valueFormat;
  private final String topic;
  private final Properties properties;
  private final Partitioner partitioner;
  private final DeliveryGuarantee guarantee;
  private final String transactionalIdPrefix;
  private final Integer parallelism;
  private final boolean upsert;
  private final String summary;
  private List<String> metadataKeys = List.of();
  private long[] buffer;

  KafkaDynamicSink(KafkaTableLayout layout, EncodingFormat<SerializationSchema<Row>> keyFormat,
      EncodingFormat<SerializationSchema<Row>> valueFormat, String topic, Properties properties,
      Partitioner partitioner, DeliveryGuarantee guarantee, String transactionalIdPrefix, Integer parallelism,
      boolean upsert, String summary) {
    this.layout = layout;
    this.keyFormat = keyFormat;
    this.valueFormat = valueFormat;
    this.topic = topic;
    this.properties = properties;
    this.partitioner = partitioner;
    this.guarantee = guarantee;
    this.transactionalIdPrefix = transactionalIdPrefix;
    this.parallelism = parallelism;
    this.upsert = upsert;
    this.summary = summary;
  }

  /**
   * This sink buffering its rows, the last per key, and writing them when {@code maxRowsAndMillis[0]}
   * wait or the oldest waited {@code maxRowsAndMillis[1]} ms (null: no buffer).
   */
  KafkaDynamicSink withBuffer(long[] maxRowsAndMillis) {
    this.buffer = maxRowsAndMillis;
    return this;
  }

  @Override
  public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
    return upsert ? ChangelogMode.upsert() : ChangelogMode.insertOnly();
  }

  @Override
  public Map<String, DataType> listWritableMetadata() {
    return KafkaMetadata.writable();
  }

  @Override
  public void applyWritableMetadata(List<String> metadataKeys, DataType consumedDataType) {
    this.metadataKeys = List.copyOf(metadataKeys);
  }

  @Override
  public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
    SerializationSchema<Row> keyEncoder = keyFormat == null ? null
        : keyFormat.createRuntimeEncoder(context, TypeConversions.fromLogicalToDataType(layout.keyType()));
    SerializationSchema<Row> valueEncoder = valueFormat.createRuntimeEncoder(context,
        TypeConversions.fromLogicalToDataType(layout.valueType()));
    int physical = layout.physical().getFieldCount();
    int timestamp = metadataKeys.indexOf(KafkaMetadata.TIMESTAMP.key);
    int headers = metadataKeys.indexOf(KafkaMetadata.HEADERS.key);
    RowKafkaSerializer records = new RowKafkaSerializer(topic, keyEncoder, valueEncoder, layout.keyColumns(),
        layout.valueColumns(), timestamp < 0 ? -1 : physical + timestamp, headers < 0 ? -1 : physical + headers,
        partitioner == Partitioner.FIXED, upsert);
    Properties producer = new Properties();
    producer.putAll(properties);
    if (partitioner == Partitioner.ROUND_ROBIN) {
      producer.setProperty("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner");
    }
    KafkaSinkBuilder<Row> builder = KafkaSink.<Row>builder()
        .setKafkaProducerConfig(producer)
        .setRecordSerializer(records)
        .setDeliveryGuarantee(guarantee);
    if (transactionalIdPrefix != null) {
      builder.setTransactionalIdPrefix(transactionalIdPrefix);
    }
    KafkaSink<Row> sink = builder.build();
    return (DataStreamSinkProvider) (DataStream<Row> rows, String name) -> {
      DataStream<Row> input = rows;
      if (upsert && parallelism != null) {
        // The changes of one key must reach Kafka in their order, so one subtask writes all of a key's.
        input = rows.keyBy(new KeyProjection(layout.keyColumns()), TypeInfos.ofRow(keyRowType()));
      }
      if (upsert && buffer != null) {
        input = input.transform("Upsert buffer of " + name, input.getType(),
            new UpsertBufferOperator(layout.keyColumns(), (int) buffer[0], buffer[1]));
        if (parallelism != null) {
          ((SingleOutputStreamOperator<Row>) input).setParallelism(parallelism);
        }
      }
      DataStreamSink<Row> written = input.sinkTo(sink).name(name);
      if (parallelism != null) {
        written.setParallelism(parallelism);
      }
      return written;
    };
  }

  private RowType keyRowType() {
    List<RowType.RowField> fields = new ArrayList<>();
    for (int column : layout.keyColumns()) {
      fields.add(layout.physical().getFields().get(column));
    }
    return new RowType(false, fields);
  }

  @Override
  public String asSummaryString() {
    return summary;
  }
}
